package io.jixiao.budget.service;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * What the export's writers share: a row of COPY's text format split into its fields (tabs between them,
 * {@code \N} for null, backslash escapes inside), and a 64 KB output buffer that goes out when full. The
 * rows are {@link SpendingLineExportQuery}'s: department id, code, name, fiscal year, line no, paid on,
 * project id, project name, economic class, channel, amount, description.
 */
abstract class CopyRowWriter {

    static final int FIELDS = 12;
    static final int DEPARTMENT_ID = 0, CODE = 1, NAME = 2, YEAR = 3, LINE_NO = 4, PAID_ON = 5, PROJECT_ID = 6,
            PROJECT = 7, ECONOMIC_CLASS = 8, CHANNEL = 9, AMOUNT = 10, DESCRIPTION = 11;

    private final OutputStream out;
    protected byte[] buf = new byte[64 * 1024];
    protected int n;
    protected final int[] start = new int[FIELDS];
    protected final int[] end = new int[FIELDS];

    CopyRowWriter(OutputStream out) {
        this.out = out;
    }

    /** One COPY row (its trailing newline included or not) as one line of the export. */
    abstract void row(byte[] row) throws IOException;

    void flush() throws IOException {
        out.write(buf, 0, n);
        n = 0;
        out.flush();
    }

    /** Splits the row into start/end; a row of another shape is an error, never a shifted line. */
    protected void split(byte[] row) {
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
    }

    protected boolean isNull(byte[] row, int f) {
        return end[f] - start[f] == 2 && row[start[f]] == '\\' && row[start[f] + 1] == 'N';
    }

    /** The character a COPY escape stands for ({@code c} being the one after the backslash). */
    protected static byte unescaped(byte c) {
        return switch (c) {
            case 'b' -> 0x08;
            case 'f' -> 0x0c;
            case 'n' -> 0x0a;
            case 'r' -> 0x0d;
            case 't' -> 0x09;
            case 'v' -> 0x0b;
            default -> c; // \\ and any other escaped character stand for themselves
        };
    }

    /** The field's bytes as they are (a number, a date). */
    protected void copy(byte[] row, int f) throws IOException {
        int len = end[f] - start[f];
        ensure(len);
        System.arraycopy(row, start[f], buf, n, len);
        n += len;
    }

    protected static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    protected void put(byte[] bytes) throws IOException {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buf, n, bytes.length);
        n += bytes.length;
    }

    /** Room for {@code k} more bytes: what is buffered goes out first when they would not fit. */
    protected void ensure(int k) throws IOException {
        if (n + k > buf.length) {
            out.write(buf, 0, n);
            n = 0;
            if (k > buf.length) { // not for a line's text (at most 500 characters), but never wrong
                buf = new byte[k];
            }
        }
    }
}
