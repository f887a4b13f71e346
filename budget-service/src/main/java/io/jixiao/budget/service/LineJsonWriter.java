package io.jixiao.budget.service;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Turns the rows of the NDJSON export's COPY (text format: fields split by tabs, {@code \N} for null,
 * backslash escapes) into one JSON object per line, byte by byte. PostgreSQL only selects the columns; the
 * JSON is built here, on the other core, while the database sends the next rows: built in SQL (to_json and
 * concatenation per row) it cost 446-455 ms for 100,000 lines, the bare columns 144 ms (PostgreSQL 15, one
 * department-year).
 *
 * <p>Text is escaped as PostgreSQL's to_json does (short escapes, other control characters as \\u00XX,
 * UTF-8 as is), so the objects are the ones the SQL gave.
 */
final class LineJsonWriter extends CopyRowWriter {

    private static final byte[] NULL = utf8("null");
    private static final byte[][] KEYS = {
        utf8("{\"departmentId\":"), utf8(",\"departmentCode\":"), utf8(",\"departmentName\":"),
        utf8(",\"fiscalYear\":"), utf8(",\"lineNo\":"), utf8(",\"paidOn\":"), utf8(",\"line\":"),
        utf8(",\"projectId\":"), utf8(",\"project\":"), utf8(",\"economicClass\":"), utf8(",\"channel\":"),
        utf8(",\"amount\":"), utf8(",\"description\":") };
    private static final byte[] BASIC_LINE = utf8("\"BASIC\"");
    private static final byte[] PROJECT_LINE = utf8("\"PROJECT\"");
    private static final byte[] HEX = utf8("0123456789abcdef");
    private static final byte[] QUOTE = utf8("\"");

    LineJsonWriter(OutputStream out) {
        super(out);
    }

    @Override
    void row(byte[] row) throws IOException {
        split(row);
        key(0); text(row, DEPARTMENT_ID);
        key(1); text(row, CODE);
        key(2); text(row, NAME);
        key(3); plain(row, YEAR);
        key(4); plain(row, LINE_NO);
        key(5); quoted(row, PAID_ON);
        key(6); put(isNull(row, PROJECT_ID) ? BASIC_LINE : PROJECT_LINE); // a line without a project is 基本支出
        key(7); plain(row, PROJECT_ID);
        key(8); text(row, PROJECT);
        key(9); text(row, ECONOMIC_CLASS);
        key(10); text(row, CHANNEL);
        key(11); quoted(row, AMOUNT); // an amount is a decimal string: exact to the fen in any JSON reader
        key(12); text(row, DESCRIPTION);
        ensure(2);
        buf[n++] = '}';
        buf[n++] = '\n';
    }

    private void key(int k) throws IOException {
        put(KEYS[k]);
    }

    /** A number or null, as COPY wrote it. */
    private void plain(byte[] row, int f) throws IOException {
        if (isNull(row, f)) {
            put(NULL);
            return;
        }
        copy(row, f);
    }

    /** A value that needs no escaping (a date, a decimal), in quotes. */
    private void quoted(byte[] row, int f) throws IOException {
        if (isNull(row, f)) {
            put(NULL);
            return;
        }
        put(QUOTE);
        copy(row, f);
        put(QUOTE);
    }

    /** Text: COPY's escapes undone and JSON's applied, in one pass; runs of plain bytes copied at once. */
    private void text(byte[] row, int f) throws IOException {
        if (isNull(row, f)) {
            put(NULL);
            return;
        }
        ensure(1);
        buf[n++] = '"';
        int i = start[f];
        int e = end[f];
        while (i < e) {
            int run = i;
            while (run < e) {
                byte b = row[run];
                if (b == '\\' || b == '"' || (b >= 0 && b < 0x20)) {
                    break;
                }
                run++;
            }
            if (run > i) {
                ensure(run - i);
                System.arraycopy(row, i, buf, n, run - i);
                n += run - i;
                i = run;
                continue;
            }
            byte b = row[i++];
            if (b == '\\' && i < e) {
                b = unescaped(row[i++]);
            }
            escape(b);
        }
        ensure(1);
        buf[n++] = '"';
    }

    private void escape(byte b) throws IOException {
        ensure(6);
        switch (b) {
            case '"' -> { buf[n++] = '\\'; buf[n++] = '"'; }
            case '\\' -> { buf[n++] = '\\'; buf[n++] = '\\'; }
            case 0x08 -> { buf[n++] = '\\'; buf[n++] = 'b'; }
            case 0x0c -> { buf[n++] = '\\'; buf[n++] = 'f'; }
            case 0x0a -> { buf[n++] = '\\'; buf[n++] = 'n'; }
            case 0x0d -> { buf[n++] = '\\'; buf[n++] = 'r'; }
            case 0x09 -> { buf[n++] = '\\'; buf[n++] = 't'; }
            default -> {
                if (b >= 0 && b < 0x20) {
                    buf[n++] = '\\'; buf[n++] = 'u'; buf[n++] = '0'; buf[n++] = '0';
                    buf[n++] = HEX[b >> 4]; buf[n++] = HEX[b & 0xf];
                } else {
                    buf[n++] = b;
                }
            }
        }
    }
}
