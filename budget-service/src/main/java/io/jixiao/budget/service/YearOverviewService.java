package io.jixiao.budget.service;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.sql.DataSource;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.jixiao.platform.api.ChangeFeed;
import io.jixiao.platform.api.Cursors;
import io.jixiao.platform.money.Money;
import io.jixiao.platform.problem.FieldError;
import io.jixiao.platform.problem.ProblemException;
import io.jixiao.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The bureau's reads across departments: a cursor-paginated overview of a year and a streamed export
 * of every line of a year. Plain SQL over indexed columns; the export streams rows from the database
 * to the client (fetch size), so a year of all departments never sits in memory.
 */
@ApplicationScoped
public class YearOverviewService {

    public static final int MAX_LIMIT = 500;

    private final DataSource dataSource;
    private final ObjectMapper mapper;

    public YearOverviewService(DataSource dataSource, ObjectMapper mapper) {
        this.dataSource = dataSource;
        this.mapper = mapper;
    }

    public record Row(String departmentId, String departmentCode, String departmentName, String jurisdiction,
            int fiscalYear, long revision, boolean locked, OffsetDateTime updatedAt, String basicBudget,
            String basicActual, String projectBudget, String projectActual, String totalBudget, String totalActual,
            String executionRate) {
    }

    public record Page(List<Row> items, String nextCursor) implements io.jixiao.platform.api.CursorPage {
    }

    /**
     * The orders a client may ask for; each is a keyset (sort key, then department code), so the cursor
     * (which carries the sort it was made for) stays stable under inserts. "-" means descending.
     */
    enum Sort {
        CODE("code", "d.code"), NAME("name", "d.name"),
        // a department-year never changed sorts as the oldest
        UPDATED_AT("updatedAt", "coalesce(f.updated_at, '-infinity'::timestamptz)");

        final String param;
        final String column;

        Sort(String param, String column) {
            this.param = param;
            this.column = column;
        }
    }

