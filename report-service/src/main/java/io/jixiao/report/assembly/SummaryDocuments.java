package io.jixiao.report.assembly;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Consumer;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import io.jixiao.report.domain.DistrictSummary;

/** The district summary as a spreadsheet, streamed row by row (SXSSF keeps 100 rows in memory). */
public final class SummaryDocuments {

    static final String[] HEADERS = {"单位编码", "单位名称", "报送状态", "提交次数", "得分", "等级", "预算数（元）",
        "实际支出（元）", "预算执行率（%）", "基本支出执行率（%）", "项目支出执行率（%）", "必须修改的问题", "提示", "抽查复核得分",
        "自评偏差（自评 − 复核）", "主要问题"};

    private SummaryDocuments() {
    }

    /** @param rows calls its argument once per row, in order */
    public static void xlsx(int fiscalYear, Consumer<Consumer<DistrictSummary.Row>> rows, OutputStream out) {
        SXSSFWorkbook wb = new SXSSFWorkbook(100);
        try {
            Sheet sh = wb.createSheet(fiscalYear + "年度汇总");
            Font bold = wb.createFont();
            bold.setBold(true);
            CellStyle head = wb.createCellStyle();
            head.setFont(bold);
            head.setAlignment(HorizontalAlignment.CENTER);
            CellStyle money = wb.createCellStyle();
            money.setDataFormat(wb.createDataFormat().getFormat("#,##0.00"));
            CellStyle pct = wb.createCellStyle();
            pct.setDataFormat(wb.createDataFormat().getFormat("0.00"));
            Row title = sh.createRow(0);
            title.createCell(0).setCellValue(fiscalYear + " 年度全区部门整体支出绩效自评汇总");
            title.getCell(0).setCellStyle(head);
            sh.addMergedRegion(new CellRangeAddress(0, 0, 0, HEADERS.length - 1));
            Row header = sh.createRow(1);
            int[] widths = {12, 36, 10, 8, 8, 6, 16, 16, 12, 12, 12, 10, 8, 12, 22, 60};
            for (int i = 0; i < HEADERS.length; i++) {
                Cell c = header.createCell(i);
                c.setCellValue(HEADERS[i]);
                c.setCellStyle(head);
                sh.setColumnWidth(i, widths[i] * 256);
            }
            sh.createFreezePane(2, 2);
            int[] n = {2};
            rows.accept(r -> {
                Row x = sh.createRow(n[0]++);
                x.createCell(0).setCellValue(r.departmentCode());
                x.createCell(1).setCellValue(r.departmentName());
                x.createCell(2).setCellValue(statusText(r.status()));
                if (r.filingVersion() != null) {
                    x.createCell(3).setCellValue(r.filingVersion());
                }
                number(x, 4, r.score(), pct);
                x.createCell(5).setCellValue(r.grade() == null ? "—" : r.grade());
                number(x, 6, r.budget(), money);
                number(x, 7, r.actual(), money);
                number(x, 8, r.executionRate(), pct);
                number(x, 9, r.basicExecutionRate(), pct);
                number(x, 10, r.projectExecutionRate(), pct);
                x.createCell(11).setCellValue(r.fatal());
                x.createCell(12).setCellValue(r.warnings());
                // 抽查复核: only the sampled and re-reviewed departments have these; the others stay empty
                DistrictSummary.ReReview rr = r.reReview();
                if (rr != null) {
                    number(x, 13, rr.reviewTotal(), pct);
                    x.createCell(14).setCellValue(deviationText(rr));
                }
                x.createCell(15).setCellValue(String.join("；", r.mainFindings()));
            });
            wb.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            wb.dispose();
            try {
                wb.close();
            } catch (IOException ignored) {
                // temporary files are already deleted by dispose()
            }
        }
    }

    /** A missing figure (数据缺失) stays an empty cell, never a 0. */
    private static void number(Row row, int col, String value, CellStyle style) {
        if (value == null) {
            row.createCell(col).setCellValue("—");
            return;
        }
        Cell c = row.createCell(col);
        c.setCellValue(new BigDecimal(value).doubleValue());
        c.setCellStyle(style);
    }

    /** The deviation as the workbook and the Word summary show it, marked when it is 自评偏差较大. */
    static String deviationText(DistrictSummary.ReReview rr) {
        return rr.deviation() + (rr.flagged() ? "（自评偏差较大）" : "");
    }

    public static String statusText(String status) {
        return switch (status) {
            case "SUBMITTING" -> "提交中";
            case "SUBMITTED" -> "已提交";
            case "RETURNED" -> "已退回";
            case "APPROVED" -> "已审核通过";
            default -> "未提交";
        };
    }

    static List<String> headers() {
        return List.of(HEADERS);
    }
}
