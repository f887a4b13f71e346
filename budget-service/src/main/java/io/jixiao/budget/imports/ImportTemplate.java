package io.jixiao.budget.imports;

import static io.jixiao.budget.imports.WorkbookCells.header;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import io.jixiao.budget.imports.ImportLayout.Column;
import io.jixiao.budget.imports.ImportLayout.Kind;
import jakarta.enterprise.context.ApplicationScoped;

/** The import template: an XLSX with one sheet per kind and a help sheet, or one sheet as CSV. */
@ApplicationScoped
public class ImportTemplate {

    public void templateXlsx(OutputStream out) {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            WorkbookCells.Styles st = new WorkbookCells.Styles(wb);
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
}
