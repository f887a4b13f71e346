package io.jixiao.budget.service;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/** Feeds COPY text rows to an export writer, as CopyStreams does, and returns what it wrote. */
final class ExportRows {

    private ExportRows() {
    }

    static String write(Function<OutputStream, CopyRowWriter> writer, String... rows) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CopyRowWriter w = writer.apply(out);
        for (String row : rows) {
            w.row(row.getBytes(StandardCharsets.UTF_8));
        }
        w.flush();
        return out.toString(StandardCharsets.UTF_8);
    }

    /** A description of a line's longest text: 500 characters, 1,500 bytes. */
    static final String LONGEST_TEXT = "长".repeat(500);

    /** {@code count} basic lines of department code -7, line i+1 and amount i.50, each with LONGEST_TEXT. */
    static String[] longLines(int count) {
        String[] rows = new String[count];
        for (int i = 0; i < count; i++) {
            rows[i] = "d-1\t-7\t名\t2022\t" + (i + 1) + "\t2022-02-02\t\\N\t\\N\t差旅费\tOWN\t" + i + ".50\t"
                    + LONGEST_TEXT + "\n";
        }
        return rows;
    }
}
