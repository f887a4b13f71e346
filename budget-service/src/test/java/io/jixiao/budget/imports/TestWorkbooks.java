package io.jixiao.budget.imports;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Builds upload files for the tests: small workbooks cell by cell, and a large one streamed with SXSSF. */
public final class TestWorkbooks {

    private TestWorkbooks() {
    }

    /** A sheet as rows of values: String → text cell, Number → number cell, LocalDate → date cell, null → empty. */
    public record SheetData(String name, List<List<Object>> rows) {
    }

    public static Path xlsx(SheetData... sheets) throws IOException {
        Path file = Files.createTempFile("import-", ".xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            write(wb, sheets);
            wb.write(out);
        }
        return file;
    }

    static void write(Workbook wb, SheetData... sheets) {
        CellStyle date = wb.createCellStyle();
        date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
        for (SheetData s : sheets) {
            Sheet sheet = wb.createSheet(s.name());
            for (int r = 0; r < s.rows().size(); r++) {
                Row row = sheet.createRow(r);
                List<Object> values = s.rows().get(r);
                for (int c = 0; c < values.size(); c++) {
                    Object v = values.get(c);
                    if (v == null) {
                        continue;
                    }
                    Cell cell = row.createCell(c);
                    if (v instanceof Number n) {
                        cell.setCellValue(n.doubleValue());
                    } else if (v instanceof LocalDate d) {
                        cell.setCellValue(d);
                        cell.setCellStyle(date);
                    } else {
                        cell.setCellValue(v.toString());
                    }
                }
            }
        }
    }

    public static final List<Object> BASIC_HEADER = List.of("序号", "预算数（元）", "实际支出（元）", "工资福利（元）",
            "对个人和家庭的补助（元）", "公用经费支出（元）", "公用经费预算（元）");
    public static final List<Object> PROJECT_HEADER = List.of("序号", "项目名称", "年初预算（元）", "调整数（元）", "调整原因",
            "单位支付（元）", "财政直接支付（元）", "重点项目");
    public static final List<Object> LINE_HEADER = List.of("序号", "支付日期", "项目名称", "经济分类/用途", "支付方式", "金额（元）", "摘要");

    /**
     * 支出明细 of one year, streamed to disk with SXSSF (100 rows in memory): project "大项目" gets the
     * odd lines, 基本支出 the even ones; amounts cycle 1.01 … 100.00 元.
     */
    public static Path largeLines(int fiscalYear, int lines) throws IOException {
        Path file = Files.createTempFile("import-large-", ".xlsx");
        SXSSFWorkbook wb = new SXSSFWorkbook(100);
        wb.setCompressTempFiles(true);
        try (OutputStream out = Files.newOutputStream(file)) {
            Sheet projects = wb.createSheet("项目支出");
            Row h = projects.createRow(0);
            for (int c = 0; c < PROJECT_HEADER.size(); c++) {
                h.createCell(c).setCellValue(PROJECT_HEADER.get(c).toString());
            }
            Row p = projects.createRow(1);
            p.createCell(0).setCellValue(1);
            p.createCell(1).setCellValue("大项目");
            p.createCell(2).setCellValue(3000000);
            p.createCell(5).setCellValue(2525250);
            Sheet sheet = wb.createSheet("支出明细");
            Row header = sheet.createRow(0);
            for (int c = 0; c < LINE_HEADER.size(); c++) {
                header.createCell(c).setCellValue(LINE_HEADER.get(c).toString());
            }
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
            LocalDate start = LocalDate.of(fiscalYear, 1, 1);
            for (int i = 1; i <= lines; i++) {
                Row row = sheet.createRow(i);
                row.createCell(0).setCellValue(i);
                Cell d = row.createCell(1);
                d.setCellValue(start.plusDays(i % 365));
                d.setCellStyle(date);
                row.createCell(2).setCellValue(i % 2 == 1 ? "大项目" : "基本支出");
                row.createCell(3).setCellValue(i % 3 == 0 ? "办公费" : "差旅费");
                row.createCell(4).setCellValue("单位自有");
                row.createCell(5).setCellValue(amountCents(i) / 100.0);
                row.createCell(6).setCellValue("第 " + i + " 笔支付");
            }
            wb.write(out);
        } finally {
            wb.dispose();
            wb.close();
        }
        return file;
    }

    /** 101 … 10000 cents, cycling. */
    public static long amountCents(int i) {
        return 101 + (i * 37L) % 9900;
    }
}
