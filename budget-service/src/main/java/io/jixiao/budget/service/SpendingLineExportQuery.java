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

    /** A cell Excel would run as a formula gets a leading ' (also after a line break), as CsvField does. */
    static String guarded(String column) {
        // the regular expression only where it can match: the first character and line breaks are
        // checked with plain string functions first, so an ordinary cell costs no regex per row
        return "case when left(" + column + ", 1) in ('=', '+', '-', '@', E'\\t', E'\\r') or strpos(" + column
                + ", E'\\n') > 0 or strpos(" + column + ", E'\\r') > 0 then regexp_replace(" + column
                + ", '(^|(?<=[\\r\\n]))(?=[=+\\-@\\t\\r])', '''', 'g') else " + column + " end";
    }

    /**
     * The COPY of one year's lines: every department's ({@code departmentId} null) or one department's, only
     * department-years changed at or after {@code since} when given. {@code departmentId} is written into the
     * text (COPY takes no parameters), so anything but an id is refused here as well as by the caller.
     */
    public static String copy(int fiscalYear, String departmentId, OffsetDateTime since, boolean csv) {
        if (departmentId != null && !CopyStreams.DEPARTMENT_ID.matcher(departmentId).matches()) {
            throw new IllegalArgumentException("not a department id");
        }
        String columns = csv ? String.join(", ", "d.code", guarded("d.name"), "s.fiscal_year", "s.line_no",
                "s.paid_on", "case when s.project_id is null then '基本支出' else '项目支出' end", guarded("p.name"),
                guarded("s.economic_class"), "case s.channel when 'OWN' then '单位自有' else '财政直接支付' end",
                "s.amount", guarded("s.description"))
                // NDJSON: the bare columns in LineJsonWriter's order; the JSON is built as the rows arrive
                : "s.department_id, d.code, d.name, s.fiscal_year, s.line_no, s.paid_on, s.project_id, p.name, "
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
        // NDJSON: COPY's text format (tab-separated, \N for null, backslash escapes), read by LineJsonWriter
        return "copy (" + sql + ") to stdout" + (csv ? " with (format csv)" : "");
    }
}
