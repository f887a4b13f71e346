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
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Builds upload files for the tests: workbooks cell by cell. */
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
}
