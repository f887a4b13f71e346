package io.jixiao.budget.imports;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

import org.postgresql.copy.CopyIn;

/**
 * The checked 支出明细 of an import, streamed into PostgreSQL's COPY (CSV) while the file is still being
 * read: the service parses the next rows while the database writes the previous ones, on the other
 * core. The COPY starts with the first line ({@link Start}: the save deletes the year's old lines
 * first), so a sheet without rows leaves the old lines. Counts the lines and their sums per project
 * and channel and per project and month, which replace spending_total and spending_month_total.
 */
final class LineCopy {

    static final String COPY = "copy spending_line (project_id, department_id, fiscal_year, line_no, paid_on, "
            + "economic_class, channel, amount, description) from stdin with (format csv)";

    /** Bytes handed to the driver at a time. */
    private static final int CHUNK = 64 * 1024;

    /** Opens the COPY on the save's connection when the first line arrives. */
    interface Start {
        CopyIn open() throws SQLException;
    }

    private final Start start;
    private final byte[] departmentAndYear;
    private final StringBuilder row = new StringBuilder(256);
    private byte[] chunk = new byte[CHUNK * 2];
    private int used;
    private CopyIn copy;
    private int lines;
    private BigDecimal total = BigDecimal.ZERO.setScale(2);
    /** Per project id (null: 基本支出) and channel: the lines and their sum, for spending_total. */
    private final Map<Sum.Key, Sum> sums = new HashMap<>();
    /** Per project id (null: 基本支出) and month of 支付日期: the lines and their sum, for spending_month_total. */
    private final Map<Sum.Month, Sum> months = new HashMap<>();

    record Sum(int lines, BigDecimal amount) {
        record Key(Long project, String channel) {
        }

        /** month: 1 = January. */
        record Month(Long project, int month) {
        }

        Sum plus(Sum other) {
            return new Sum(lines + other.lines, amount.add(other.amount));
        }
    }

    LineCopy(String departmentId, int fiscalYear, Start start) {
        this.start = start;
        StringBuilder fixed = new StringBuilder();
        quoted(fixed, departmentId).append(',').append(fiscalYear).append(',');
        this.departmentAndYear = fixed.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Appends a checked line of the given project (null: 基本支出); its number is its place among the file's lines. */
    void add(RowParser.LineRow line, Long projectId) throws SQLException {
        if (copy == null) {
            copy = start.open();
        }
        lines++;
        Sum one = new Sum(1, line.amount());
        sums.merge(new Sum.Key(projectId, line.channel()), one, Sum::plus);
        months.merge(new Sum.Month(projectId, line.paidOn().getMonthValue()), one, Sum::plus);
        total = total.add(line.amount());
        row.setLength(0);
        if (projectId != null) {
            row.append(projectId.longValue());
        }
        row.append(',');
        put(row);
        put(departmentAndYear);
        row.setLength(0);
        row.append(lines).append(',').append(line.paidOn()).append(',');
        quoted(row, line.economicClass()).append(',');
        quoted(row, line.channel()).append(',').append(line.amount().toPlainString()).append(',');
        if (line.description() != null) { // unquoted empty is NULL, "" an empty text
            quoted(row, line.description());
        }
        row.append('\n');
        put(row);
        if (used >= CHUNK) {
            copy.writeToCopy(chunk, 0, used);
            used = 0;
        }
    }

    /** Ends the COPY; false when no line came (nothing was started, the year's lines stay). */
    boolean finish() throws SQLException {
        if (copy == null) {
            return false;
        }
        if (used > 0) {
            copy.writeToCopy(chunk, 0, used);
            used = 0;
        }
        copy.endCopy();
        return true;
    }

    /** Abandons a started COPY (the transaction rolls back anyway); safe to call at any time. */
    void cancel() {
        if (copy != null && copy.isActive()) {
            try {
                copy.cancelCopy();
            } catch (SQLException e) {
                // the connection goes back broken or rolled back; nothing of this import is kept
            }
        }
    }

    int lines() {
        return lines;
    }

    BigDecimal total() {
        return total;
    }

    /** The lines and their sum per project id (null: 基本支出) and channel. */
    Map<Sum.Key, Sum> sums() {
        return sums;
    }

    /** The lines and their sum per project id (null: 基本支出) and month of payment. */
    Map<Sum.Month, Sum> months() {
        return months;
    }

    private void put(CharSequence text) {
        put(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    private void put(byte[] bytes) {
        if (used + bytes.length > chunk.length) {
            chunk = java.util.Arrays.copyOf(chunk, Math.max(chunk.length * 2, used + bytes.length));
        }
        System.arraycopy(bytes, 0, chunk, used, bytes.length);
        used += bytes.length;
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
