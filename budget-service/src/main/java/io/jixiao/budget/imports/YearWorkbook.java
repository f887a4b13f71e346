package io.jixiao.budget.imports;

import static io.jixiao.budget.imports.WorkbookCells.add;
import static io.jixiao.budget.imports.WorkbookCells.header;
import static io.jixiao.budget.imports.WorkbookCells.money;
import static io.jixiao.budget.imports.WorkbookCells.str;
import static io.jixiao.budget.imports.WorkbookCells.text;
import static io.jixiao.budget.imports.WorkbookCells.wan;
import static io.jixiao.budget.imports.WorkbookCells.widths;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import javax.sql.DataSource;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import io.jixiao.budget.imports.ImportLayout.Column;
import io.jixiao.budget.imports.ImportLayout.Kind;
import io.jixiao.budget.service.BudgetSheet;
import io.jixiao.budget.service.BudgetSheetService;
import io.jixiao.budget.service.DepartmentService;
import io.jixiao.platform.money.Money;
import io.jixiao.platform.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A department-year exported to XLSX. POI (SXSSF) writes the small sheets; the 支出明细 rows are
 * streamed from the database into their sheet by {@link LinesSheetXml}, so a year of 100,000 lines
 * streams through. Its first three data sheets use the import layout (plus derived columns the
 * importer ignores), so it can be corrected and imported again.
 */
@ApplicationScoped
public class YearWorkbook {

    private final BudgetSheetService sheets;
    private final DepartmentService departments;
    private final DataSource dataSource;

    public YearWorkbook(BudgetSheetService sheets, DepartmentService departments, DataSource dataSource) {
        this.sheets = sheets;
        this.departments = departments;
        this.dataSource = dataSource;
    }

    /** Checks the caller's read right and that the year exists; the sheet is loaded here, before streaming. */
    public BudgetSheet sheetFor(Caller caller, String departmentId, int fiscalYear) {
        caller.checkRead(departmentId);
        return QuarkusTransaction.requiringNew().call(() -> {
            departments.checkFiscalYear(departments.require(departmentId), fiscalYear);
            return sheets.load(departmentId, fiscalYear);
        });
    }

