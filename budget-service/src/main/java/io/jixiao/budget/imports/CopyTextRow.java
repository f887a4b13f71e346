package io.jixiao.budget.imports;

import java.util.Arrays;

/**
 * One row of PostgreSQL's {@code COPY ... TO STDOUT} text format, split into its fields where they lie in
 * the row's bytes: fields end at a tab, the row at a newline, {@code \N} is null, and a backslash escapes
 * what the field itself holds ({@code \\}, {@code \t}, {@code \n}, {@code \r}, {@code \b}, {@code \f},
 * {@code \v}: all that COPY TO writes; it writes no octal or hex escapes). A byte 0x09, 0x0A or 0x5C
 * never occurs inside a multi-byte UTF-8 character, so the bytes can be split without decoding them. A field without a backslash (nearly all) is
 * used where it lies; one with a backslash is unescaped into a copy.
 */
final class CopyTextRow {

    private final int[] start;
    private final int[] end;
    private byte[] row;

    CopyTextRow(int fields) {
        start = new int[fields];
        end = new int[fields];
    }

    /** Takes the next row; fails unless it has exactly the expected number of fields. */
    void read(byte[] line) {
        row = line;
        int n = line.length > 0 && line[line.length - 1] == '\n' ? line.length - 1 : line.length;
        int field = 0;
        start[0] = 0;
        for (int i = 0; i < n; i++) {
            if (line[i] == '\t') {
                if (field + 1 == start.length) {
                    throw new IllegalStateException("a COPY row with more than " + start.length + " fields");
                }
                end[field++] = i;
                start[field] = i + 1;
            }
        }
        if (field + 1 != start.length) {
            throw new IllegalStateException("a COPY row with " + (field + 1) + " fields, not " + start.length);
        }
        end[field] = n;
    }

    byte[] bytes() {
        return row;
    }

    int offset(int field) {
        return start[field];
    }

    int length(int field) {
        return end[field] - start[field];
    }

    boolean isNull(int field) {
        return length(field) == 2 && row[start[field]] == '\\' && row[start[field] + 1] == 'N';
    }

    /** Whether the field holds an escape, so that {@link #unescaped} must be used instead of the row's bytes. */
    boolean escaped(int field) {
        for (int i = start[field]; i < end[field]; i++) {
            if (row[i] == '\\') {
                return true;
            }
        }
        return false;
    }

    /** The field's value with its escapes resolved. */
    byte[] unescaped(int field) {
        byte[] out = new byte[length(field)];
        int n = 0;
        for (int i = start[field]; i < end[field]; i++) {
            byte b = row[i];
            if (b != '\\' || i + 1 == end[field]) {
                out[n++] = b;
                continue;
            }
            byte e = row[++i];
            switch (e) {
                case 't' -> out[n++] = '\t';
                case 'n' -> out[n++] = '\n';
                case 'r' -> out[n++] = '\r';
                case 'b' -> out[n++] = '\b';
                case 'f' -> out[n++] = '\f';
                case 'v' -> out[n++] = 0x0B;
                default -> out[n++] = e; // \\ and any other character stand for themselves
            }
        }
        return Arrays.copyOf(out, n);
    }
}