    /** Departments ordered by {@code sort} (default code); the cursor holds the last row's keys. */
    public Page overview(Caller caller, int fiscalYear, String jurisdiction, Boolean locked, String updatedSince,
            String sortParam, String cursor, int limit) {
        io.jixiao.platform.api.Requests.limit(limit, MAX_LIMIT);
        String sortText = sortParam == null || sortParam.isBlank() ? "code" : sortParam;
        boolean descending = sortText.startsWith("-");
        Sort sort = Arrays.stream(Sort.values()).filter(x -> x.param.equals(descending ? sortText.substring(1) : sortText))
                .findFirst().orElseThrow(() -> new ProblemException(400, "request.invalid",
                        List.of(new FieldError("sort", "overview.sort"))));
        OffsetDateTime since = ChangeFeed.parseSinceParam("updatedSince", updatedSince);
        String[] after = decodeCursor(cursor, sortText);
        StringBuilder sql = new StringBuilder("""
                select d.id, d.code, d.name, d.jurisdiction, coalesce(f.revision, 0), coalesce(f.locked, false),
                       b.budget, b.actual,
                       (select sum(p.budget) from project p where p.department_id = d.id and p.fiscal_year = ?),
                       (select sum(p.actual_own + p.actual_direct) from project p where p.department_id = d.id and p.fiscal_year = ?),
                       f.updated_at
                from department d
                left join filing f on f.department_id = d.id and f.fiscal_year = ?
                left join basic_expenditure b on b.department_id = d.id and b.fiscal_year = ?
                where true""");
        List<Object> params = new ArrayList<>(List.of(fiscalYear, fiscalYear, fiscalYear, fiscalYear));
        if (after != null) {
            String cast = sort == Sort.UPDATED_AT ? "::timestamptz" : "";
            sql.append(" and (").append(sort.column).append(", d.code) ").append(descending ? "<" : ">")
                    .append(" (?").append(cast).append(", ?)");
            params.add(after[0]);
            params.add(after[1]);
        }
        if (!caller.readsAllDepartments()) {
            sql.append(" and d.id = ?");
            params.add(caller.departmentId().orElse(""));
        }
        if (jurisdiction != null) {
            sql.append(" and d.jurisdiction = ?");
            params.add(jurisdiction);
        }
        if (locked != null) {
            sql.append(" and coalesce(f.locked, false) = ?");
            params.add(locked);
        }
        if (since != null) {
            sql.append(" and f.updated_at >= ?");
            params.add(Timestamp.from(since.toInstant()));
        }
        String direction = descending ? " desc" : "";
        sql.append(" order by ").append(sort.column).append(direction).append(", d.code").append(direction)
                .append(" limit ?");
        params.add(limit + 1);
        List<Row> rows = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    BigDecimal bb = rs.getBigDecimal(7);
                    BigDecimal ba = rs.getBigDecimal(8);
                    BigDecimal pb = rs.getBigDecimal(9);
                    BigDecimal pa = rs.getBigDecimal(10);
                    BigDecimal tb = add(bb, pb);
                    BigDecimal ta = add(ba, pa);
                    BigDecimal ratio = Money.ratio(ta, tb);
                    OffsetDateTime updated = rs.getObject(11, OffsetDateTime.class);
                    rows.add(new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), fiscalYear,
                            rs.getLong(5), rs.getBoolean(6),
                            updated == null ? null : updated.withOffsetSameInstant(ZoneOffset.UTC), text(bb), text(ba),
                            text(pb), text(pa), text(tb), text(ta),
                            ratio == null ? null : Money.percent(ratio).toPlainString()));
                    keys.add(switch (sort) {
                        case CODE -> rs.getString(2);
                        case NAME -> rs.getString(3);
                        // microsecond text PostgreSQL reads back exactly; '-infinity' for never changed
                        case UPDATED_AT -> updated == null ? "-infinity" : updated.toString();
                    });
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        String next = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            next = encodeCursor(sortText, keys.get(limit - 1), rows.get(limit - 1).departmentCode());
        }
        return new Page(rows, next);
    }

    /** Every budget line of the year (基本支出 and each project), streamed as NDJSON or CSV (UTF-8 with BOM). */
    public void exportLines(Caller caller, int fiscalYear, boolean csv, OutputStream out) {
        String sql = """
                select d.code, d.name, x.fiscal_year, x.line, x.project, x.budget, x.adjustment, x.actual_own,
                       x.actual_direct, x.key_project
                from (
                    select department_id, fiscal_year, 'BASIC' as line, null as project, budget, 0 as adjustment,
                           actual as actual_own, 0 as actual_direct, false as key_project, 0 as sort
                    from basic_expenditure where fiscal_year = ?
                    union all
                    select department_id, fiscal_year, 'PROJECT', name, budget, adjustment, actual_own, actual_direct,
                           key_project, id
                    from project where fiscal_year = ?
                ) x join department d on d.id = x.department_id
                where (? or d.id = ?)
                order by d.code, x.line, x.sort""";
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false); // PostgreSQL streams with a fetch size only inside a transaction
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setFetchSize(1000);
                ps.setInt(1, fiscalYear);
                ps.setInt(2, fiscalYear);
                ps.setBoolean(3, caller.readsAllDepartments());
                ps.setString(4, caller.departmentId().orElse(""));
                Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
                if (csv) {
                    w.write('\uFEFF');
                    w.write("单位编码,单位名称,年度,支出类型,项目名称,预算数(元),调整数(元),单位支付(元),财政直接支付(元),实际支出(元),差异(元),重点项目\r\n");
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        BigDecimal budget = rs.getBigDecimal(6);
                        BigDecimal own = rs.getBigDecimal(8);
                        BigDecimal direct = rs.getBigDecimal(9);
                        BigDecimal actual = own.add(direct);
                        String line = rs.getString(4);
                        if (csv) {
                            w.write(String.join(",", csvField(rs.getString(1)), csvField(rs.getString(2)),
                                    String.valueOf(rs.getInt(3)), "BASIC".equals(line) ? "基本支出" : "项目支出",
                                    csvField(rs.getString(5)), text(budget), text(rs.getBigDecimal(7)), text(own),
                                    text(direct), text(actual), text(actual.subtract(budget)),
                                    rs.getBoolean(10) ? "是" : "否"));
                            w.write("\r\n");
                        } else {
                            w.write(mapper.writeValueAsString(new ExportLine(rs.getString(1), rs.getString(2),
                                    rs.getInt(3), line, rs.getString(5), text(budget), text(rs.getBigDecimal(7)),
                                    text(own), text(direct), text(actual), text(actual.subtract(budget)),
                                    rs.getBoolean(10))));
                            w.write('\n');
                        }
                    }
                }
                w.flush();
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Schema(name = "BudgetExportLine", description = "One budget line of GET /budgets/export?format=ndjson (one per line of the "
            + "stream): 基本支出 or a project, money in 元 as decimal strings")
    public record ExportLine(String departmentCode, String departmentName, int fiscalYear,
            @Schema(enumeration = { "BASIC", "PROJECT" }) String line,
            @Schema(description = "项目名称, null for 基本支出", nullable = true) String project, String budget, String adjustment,
            String actualOwn, String actualDirect, String actual, String variance, boolean keyProject) {
    }

    /** A cursor is the sort it belongs to, the last row's sort key and its code. */
    private static String encodeCursor(String sort, String key, String code) {
        return Cursors.ofTexts(sort, key, code);
    }

    /** {key, code} after which the page starts, or null; a cursor made for another sort is refused. */
    private static String[] decodeCursor(String cursor, String sort) {
        String[] parts = Cursors.texts(cursor, 3);
        if (parts == null) {
            return null;
        }
        if (!sort.equals(parts[0])) {
            throw Cursors.invalid();
        }
        return new String[] {parts[1], parts[2]};
    }

    /**
     * A formula character (= + - @, tab, CR) at the start of the value or right after a line break in
     * it: a reader that splits the cell at the break (or a bare CR ending the row) would start a new
     * cell with it. The old check used String.matches, whose '.' stops at a line break, so "abc\n=1+2"
     * and "\r=cmd" went out unchanged.
     */
    private static final java.util.regex.Pattern FORMULA_START = java.util.regex.Pattern.compile("(?:^|(?<=[\\r\\n]))(?=[=+\\-@\\t\\r])");

    /** Quotes a CSV field; a formula start is neutralised with ' so Excel never runs it. */
    static String csvField(String value) {
        if (value == null) {
            return "";
        }
        String v = FORMULA_START.matcher(value).replaceAll("'");
        return v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")
                ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }

    private static BigDecimal add(BigDecimal a, BigDecimal b) {
        if (a == null && b == null) {
            return null;
        }
        return (a == null ? BigDecimal.ZERO : a).add(b == null ? BigDecimal.ZERO : b);
    }

    private static String text(BigDecimal v) {
        return v == null ? null : Money.yuan(v).toPlainString();
    }
}
