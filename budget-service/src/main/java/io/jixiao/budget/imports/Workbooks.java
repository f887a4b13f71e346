package io.jixiao.budget.imports;

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
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import javax.sql.DataSource;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

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
 * The import template (XLSX, or one sheet as CSV) and the export of a department-year to XLSX. The
 * export writes with SXSSF (a window of rows in memory, the rest flushed to a temp file) and reads
 * the 支出明细 with a JDBC fetch size, so a year of 100,000 lines streams through. Its first three
 * data sheets use the import layout (plus derived columns the importer ignores), so it can be
 * corrected and imported again.
 */
@ApplicationScoped
public class Workbooks {

    private final BudgetSheetService sheets;
    private final DepartmentService departments;
    private final DataSource dataSource;

    public Workbooks(BudgetSheetService sheets, DepartmentService departments, DataSource dataSource) {
        this.sheets = sheets;
        this.departments = departments;
        this.dataSource = dataSource;
    }

    // ----------------------------------------------------------------------------------- template

    public void templateXlsx(OutputStream out) {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Styles st = new Styles(wb);
            Sheet help = wb.createSheet("填写说明");
            String[] lines = {
                    "预算与支出导入模板（基本支出、项目支出、支出明细）",
                    "1. 每张表第一行为表头，请勿修改表头文字；列的顺序可以调整，多余的列导入时忽略。",
                    "2. 第二行为示例（序号列为“示例”），导入时自动跳过；可以删除或在其下方填写。",
                    "3. 金额以“元”为单位，最多两位小数，不得为负数（项目“调整数”可为负，表示调减）。",
                    "4. 基本支出：只填一行。工资福利、对个人和家庭的补助、公用经费支出均不得大于实际支出。",
                    "5. 项目支出：按项目名称更新已有项目或新增项目；文件中没有的项目保持不变。重点项目填“是”或“否”。",
                    "6. 支出明细：支付日期须在导入年度内；项目名称填“基本支出”或项目支出表（或系统中已有）的项目名称；"
                            + "支付方式填“单位自有”或“财政直接支付”。导入后替换该年度全部支出明细。",
                    "7. 整个文件逐行校验：只要有一处错误，全部不导入，并列出每个错误的工作表、行号和列。",
                    "8. 也可以把每张表另存为 CSV（UTF-8 或 GBK 编码）分别导入，系统按表头识别是哪张表。" };
            for (int i = 0; i < lines.length; i++) {
                Cell c = help.createRow(i).createCell(0);
                c.setCellValue(lines[i]);
                if (i == 0) {
                    c.setCellStyle(st.title);
                }
            }
            help.setColumnWidth(0, 120 * 256);
            for (Kind kind : Kind.values()) {
                Sheet sheet = wb.createSheet(kind.sheetName);
                List<Column> cols = ImportLayout.columns(kind);
                header(sheet, st, cols.stream().map(Column::header).toList());
                Row example = sheet.createRow(1);
                for (int i = 0; i < cols.size(); i++) {
                    Column col = cols.get(i);
                    Cell cell = example.createCell(i);
                    if (isAmount(col) && !col.example().isEmpty()) {
                        cell.setCellValue(new BigDecimal(col.example()).doubleValue());
                        cell.setCellStyle(st.exampleMoney);
                    } else if (col.key().equals("paidOn")) {
                        cell.setCellValue(LocalDate.parse(col.example()));
                        cell.setCellStyle(st.exampleDate);
                    } else {
                        cell.setCellValue(col.example());
                        cell.setCellStyle(st.example);
                    }
                    sheet.setColumnWidth(i, Math.max(10, col.header().length() * 2 + 4) * 256);
                }
                sheet.createFreezePane(0, 1);
            }
            wb.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One sheet as CSV: UTF-8 with BOM (Excel opens it), header and the example row. */
    public void templateCsv(Kind kind, OutputStream out) {
        try {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            w.write('\uFEFF');
            List<Column> cols = ImportLayout.columns(kind);
            w.write(String.join(",", cols.stream().map(c -> csv(c.header())).toList()));
            w.write("\r\n");
            w.write(String.join(",", cols.stream().map(c -> csv(c.example())).toList()));
            w.write("\r\n");
            w.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isAmount(Column c) {
        return c.header().endsWith("（元）");
    }

    private static String csv(String v) {
        return v.contains(",") || v.contains("\"") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }

    // ------------------------------------------------------------------------------------- export

    /** Checks the caller's read right and that the year exists; the sheet is loaded here, before streaming. */
    public BudgetSheet sheetFor(Caller caller, String departmentId, int fiscalYear) {
        caller.checkRead(departmentId);
        return QuarkusTransaction.requiringNew().call(() -> {
            departments.checkFiscalYear(departments.require(departmentId), fiscalYear);
            return sheets.load(departmentId, fiscalYear);
        });
    }

    public void exportXlsx(BudgetSheet s, OutputStream out) {
        SXSSFWorkbook wb = new SXSSFWorkbook(200) {
            @Override
            protected org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream createArchiveOutputStream(
                    OutputStream target) {
                // The fastest deflate: at 100,000 lines the default level spends more time compressing than
                // the rows take to write; the file is a little larger, and it is a download
                var zip = super.createArchiveOutputStream(target);
                zip.setLevel(java.util.zip.Deflater.BEST_SPEED);
                return zip;
            }
        };
        // Temp files uncompressed: gzip on the way out and gunzip on the way back cost as much CPU as the
        // XML itself; the disk holds ~10 MB per 100,000 lines for the length of one request.
        wb.setCompressTempFiles(false);
        try {
            Styles st = new Styles(wb);
            summary(wb.createSheet("汇总"), st, s);
            basic(wb.createSheet(Kind.BASIC.sheetName), st, s);
            projects(wb.createSheet(Kind.PROJECTS.sheetName), st, s);
            lines(wb.createSheet(Kind.LINES.sheetName), st, s);
            reasons(wb.createSheet("差异原因"), st, s);
            wb.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            wb.dispose();
            try {
                wb.close();
            } catch (IOException ignored) {
                // temp files are gone with dispose()
            }
        }
    }

    private void summary(Sheet sh, Styles st, BudgetSheet s) {
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

    private void summaryRow(Row row, Styles st, String label, String budget, String actual, String variance,
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

    private void basic(Sheet sh, Styles st, BudgetSheet s) {
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

    private void projects(Sheet sh, Styles st, BudgetSheet s) {
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

    /** Streams the lines from the database into an SXSSF sheet (only a window of rows is in memory). */
    private void lines(Sheet sh, Styles st, BudgetSheet s) {
        header(sh, st, ImportLayout.LINES.stream().map(Column::header).toList());
        if (sh instanceof SXSSFSheet sx) {
            sx.setRandomAccessWindowSize(200);
        }
        String sql = """
                select l.paid_on, p.name, l.economic_class, l.channel, l.amount, l.description
                from spending_line l left join project p on p.id = l.project_id
                where l.department_id = ? and l.fiscal_year = ? order by l.id""";
        int r = 1;
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false); // PostgreSQL streams with a fetch size only inside a transaction
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setFetchSize(2000);
                ps.setString(1, s.departmentId());
                ps.setInt(2, s.fiscalYear());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Row row = sh.createRow(r);
                        row.createCell(0).setCellValue(r);
                        Cell date = row.createCell(1);
                        date.setCellValue(rs.getObject(1, LocalDate.class));
                        date.setCellStyle(st.date);
                        String project = rs.getString(2);
                        row.createCell(2).setCellValue(project == null ? ImportLayout.BASIC_LINE : project);
                        row.createCell(3).setCellValue(rs.getString(3));
                        row.createCell(4).setCellValue("OWN".equals(rs.getString(4)) ? ImportLayout.CHANNEL_OWN
                                : ImportLayout.CHANNEL_DIRECT);
                        BigDecimal amount = rs.getBigDecimal(5);
                        Cell a = row.createCell(5);
                        a.setCellValue(amount.doubleValue());
                        a.setCellStyle(st.money);
                        String d = rs.getString(6);
                        if (d != null) {
                            row.createCell(6).setCellValue(d);
                        }
                        total = total.add(amount);
                        r++;
                    }
                }
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        if (r > 1) {
            Row row = sh.createRow(r);
            text(row, 0, "合计", st.label);
            text(row, 2, (r - 1) + " 条", st.label);
            money(row, 5, total.toPlainString(), st.moneyBold);
        }
        // Widths last: while a sheet has column definitions, POI looks up the column's style for every
        // new cell (a quarter of the export's time at 100,000 lines); the file is the same.
        widths(sh, ImportLayout.LINES.size());
        sh.setColumnWidth(2, 36 * 256);
        sh.setColumnWidth(6, 40 * 256);
    }

    private void reasons(Sheet sh, Styles st, BudgetSheet s) {
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

    // ------------------------------------------------------------------------------------ helpers

    private static void header(Sheet sh, Styles st, List<String> names) {
        header(sh, st, 0, names);
    }

    private static void header(Sheet sh, Styles st, int rowIndex, List<String> names) {
        Row row = sh.createRow(rowIndex);
        for (int i = 0; i < names.size(); i++) {
            text(row, i, names.get(i), st.header);
        }
    }

    private static void widths(Sheet sh, int n) {
        for (int i = 0; i < n; i++) {
            sh.setColumnWidth(i, 16 * 256);
        }
    }

    private static void text(Row row, int col, String v, CellStyle style) {
        if (v == null) {
            return;
        }
        Cell c = row.createCell(col);
        c.setCellValue(v);
        if (style != null) {
            c.setCellStyle(style);
        }
    }

    /** 元 as a number cell (2 decimals shown); empty when not provided. */
    private static void money(Row row, int col, String yuan, CellStyle style) {
        if (yuan == null) {
            return;
        }
        Cell c = row.createCell(col);
        c.setCellValue(new BigDecimal(yuan).doubleValue());
        c.setCellStyle(style);
    }

    /** 元 → 万元 (2 decimals, half-up: the platform's display rule). */
    private static void wan(Row row, int col, String yuan, CellStyle style) {
        if (yuan == null) {
            return;
        }
        Cell c = row.createCell(col);
        c.setCellValue(Money.toWan(new BigDecimal(yuan)).doubleValue());
        c.setCellStyle(style);
    }

    private static BigDecimal add(String a, String b) {
        if (a == null && b == null) {
            return null;
        }
        return (a == null ? BigDecimal.ZERO : new BigDecimal(a)).add(b == null ? BigDecimal.ZERO : new BigDecimal(b));
    }

    private static String str(BigDecimal v) {
        return v == null ? null : Money.yuan(v).toPlainString();
    }

    private static final class Styles {
        final CellStyle header;
        final CellStyle title;
        final CellStyle label;
        final CellStyle money;
        final CellStyle moneyBold;
        final CellStyle date;
        final CellStyle example;
        final CellStyle exampleMoney;
        final CellStyle exampleDate;

        Styles(Workbook wb) {
            short moneyFormat = wb.createDataFormat().getFormat("#,##0.00");
            short dateFormat = wb.createDataFormat().getFormat("yyyy-mm-dd");
            Font bold = wb.createFont();
            bold.setBold(true);
            Font big = wb.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 14);
            Font grey = wb.createFont();
            grey.setItalic(true);
            grey.setColor(IndexedColors.GREY_50_PERCENT.getIndex());
            header = wb.createCellStyle();
            header.setFont(bold);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            header.setBorderBottom(BorderStyle.THIN);
            title = wb.createCellStyle();
            title.setFont(big);
            label = wb.createCellStyle();
            label.setFont(bold);
            money = wb.createCellStyle();
            money.setDataFormat(moneyFormat);
            moneyBold = wb.createCellStyle();
            moneyBold.setDataFormat(moneyFormat);
            moneyBold.setFont(bold);
            date = wb.createCellStyle();
            date.setDataFormat(dateFormat);
            example = wb.createCellStyle();
            example.setFont(grey);
            exampleMoney = wb.createCellStyle();
            exampleMoney.setFont(grey);
            exampleMoney.setDataFormat(moneyFormat);
            exampleDate = wb.createCellStyle();
            exampleDate.setFont(grey);
            exampleDate.setDataFormat(dateFormat);
        }
    }
}
