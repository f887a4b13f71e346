package io.jixiao.budget.service;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;

import javax.sql.DataSource;


import io.jixiao.platform.problem.ProblemException;
import io.jixiao.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Every 支出明细 of a year across departments (the bureau) or of the caller's own department, streamed
 * by PostgreSQL itself: {@code COPY (select …) TO STDOUT} writes the rows straight into the response, so
 * the export is uncapped, runs at the database's pace and holds no row in the heap. PostgreSQL sends the
 * bare columns ({@link SpendingLineExportQuery}); each row becomes a CSV line ({@link LineCsvWriter}: COPY's
 * quoting, the formula guard) or a JSON object ({@link LineJsonWriter}) as it arrives, on the other core.
 */
@ApplicationScoped
public class SpendingLineExport {

    static final String CSV_HEADER = "单位编码,单位名称,年度,序号,支付日期,支出类型,项目名称,经济分类,支付方式,金额(元),摘要\n";

    private final DataSource dataSource;

    public SpendingLineExport(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Streams the lines into {@code out}. A department sees its own lines only; the bureau all, or one
     * department with {@code departmentId}. {@code since}: only department-years changed at or after it.
     */
    public void export(Caller caller, int fiscalYear, String departmentId, OffsetDateTime since, boolean csv,
            OutputStream out) {
        String scope = caller.readsAllDepartments() ? departmentId : caller.departmentId().orElse("-");
        if (!caller.readsAllDepartments() && departmentId != null && !departmentId.equals(scope)) {
            throw ProblemException.forbidden("department.forbidden");
        }
        if (scope != null && !CopyStreams.DEPARTMENT_ID.matcher(scope).matches()) {
            throw new ProblemException(404, "department.not-found", List.of(),
                    scope.substring(0, Math.min(64, scope.length())));
        }
        String sql = SpendingLineExportQuery.copy(fiscalYear, scope, since);
        try (Connection c = dataSource.getConnection()) {
            CopyRowWriter writer;
            if (csv) {
                out.write(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF }); // BOM: Excel reads UTF-8
                out.write(CSV_HEADER.getBytes(StandardCharsets.UTF_8));
                writer = new LineCsvWriter(out);
            } else {
                writer = new LineJsonWriter(out);
            }
            CopyStreams.copyOut(c, sql, writer::row);
            writer.flush(); // each writer buffers 64 KB: the response gets chunks, not rows
        } catch (SQLException e) {
            throw new IllegalStateException("spending line export", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
