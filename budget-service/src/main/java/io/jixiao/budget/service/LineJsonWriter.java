package io.jixiao.budget.service;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Turns the rows of the NDJSON export's COPY (text format: fields split by tabs, {@code \N} for null,
 * backslash escapes) into one JSON object per line, byte by byte. PostgreSQL only selects the columns; the
 * JSON is built here, on the other core, while the database sends the next rows: built in SQL (to_json and
 * concatenation per row) it cost 446-455 ms for 100,000 lines, the bare columns 144 ms (PostgreSQL 15, one
 * department-year).
 *
 * <p>Fields, in {@link SpendingLineExportQuery}'s order: department id, code, name, fiscal year, line no,
 * paid on, project id, project name, economic class, channel, amount, description. Text is escaped as
 * PostgreSQL's to_json does (short escapes, other control characters as \\u00XX, UTF-8 as is), so the
 * objects are the ones the SQL gave.
 */
final class LineJsonWriter {

    static final int FIELDS = 12;

    private static final byte[] NULL = bytes("null");
    private static final byte[][] KEYS = {
        bytes("{\"departmentId\":"), bytes(",\"departmentCode\":"), bytes(",\"departmentName\":"),
        bytes(",\"fiscalYear\":"), bytes(",\"lineNo\":"), bytes(",\"paidOn\":"), bytes(",\"line\":"),
        bytes(",\"projectId\":"), bytes(",\"project\":"), bytes(",\"economicClass\":"), bytes(",\"channel\":"),
        bytes(",\"amount\":"), bytes(",\"description\":") };
    private static final byte[] BASIC = bytes("\"BASIC\"");
    private static final byte[] PROJECT = bytes("\"PROJECT\"");
    private static final byte[] HEX = bytes("0123456789abcdef");

    private final OutputStream out;
    private byte[] buf = new byte[64 * 1024];
    private int n;
    private final int[] start = new int[FIELDS];
    private final int[] end = new int[FIELDS];

    LineJsonWriter(OutputStream out) {
        this.out = out;
    }

    /** One COPY row (its trailing newline included or not) as one JSON line. */
    void row(byte[] row) throws IOException {
        int len = row.length > 0 && row[row.length - 1] == '\n' ? row.length - 1 : row.length;
        int f = 0;
        start[0] = 0;
        for (int i = 0; i < len; i++) {
            if (row[i] == '\t') { // a tab in the data arrives as \t: a raw tab is always a field boundary
                if (f == FIELDS - 1) {
                    throw new IllegalStateException("more than " + FIELDS + " fields in a COPY row");
                }
                end[f++] = i;
                start[f] = i + 1;
            }
        }
        end[f] = len;
        if (f != FIELDS - 1) {
            throw new IllegalStateException((f + 1) + " fields in a COPY row, expected " + FIELDS);
        }
        key(0); text(row, 0);
        key(1); text(row, 1);
        key(2); text(row, 2);
        key(3); plain(row, 3);
        key(4); plain(row, 4);
        key(5); quoted(row, 5);
        key(6); put(isNull(row, 6) ? BASIC : PROJECT); // a line without a project is 基本支出
        key(7); plain(row, 6);
        key(8); text(row, 7);
        key(9); text(row, 8);
        key(10); text(row, 9);
        key(11); quoted(row, 10); // an amount is a decimal string: exact to the fen in any JSON reader
        key(12); text(row, 11);
        ensure(2);
        buf[n++] = '}';
        buf[n++] = '\n';
    }

    void flush() throws IOException {
        out.write(buf, 0, n);
        n = 0;
        out.flush();
    }

    private void key(int k) throws IOException {
        put(KEYS[k]);
    }

    private boolean isNull(byte[] row, int f) {
        return end[f] - start[f] == 2 && row[start[f]] == '\\' && row[start[f] + 1] == 'N';
    }

    /** A number or null, as COPY wrote it. */
    private void plain(byte[] row, int f) throws IOException {
        if (isNull(row, f)) {
            put(NULL);
            return;
        }
        int len = end[f] - start[f];
        ensure(len);
        System.arraycopy(row, start[f], buf, n, len);
        n += len;
    }

    /** A value that needs no escaping (a date, a decimal), in quotes. */
    private void quoted(byte[] row, int f) throws IOException {
        if (isNull(row, f)) {
            put(NULL);
            return;
        }
        int len = end[f] - start[f];
        ensure(len + 2);
        buf[n++] = '"';
        System.arraycopy(row, start[f], buf, n, len);
        n += len;
        buf[n++] = '"';
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
                byte c = row[i++];
                b = switch (c) {
                    case 'b' -> 0x08;
                    case 'f' -> 0x0c;
                    case 'n' -> 0x0a;
                    case 'r' -> 0x0d;
                    case 't' -> 0x09;
                    case 'v' -> 0x0b;
                    default -> c; // \\ and any other escaped character stand for themselves
                };
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

    private void put(byte[] bytes) throws IOException {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buf, n, bytes.length);
        n += bytes.length;
    }

    /** Room for {@code k} more bytes: what is buffered goes out first when they would not fit. */
    private void ensure(int k) throws IOException {
        if (n + k > buf.length) {
            out.write(buf, 0, n);
            n = 0;
            if (k > buf.length) { // not for a line's text (at most 500 characters), but never wrong
                buf = new byte[k];
            }
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
