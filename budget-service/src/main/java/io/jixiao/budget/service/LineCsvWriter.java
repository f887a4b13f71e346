package io.jixiao.budget.service;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * Turns the rows of the export's COPY (text format) into the CSV lines the bureau downloads, byte by byte,
 * as PostgreSQL's own CSV output wrote them before: null as an empty field, an empty text as {@code ""}, a
 * field quoted when it holds a comma, a quote or a line break (quotes doubled), LF at the end of a line.
 * Names, economic class and description get the formula guard ({@link YearOverviewService#csvField}'s rule):
 * a ' before a =, +, -, @, tab or CR that starts the text or follows a line break, so Excel shows the text
 * instead of running it. Done in SQL (a case and a regular expression per cell) the year's statement cost
 * 222-249 ms of PostgreSQL for 100,000 lines, the bare columns 154-160 ms.
 */
final class LineCsvWriter extends CopyRowWriter {

    private static final byte[] BASIC_LINE = utf8("基本支出");
    private static final byte[] PROJECT_LINE = utf8("项目支出");
    private static final byte[] OWN = utf8("单位自有");
    private static final byte[] DIRECT = utf8("财政直接支付");
    private static final byte[] OWN_CODE = utf8("OWN");

    /** The text of one field, COPY's escapes undone. */
    private byte[] text = new byte[2048];

    LineCsvWriter(OutputStream out) {
        super(out);
    }

    @Override
    void row(byte[] row) throws IOException {
        split(row);
        field(row, CODE, false);
        comma();
        field(row, NAME, true);
        comma();
        copy(row, YEAR);
        comma();
        copy(row, LINE_NO);
        comma();
        copy(row, PAID_ON);
        comma();
        put(isNull(row, PROJECT_ID) ? BASIC_LINE : PROJECT_LINE);
        comma();
        field(row, PROJECT, true);
        comma();
        field(row, ECONOMIC_CLASS, true);
        comma();
        put(equals(row, CHANNEL, OWN_CODE) ? OWN : DIRECT);
        comma();
        copy(row, AMOUNT);
        comma();
        field(row, DESCRIPTION, true);
        ensure(1);
        buf[n++] = '\n';
    }

    private void comma() throws IOException {
        ensure(1);
        buf[n++] = ',';
    }

    private boolean equals(byte[] row, int f, byte[] value) {
        return end[f] - start[f] == value.length
                && Arrays.equals(row, start[f], end[f], value, 0, value.length);
    }

    private static boolean formulaStart(byte b) {
        return b == '=' || b == '+' || b == '-' || b == '@' || b == '\t' || b == '\r';
    }

    /** A text field: unescaped, guarded when {@code guard}, quoted where COPY's CSV quoted it. */
    private void field(byte[] row, int f, boolean guard) throws IOException {
        if (isNull(row, f)) {
            return;
        }
        int len = 0;
        boolean quote = false;
        if (text.length < end[f] - start[f]) {
            text = new byte[end[f] - start[f]];
        }
        for (int i = start[f]; i < end[f]; i++) {
            byte b = row[i];
            if (b == '\\' && i + 1 < end[f]) {
                b = unescaped(row[++i]);
            }
            quote |= b == ',' || b == '"' || b == '\n' || b == '\r';
            text[len++] = b;
        }
        // COPY quotes an empty text: an unquoted empty field is null (a lone \. only in a one-column COPY)
        quote |= len == 0;
        ensure(3 * len + 2); // at worst each byte guarded and doubled, and the quotes
        if (quote) {
            buf[n++] = '"';
        }
        for (int i = 0; i < len; i++) {
            byte b = text[i];
            if (guard && i == 0 && formulaStart(b)) {
                buf[n++] = '\'';
            }
            buf[n++] = b;
            if (b == '"') {
                buf[n++] = '"';
            }
            if (guard && (b == '\n' || b == '\r') && i + 1 < len && formulaStart(text[i + 1])) {
                buf[n++] = '\'';
            }
        }
        if (quote) {
            buf[n++] = '"';
        }
    }
}
