package io.jixiao.budget.imports;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * The 支出明细 of an import, checked once (pass 1) and kept on disk as rows PostgreSQL's COPY (CSV)
 * takes as they are, so the save streams them to the database without parsing the file a second
 * time. Only the project is left open: a project of the same file gets its id when the save has
 * created it, so each spooled row starts with the index of its project name (empty for 基本支出) and
 * the save puts the id in its place.
 */
final class LineSpool implements Closeable {

    /** The columns of each spooled row, in order, after the project. */
    static final String COPY = "copy spending_line (project_id, department_id, fiscal_year, line_no, paid_on, "
            + "economic_class, channel, amount, description) from stdin with (format csv)";

    private static final int BUFFER = 64 * 1024;

    private final Path file;
    private final OutputStream out;
    private final byte[] departmentAndYear;
    private final List<String> projects = new ArrayList<>();
    private final Map<String, Integer> projectIndex = new HashMap<>();
    private final StringBuilder row = new StringBuilder(256);
    private int lines;
    private BigDecimal total = BigDecimal.ZERO.setScale(2);
    /** Per project index (-1: 基本支出) and channel: the lines and their sum, for spending_total. */
    private final Map<Sum.Key, Sum> sums = new HashMap<>();
    /** Per project index (-1: 基本支出) and month of 支付日期: the lines and their sum, for spending_month_total. */
    private final Map<Sum.Month, Sum> months = new HashMap<>();

    record Sum(int lines, BigDecimal amount) {
        record Key(int project, String channel) {
        }

        /** month: 1 = January. */
        record Month(int project, int month) {
        }

        Sum plus(Sum other) {
            return new Sum(lines + other.lines, amount.add(other.amount));
        }
    }

    LineSpool(Path file, String departmentId, int fiscalYear) throws IOException {
        this.file = file;
        this.out = new BufferedOutputStream(Files.newOutputStream(file), BUFFER);
        StringBuilder fixed = new StringBuilder();
        quoted(fixed, departmentId).append(',').append(fiscalYear).append(',');
        this.departmentAndYear = fixed.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Appends a checked line; its number is its place among the file's lines (from 1). */
    void add(RowParser.LineRow line) throws IOException {
        lines++;
        int project = -1;
        if (line.project() != null) {
            project = projectIndex.computeIfAbsent(line.project(), name -> {
                projects.add(name);
                return projects.size() - 1;
            });
            out.write(Integer.toString(project).getBytes(StandardCharsets.US_ASCII));
        }
        Sum one = new Sum(1, line.amount());
        sums.merge(new Sum.Key(project, line.channel()), one, Sum::plus);
        months.merge(new Sum.Month(project, line.paidOn().getMonthValue()), one, Sum::plus);
        out.write(',');
        out.write(departmentAndYear);
        row.setLength(0);
        row.append(lines).append(',').append(line.paidOn()).append(',');
        quoted(row, line.economicClass()).append(',');
        quoted(row, line.channel()).append(',').append(line.amount().toPlainString()).append(',');
        if (line.description() != null) { // unquoted empty is NULL, "" an empty text
            quoted(row, line.description());
        }
        row.append('\n');
        out.write(row.toString().getBytes(StandardCharsets.UTF_8));
        total = total.add(line.amount());
    }

    int lines() {
        return lines;
    }

    BigDecimal total() {
        return total;
    }

    /** The lines and their sum per project index (-1: 基本支出) and channel. */
    Map<Sum.Key, Sum> sums() {
        return sums;
    }

    /** The lines and their sum per project index (-1: 基本支出) and month of payment. */
    Map<Sum.Month, Sum> months() {
        return months;
    }

    /** The project names the lines refer to, by index. */
    List<String> projects() {
        return projects;
    }

    void finish() throws IOException {
        out.close();
    }

    /**
     * Streams the spooled rows to COPY in chunks, each project index replaced by its id (ids by
     * index, as {@link #projects()} lists them); progress receives the rows written so far.
     */
    void replay(long[] projectIds, ChunkSink sink, IntConsumer progress) throws Exception {
        byte[] in = new byte[BUFFER];
        byte[] chunk = new byte[BUFFER * 2];
        int used = 0;
        int written = 0;
        boolean lineStart = true;
        int index = -1; // the project index being read at the start of a line, -1 when none
        try (InputStream stream = Files.newInputStream(file)) {
            int n;
            while ((n = stream.read(in)) > 0) {
                for (int i = 0; i < n; i++) {
                    byte b = in[i];
                    if (lineStart) {
                        if (b >= '0' && b <= '9') {
                            index = (index < 0 ? 0 : index * 10) + (b - '0');
                            continue;
                        }
                        // the ',' after the project: its id, or nothing for 基本支出
                        if (index >= 0) {
                            byte[] id = Long.toString(projectIds[index]).getBytes(StandardCharsets.US_ASCII);
                            System.arraycopy(id, 0, chunk, used, id.length);
                            used += id.length;
                            index = -1;
                        }
                        lineStart = false;
                    }
                    chunk[used++] = b;
                    if (b == '\n') {
                        lineStart = true;
                        written++;
                        if (used > BUFFER) {
                            sink.write(chunk, used);
                            used = 0;
                            progress.accept(written);
                        }
                    }
                }
            }
        }
        if (used > 0) {
            sink.write(chunk, used);
        }
        progress.accept(written);
    }

    /** Where the rows go: the COPY of the save's connection. */
    interface ChunkSink {
        void write(byte[] bytes, int length) throws Exception;
    }

    @Override
    public void close() throws IOException {
        try {
            out.close();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static StringBuilder quoted(StringBuilder to, String text) {
        to.append('"');
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '"') {
                to.append('"');
            }
            to.append(ch);
        }
        return to.append('"');
    }
}