    public void exportXlsx(BudgetSheet s, OutputStream out) {
        // POI writes the workbook with the 支出明细 header only, to a temporary file; LinesSheetXml copies it
        // into the response and streams the year's lines into that sheet straight from the database. Their
        // rendering starts first, on its own thread, while POI writes.
        java.nio.file.Path file = null;
        SXSSFWorkbook wb = new SXSSFWorkbook(200);
        try {
            WorkbookCells.Styles st = new WorkbookCells.Styles(wb);
            try (LinesSheetXml.Rendering rendering = LinesSheetXml.render(dataSource, s.departmentId(), s.fiscalYear(),
                    new LinesSheetXml.Styles(st.date.getIndex(), st.money.getIndex(), st.label.getIndex(), st.moneyBold.getIndex()))) {
                summary(wb.createSheet("汇总"), st, s);
                basic(wb.createSheet(Kind.BASIC.sheetName), st, s);
                projects(wb.createSheet(Kind.PROJECTS.sheetName), st, s);
                Sheet lines = wb.createSheet(Kind.LINES.sheetName);
                header(lines, st, ImportLayout.LINES.stream().map(Column::header).toList());
                widths(lines, ImportLayout.LINES.size());
                lines.setColumnWidth(2, 36 * 256);
                lines.setColumnWidth(6, 40 * 256);
                reasons(wb.createSheet("差异原因"), st, s);
                file = java.nio.file.Files.createTempFile("jixiao-workbook-", ".xlsx");
                try (OutputStream tmp = java.nio.file.Files.newOutputStream(file)) {
                    wb.write(tmp);
                }
                // SXSSF names its sheet parts by position: the 支出明细 sheet is the fourth
                String part = "xl/worksheets/sheet" + (wb.getSheetIndex(lines) + 1) + ".xml";
                LinesSheetXml.splice(file, part, rendering, s.spending() == null ? 0 : s.spending().lines(), out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } finally {
            wb.dispose();
            try {
                wb.close();
                if (file != null) {
                    java.nio.file.Files.deleteIfExists(file);
                }
            } catch (IOException ignored) {
                // a temporary file left behind is removed with the system's temp folder
            }
        }
    }

    private void summary(Sheet sh, WorkbookCells.Styles st, BudgetSheet s) {
        int r = 0;
        text(sh.createRow(r++), 0, (s.department() == null ? s.departmentId() : s.department().name())
                + " " + s.fiscalYear() + " 年度预算与支出", st.title);
        Row info = sh.createRow(r++);
        text(info, 0, "单位编码", st.label);
        text(info, 1, s.department() == null ? "" : s.department().code(), null);
        text(info, 2, "修订号", st.label);
        info.createCell(3).setCellValue(s.revision());
        text(info, 4, "状态", st.label);
        text(info, 5, s.locked() ? "已提交（锁定）" : "填报中", null);
        text(info, 6, "导出时间", st.label);
        text(info, 7, OffsetDateTime.now(ZoneId.of("Asia/Shanghai")).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")), null);
        r++;
        header(sh, st, r++, List.of("支出项", "预算数（万元）", "实际支出（万元）", "差异（万元）", "执行率（%）"));
        BudgetSheet.Basic b = s.basic();
        BudgetSheet.ProjectTotals t = s.projectTotals();
        summaryRow(sh.createRow(r++), st, "基本支出", b == null ? null : b.budget(), b == null ? null : b.actual(),
                b == null ? null : b.variance(), b == null ? null : b.executionRate());
        summaryRow(sh.createRow(r++), st, "项目支出", t == null ? null : t.budget(), t == null ? null : t.actual(),
                t == null ? null : t.variance(), t == null ? null : t.executionRate());
        BigDecimal budget = add(b == null ? null : b.budget(), t == null ? null : t.budget());
        BigDecimal actual = add(b == null ? null : b.actual(), t == null ? null : t.actual());
        BigDecimal ratio = Money.ratio(actual, budget);
        summaryRow(sh.createRow(r++), st, "合计", str(budget), str(actual),
                budget == null || actual == null ? null : str(actual.subtract(budget)),
                ratio == null ? null : Money.percent(ratio).toPlainString());
        r++;
        if (s.staffing() != null) {
            BudgetSheet.Staffing p = s.staffing();
            header(sh, st, r++, List.of("编制数", "实有在职在编", "退役士官", "临聘人员", "派驻人员", "离退休人员"));
            Row row = sh.createRow(r++);
            Integer[] v = {p.authorizedPosts(), p.staffInPost(), p.retiredSoldiers(), p.temporaryStaff(),
                    p.secondedStaff(), p.retirees()};
            for (int i = 0; i < v.length; i++) {
                if (v[i] != null) {
                    row.createCell(i).setCellValue(v[i]);
                }
            }
            r++;
        }
        if (s.threePublic() != null) {
            BudgetSheet.ThreePublic p = s.threePublic();
            header(sh, st, r++, List.of("“三公”经费", "预算数（万元）", "实际支出（万元）"));
            summaryRow(sh.createRow(r++), st, "因公出国（境）费", p.overseasBudget(), p.overseasActual(), null, null);
            summaryRow(sh.createRow(r++), st, "公务用车购置及运行费", p.carsBudget(), p.carsActual(), null, null);
            summaryRow(sh.createRow(r++), st, "公务接待费", p.receptionBudget(), p.receptionActual(), null, null);
            summaryRow(sh.createRow(r++), st, "合计", p.totalBudget(), p.totalActual(), null, null);
            r++;
        }
        if (s.procurement() != null) {
            header(sh, st, r++, List.of("其他", "本年（万元）", "上年或实际（万元）"));
            summaryRow(sh.createRow(r++), st, "政府采购（预算/实际）", s.procurement().budgetOrCurrent(),
                    s.procurement().actualOrPrevious(), null, null);
            summaryRow(sh.createRow(r++), st, "结转结余（本年/上年）", s.carryOver().budgetOrCurrent(),
                    s.carryOver().actualOrPrevious(), null, null);
            summaryRow(sh.createRow(r++), st, "固定资产（总额/在用）", s.assets().total(), s.assets().inUse(), null,
                    s.assets().utilisationRate());
            r++;
        }
        if (s.spending() != null) {
            header(sh, st, r++, List.of("支出明细核对", "明细条数", "明细合计（元）", "填报实际支出（元）", "差额（元）", "是否一致"));
            for (BudgetSheet.SpendingCheck c : s.spending().checks()) {
                Row row = sh.createRow(r++);
                text(row, 0, "BASIC".equals(c.line()) ? "基本支出" : projectName(s, c.projectId()), null);
                row.createCell(1).setCellValue(c.lines());
                money(row, 2, c.linesTotal(), st.money);
                money(row, 3, c.stated(), st.money);
                money(row, 4, c.difference(), st.money);
                text(row, 5, c.matches() ? "一致" : "不一致", null);
            }
        }
        sh.setColumnWidth(0, 26 * 256);
        for (int i = 1; i < 8; i++) {
            sh.setColumnWidth(i, 18 * 256);
        }
    }

    private static String projectName(BudgetSheet s, Long id) {
        return s.projects().stream().filter(p -> id != null && p.id() == id).map(BudgetSheet.Project::name)
                .findFirst().orElse(String.valueOf(id));
    }

    private void summaryRow(Row row, WorkbookCells.Styles st, String label, String budget, String actual, String variance,
            String rate) {
        text(row, 0, label, null);
        wan(row, 1, budget, st.money);
        wan(row, 2, actual, st.money);
        wan(row, 3, variance, st.money);
        if (rate != null) {
            row.createCell(4).setCellValue(new BigDecimal(rate).doubleValue());
            row.getCell(4).setCellStyle(st.money);
        } else if (budget != null || actual != null) {
            text(row, 4, budget == null && actual == null ? "" : "—", null);
        }
    }

    private void basic(Sheet sh, WorkbookCells.Styles st, BudgetSheet s) {
        List<String> headers = new java.util.ArrayList<>(ImportLayout.BASIC.stream().map(Column::header).toList());
        headers.addAll(List.of("差异（元）", "执行率（%）", "预算数（万元）", "实际支出（万元）"));
        header(sh, st, headers);
        BudgetSheet.Basic b = s.basic();
        if (b != null) {
            Row row = sh.createRow(1);
            row.createCell(0).setCellValue(1);
            String[] yuan = {b.budget(), b.actual(), b.personnelActual(), b.subsidiesActual(), b.publicFundsActual(),
                    b.publicFundsBudget(), b.variance()};
            for (int i = 0; i < yuan.length; i++) {
                money(row, i + 1, yuan[i], st.money);
            }
            money(row, 8, b.executionRate(), st.money);
            wan(row, 9, b.budget(), st.money);
            wan(row, 10, b.actual(), st.money);
        }
        widths(sh, headers.size());
    }

    private void projects(Sheet sh, WorkbookCells.Styles st, BudgetSheet s) {
        List<String> headers = new java.util.ArrayList<>(ImportLayout.PROJECTS.stream().map(Column::header).toList());
        headers.addAll(List.of("调整后预算（元）", "实际支出（元）", "差异（元）", "执行率（%）", "实际支出（万元）"));
        header(sh, st, headers);
        int r = 1;
        for (BudgetSheet.Project p : s.projects()) {
            Row row = sh.createRow(r);
            row.createCell(0).setCellValue(r);
            text(row, 1, p.name(), null);
            money(row, 2, p.budget(), st.money);
            money(row, 3, p.adjustment(), st.money);
            text(row, 4, p.adjustmentReason(), null);
            money(row, 5, p.actualOwn(), st.money);
            money(row, 6, p.actualDirect(), st.money);
            text(row, 7, p.keyProject() ? "是" : "否", null);
            money(row, 8, p.adjustedBudget(), st.money);
            money(row, 9, p.actual(), st.money);
            money(row, 10, p.variance(), st.money);
            money(row, 11, p.executionRate(), st.money);
            wan(row, 12, p.actual(), st.money);
            r++;
        }
        BudgetSheet.ProjectTotals t = s.projectTotals();
        if (t != null) {
            Row row = sh.createRow(r);
            text(row, 0, "合计", st.label);
            text(row, 1, t.count() + " 个项目", st.label);
            money(row, 2, t.budget(), st.moneyBold);
            money(row, 3, t.adjustment(), st.moneyBold);
            money(row, 5, t.actualOwn(), st.moneyBold);
            money(row, 6, t.actualDirect(), st.moneyBold);
            money(row, 8, t.adjustedBudget(), st.moneyBold);
            money(row, 9, t.actual(), st.moneyBold);
            money(row, 10, t.variance(), st.moneyBold);
            money(row, 11, t.executionRate(), st.moneyBold);
            wan(row, 12, t.actual(), st.moneyBold);
        }
        widths(sh, headers.size());
        sh.setColumnWidth(1, 36 * 256);
    }

    private void reasons(Sheet sh, WorkbookCells.Styles st, BudgetSheet s) {
        header(sh, st, List.of("支出项", "项目", "金额（元）", "原因"));
        int r = 1;
        for (BudgetSheet.Reason reason : s.varianceReasons()) {
            Row row = sh.createRow(r++);
            text(row, 0, switch (reason.line()) {
                case "BASIC" -> "基本支出";
                case "PROJECTS" -> "项目支出（整体）";
                default -> "项目支出";
            }, null);
            text(row, 1, reason.projectId() == null ? "" : projectName(s, reason.projectId()), null);
            money(row, 2, reason.amount(), st.money);
            text(row, 3, reason.reason(), null);
        }
        r++;
        header(sh, st, r++, List.of("核对：支出项", "项目", "差异（元）", "已说明（元）", "未说明（元）", "是否一致"));
        for (BudgetSheet.ReasonCheck c : s.reasonChecks()) {
            Row row = sh.createRow(r++);
            text(row, 0, switch (c.line()) {
                case "BASIC" -> "基本支出";
                case "PROJECTS" -> "项目支出（整体）";
                default -> "项目支出";
            }, null);
            text(row, 1, c.projectId() == null ? "" : projectName(s, c.projectId()), null);
            money(row, 2, c.variance(), st.money);
            money(row, 3, c.explained(), st.money);
            money(row, 4, c.unexplained(), st.money);
            text(row, 5, c.matches() ? "一致" : "不一致", null);
        }
        widths(sh, 6);
        sh.setColumnWidth(3, 40 * 256);
    }
}
