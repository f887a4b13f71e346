package io.jixiao.budget.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.jixiao.budget.service.DepartmentService;
import io.jixiao.platform.api.Cursors;
import io.jixiao.platform.api.Requests;
import io.jixiao.platform.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

/** 支出明细 read page by page: keyset on the line id over the (department, year, id) index. */
@ApplicationScoped
public class SpendingLines {

    public static final int MAX_LIMIT = 1000;

    private final DataSource dataSource;
    private final DepartmentService departments;

    public SpendingLines(DataSource dataSource, DepartmentService departments) {
        this.dataSource = dataSource;
        this.departments = departments;
    }

    @Schema(name = "SpendingLine", description = "One 支出明细 line; money in 元 as a decimal string")
    public record Line(@Schema(description = "序号 in the imported file") int lineNo, LocalDate paidOn,
            @Schema(description = "null for 基本支出", nullable = true) Long projectId,
            @Schema(description = "项目名称, null for 基本支出", nullable = true) String project, String economicClass,
            @Schema(description = "OWN 单位自有, DIRECT 财政直接支付", enumeration = { "OWN", "DIRECT" }) String channel,
            @Schema(example = "52800.00") String amount,
            @Schema(description = "摘要", nullable = true) String description) {
    }

    @Schema(name = "SpendingLinePage", description = "A page of 支出明细 in file order")
    public record Page(List<Line> items,
            @Schema(description = "null on the last page", nullable = true) String nextCursor)
            implements io.jixiao.platform.api.CursorPage {
    }

    public Page page(Caller caller, String departmentId, int fiscalYear, String cursor, int limit) {
        caller.checkRead(departmentId);
        Requests.limit(limit, MAX_LIMIT);
        QuarkusTransaction.requiringNew().run(() -> departments.checkFiscalYear(departments.require(departmentId), fiscalYear));
        long[] position = Cursors.numbers(cursor, 1);
        long after = position == null ? 0 : position[0];
        List<Line> items = new ArrayList<>();
        long last = after;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                select l.id, l.line_no, l.paid_on, l.project_id, p.name, l.economic_class, l.channel, l.amount, l.description
                from spending_line l left join project p on p.id = l.project_id
                where l.department_id = ? and l.fiscal_year = ? and l.id > ? order by l.id limit ?""")) {
            ps.setString(1, departmentId);
            ps.setInt(2, fiscalYear);
            ps.setLong(3, after);
            ps.setInt(4, limit + 1);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (items.size() == limit) {
                        return new Page(items, Cursors.ofNumbers(last));
                    }
                    last = rs.getLong(1);
                    long project = rs.getLong(4);
                    Long projectId = rs.wasNull() ? null : project;
                    items.add(new Line(rs.getInt(2), rs.getObject(3, LocalDate.class), projectId,
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getBigDecimal(8).toPlainString(),
                            rs.getString(9)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new Page(items, null);
    }
}
