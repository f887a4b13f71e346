package io.jixiao.report.assembly;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The 评分表 (scoring table) as a spreadsheet: every indicator with its points, value, score and how it
 * was scored, the total and the grade. Figures are numbers (not text), so the bureau can add them up.
 */
public final class XlsxScoreTable {

    static final String[] HEADERS = {"一级指标", "二级指标", "三级指标", "分值", "指标值（%）", "得分", "说明"};

    private XlsxScoreTable() {
    }

    public static byte[] render(Report r) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles st = new Styles(wb);
            Sheet sh = wb.createSheet("评分表");
            sh.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
            int[] widths = {10, 12, 26, 8, 13, 10, 14};
            for (int i = 0; i < widths.length; i++) {
                sh.setColumnWidth(i, widths[i] * 256 * 2 / 2 + 512);
            }
            Row title = sh.createRow(0);
            text(title, 0, r.title().replace("整体支出绩效自评报告", "") + "部门整体支出绩效自评表", st.title);
            sh.addMergedRegion(new CellRangeAddress(0, 0, 0, HEADERS.length - 1));
            title.setHeightInPoints(28);
            Row header = sh.createRow(1);
            for (int i = 0; i < HEADERS.length; i++) {
                text(header, i, HEADERS[i], st.header);
            }
            int n = 2;
            for (Report.ScoreRow row : r.score().rows()) {
                Row x = sh.createRow(n++);
                text(x, 0, row.level1(), st.text);
                text(x, 1, row.level2(), st.text);
                text(x, 2, row.name(), st.text);
                number(x, 3, row.points(), st.points);
                number(x, 4, row.value() == null ? null : row.value().replace("%", ""), st.number);
                number(x, 5, row.score(), st.number);
                text(x, 6, row.status(), st.text);
            }
            Row total = sh.createRow(n);
            text(total, 0, "合计", st.totalText);
            text(total, 1, "", st.totalText);
            text(total, 2, "", st.totalText);
            sh.addMergedRegion(new CellRangeAddress(n, n, 0, 2));
            // the sum of the points as a formula, the total as published by the evaluation (the same figure)
            Cell points = total.createCell(3);
            points.setCellFormula("SUM(D3:D" + n + ")");
            points.setCellStyle(st.totalPoints);
            text(total, 4, "", st.totalText);
            number(total, 5, r.score().total(), st.totalNumber);
            text(total, 6, "等级：" + r.score().grade(), st.totalText);
            sh.createFreezePane(0, 2);
            sh.setRepeatingRows(new CellRangeAddress(1, 1, 0, HEADERS.length - 1));
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * 抽查复核情况报告 as a spreadsheet: the draw (parameters, seed, population), one row per sampled
     * department (self, re-review, deviation, flag), and a second sheet with every re-reviewed indicator.
     */
    public static byte[] renderSample(String district, io.jixiao.report.domain.SampleResults.SampleResponse s,
            java.util.List<io.jixiao.report.domain.SampleResults.ReviewResponse> reviews) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles st = new Styles(wb);
            Sheet sh = listSheet(wb, st, "抽查复核", s.fiscalYear() + " 年度" + district + "抽查复核情况",
                    new String[] {"单位编码", "单位名称", "等级", "预算规模", "预算（万元）", "人工加入", "自评得分", "复核得分",
                        "偏差", "自评偏差较大", "复核意见"}, new int[] {12, 28, 6, 8, 14, 8, 10, 10, 8, 12, 40});
            int n = 2;
            for (var m : s.members()) {
                var review = reviews.stream().filter(r -> r.departmentId().equals(m.departmentId())).findFirst();
                cells(sh.createRow(n++), st, m.departmentCode(), m.departmentName(), m.grade(),
                        BureauDocx.sizeText(m.sizeBand()), wan(m.budget()), m.byHand() ? "是" : "", num(m.selfTotal()),
                        num(m.reviewTotal()), num(m.deviation()), m.flagged() == null ? "未复核" : m.flagged() ? "是" : "否",
                        review.map(io.jixiao.report.domain.SampleResults.ReviewResponse::findings).orElse(""));
            }
            n++;
            String[][] draw = {{"抽查比例（%）", s.percentage()}, {"最少抽取（个）", String.valueOf(s.minimum())},
                {"随机种子", String.valueOf(s.seed())}, {"总体（已提交和已通过的自评，份）", String.valueOf(s.population())},
                {"分层", "自评等级 × 全年预算总额三分位"}, {"偏差阈值（分）", s.threshold()},
                {"抽取人", s.drawnBy()}, {"抽取时间", String.valueOf(s.drawnAt())}};
            for (String[] kv : draw) {
                cells(sh.createRow(n++), st, kv[0], kv[1]);
            }
            Sheet items = listSheet(wb, st, "指标复核明细", "各单位指标复核明细", new String[] {"单位名称", "一级指标",
                "二级指标", "三级指标", "分值", "自评得分", "复核得分", "偏差", "超过分档", "复核意见"},
                    new int[] {28, 10, 12, 26, 8, 10, 10, 8, 10, 40});
            int k = 2;
            for (var r : reviews) {
                for (var i : r.items()) {
                    cells(items.createRow(k++), st, r.departmentName(), i.level1(), i.level2(), i.name(), num(i.points()),
                            num(i.selfScore()), num(i.score()), num(i.deviation()), i.flagged() ? "是" : "", i.comment());
                }
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * 结果应用 of a round: one row per department and weak project (中 or 差), budgets in 万元 with two decimals;
     * a department without such a project has one row with its grade and re-review outcome only.
     */
    public static byte[] renderOutcome(io.jixiao.report.domain.RoundOutcome.Outcome o) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles st = new Styles(wb);
            Sheet sh = listSheet(wb, st, "结果应用", o.fiscalYear() + " 年度" + o.district() + "绩效自评结果应用清单",
                    new String[] {"单位编码", "单位名称", "自评得分", "等级", "抽查复核", "复核得分", "项目名称", "项目得分",
                        "项目等级", "预算数（万元）", "调整后预算数（万元）"}, new int[] {12, 28, 10, 6, 14, 10, 28, 10, 8, 14, 16});
            int n = 2;
            for (var r : o.rows()) {
                Object[] head = {r.departmentCode(), r.departmentName(), num(r.selfTotal()), r.grade(), outcomeText(r.review()),
                    num(r.reviewTotal())};
                if (r.projects().isEmpty()) {
                    cells(sh.createRow(n++), st, head);
                }
                for (var p : r.projects()) {
                    Object[] row = java.util.Arrays.copyOf(head, head.length + 5);
                    row[6] = p.name();
                    row[7] = num(p.total());
                    row[8] = p.grade();
                    row[9] = p.budget() == null ? null : io.jixiao.platform.money.Money.toWan(p.budget());
                    row[10] = p.adjustedBudget() == null ? null : io.jixiao.platform.money.Money.toWan(p.adjustedBudget());
                    cells(sh.createRow(n++), st, row);
                }
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String outcomeText(io.jixiao.report.domain.RoundOutcome.ReviewOutcome o) {
        return switch (o) {
            case NOT_SAMPLED -> "未抽查";
            case NOT_REVIEWED -> "未复核";
            case FLAGGED -> "自评偏差较大";
            case CONFIRMED -> "无明显偏差";
        };
    }

    /** A sheet with a merged title row and a header row, frozen below the header. */
    static Sheet listSheet(Workbook wb, Styles st, String name, String title, String[] headers, int[] widths) {
        Sheet sh = wb.createSheet(name);
        sh.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
        sh.getPrintSetup().setLandscape(true);
        Row t = sh.createRow(0);
        text(t, 0, title, st.title);
        sh.addMergedRegion(new CellRangeAddress(0, 0, 0, headers.length - 1));
        t.setHeightInPoints(28);
        Row header = sh.createRow(1);
        for (int i = 0; i < headers.length; i++) {
            text(header, i, headers[i], st.header);
            sh.setColumnWidth(i, widths[i] * 256 + 512);
        }
        sh.createFreezePane(0, 2);
        sh.setRepeatingRows(new CellRangeAddress(1, 1, 0, headers.length - 1));
        return sh;
    }

    /** A number cell's value (BigDecimal), "—" (missing) or text, each with its style. */
    static void cells(Row row, Styles st, Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] instanceof BigDecimal b) {
                Cell c = row.createCell(i);
                c.setCellStyle(st.number);
                c.setCellValue(b.doubleValue());
            } else {
                text(row, i, values[i] == null ? "—" : values[i].toString(), st.text);
            }
        }
    }

    private static Object num(String v) {
        return v == null || v.isBlank() ? null : new BigDecimal(v);
    }

    /** 元 → 万元 with 2 decimals (the figure is stored in 元). */
    static Object wan(String yuan) {
        return yuan == null ? null : io.jixiao.platform.money.Money.toWan(new BigDecimal(yuan));
    }

    private static void text(Row row, int col, String value, CellStyle style) {
        Cell c = row.createCell(col);
        c.setCellValue(value == null ? "" : value);
        c.setCellStyle(style);
    }

    /** A number cell; "—" or null (数据缺失, not applicable) stays an empty text cell, never a 0. */
    private static void number(Row row, int col, String value, CellStyle style) {
        Cell c = row.createCell(col);
        c.setCellStyle(style);
        if (value == null || value.isBlank() || value.equals("—")) {
            c.setCellValue("—");
            return;
        }
        c.setCellValue(new BigDecimal(value).doubleValue());
    }

    static final class Styles {
        final CellStyle title;
        final CellStyle header;
        final CellStyle text;
        final CellStyle number;
        final CellStyle points;
        final CellStyle totalText;
        final CellStyle totalNumber;
        final CellStyle totalPoints;

        Styles(Workbook wb) {
            Font bold = wb.createFont();
            bold.setBold(true);
            bold.setFontName("宋体");
            Font big = wb.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 16);
            big.setFontName("宋体");
            title = wb.createCellStyle();
            title.setFont(big);
            title.setAlignment(HorizontalAlignment.CENTER);
            header = bordered(wb);
            header.setFont(bold);
            header.setAlignment(HorizontalAlignment.CENTER);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            text = bordered(wb);
            text.setWrapText(true);
            number = bordered(wb);
            number.setDataFormat(wb.createDataFormat().getFormat("0.00"));
            number.setAlignment(HorizontalAlignment.RIGHT);
            points = bordered(wb);
            points.setDataFormat(wb.createDataFormat().getFormat("0"));
            points.setAlignment(HorizontalAlignment.RIGHT);
            totalText = bordered(wb);
            totalText.setFont(bold);
            totalNumber = bordered(wb);
            totalNumber.cloneStyleFrom(number);
            totalNumber.setFont(bold);
            totalPoints = bordered(wb);
            totalPoints.cloneStyleFrom(points);
            totalPoints.setFont(bold);
        }

        private static CellStyle bordered(Workbook wb) {
            CellStyle s = wb.createCellStyle();
            s.setBorderTop(BorderStyle.THIN);
            s.setBorderBottom(BorderStyle.THIN);
            s.setBorderLeft(BorderStyle.THIN);
            s.setBorderRight(BorderStyle.THIN);
            return s;
        }
    }
}
