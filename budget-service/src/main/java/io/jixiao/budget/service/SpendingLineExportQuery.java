package io.jixiao.budget.service;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The {@code COPY (select …) TO STDOUT} of the 支出明细 export, as text. Kept apart from the CDI bean (no
 * Quarkus type is needed to load it) because the benchmark driver (deploy/bench/driver) runs this same
 * statement in PostgreSQL alone to measure the export's ceiling: it cannot drift from what the service sends.
 */
public final class SpendingLineExportQuery {

    private SpendingLineExportQuery() {
    }

    /**
     * The COPY of one year's lines, for either format: every department's ({@code departmentId} null) or one department's, only
     * department-years changed at or after {@code since} when given. {@code departmentId} is written into the
     * text (COPY takes no parameters), so anything but an id is refused here as well as by the caller.
     */
    public static String copy(int fiscalYear, String departmentId, OffsetDateTime since) {
        if (departmentId != null && !CopyStreams.DEPARTMENT_ID.matcher(departmentId).matches()) {
            throw new IllegalArgumentException("not a department id");
        }
        // the bare columns, in CopyRowWriter's order: the CSV and the JSON are made as the rows arrive
        String columns = "s.department_id, d.code, d.name, s.fiscal_year, s.line_no, s.paid_on, s.project_id, p.name, "
                + "s.economic_class, s.channel, s.amount, s.description";
        StringBuilder sql = new StringBuilder("select ").append(columns).append("""

                from spending_line s
                join department d on d.id = s.department_id
                left join project p on p.id = s.project_id
                """);
        if (since != null) {
            sql.append("join filing f on f.department_id = s.department_id and f.fiscal_year = s.fiscal_year and f.updated_at >= '")
                    .append(since.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)).append("'::timestamptz\n");
        }
        sql.append("where s.fiscal_year = ").append(fiscalYear);
        if (departmentId != null) {
            sql.append(" and s.department_id = '").append(departmentId).append('\'');
        }
        sql.append("\norder by s.department_id, s.id");
        // COPY's text format (tab-separated, \N for null, backslash escapes), read by CopyRowWriter
        return "copy (" + sql + ") to stdout";
    }
}
