package io.jixiao.report.assembly;

import static io.jixiao.report.assembly.DocxWriter.*;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;

/**
 * The bureau's documents in the report's Word layout: the district summary (全区汇总) and the
 * 抽查复核情况报告 of a round.
 */
public final class BureauDocx {

    private BureauDocx() {
    }

    /**
     * The bureau's summary of a year (全区汇总) in the same layout: the overall situation, one table row
     * per department, then the main findings of each department that has any.
     */
    public static byte[] renderSummary(int fiscalYear, io.jixiao.report.domain.DistrictSummary.Totals t,
            List<io.jixiao.report.domain.DistrictSummary.Row> rows, java.time.LocalDate date) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            page(doc);
            pageNumbers(doc);
            documentTitle(doc, fiscalYear + " 年度全区部门整体支出", "绩效自评情况汇总");
            run(body(doc), "一、总体情况", HEADING_FONT, 16, false);
            StringBuilder p = new StringBuilder("全区共 ").append(t.departments()).append(" 个预算单位纳入 ")
                    .append(fiscalYear).append(" 年度部门整体支出绩效自评，其中已审核通过 ").append(t.approved())
                    .append(" 个，已提交待审核 ").append(t.submitted()).append(" 个，已退回修改 ").append(t.returned())
                    .append(" 个，尚未提交 ").append(t.draft()).append(" 个。");
            if (t.budget() != null) {
                p.append("各单位预算合计 ").append(io.jixiao.platform.money.Money.wanText(new java.math.BigDecimal(t.budget())))
                        .append(" 万元，实际支出合计 ").append(io.jixiao.platform.money.Money.wanText(new java.math.BigDecimal(t.actual())))
                        .append(" 万元，").append(t.executionRate() == null ? "预算执行率无法计算（数据缺失）。"
                                : "预算执行率 " + t.executionRate() + "%。");
            }
            p.append("自评等级：");
            List<String> grades = new java.util.ArrayList<>();
            t.grades().forEach((g, n) -> grades.add(g + " " + n + " 个"));
            p.append(String.join("，", grades)).append("。");
            run(body(doc), p.toString(), BODY_FONT, 16, false);
            run(body(doc), "二、各单位情况", HEADING_FONT, 16, false);
            // the last two columns as in the workbook: self versus 抽查复核, empty for a department not re-reviewed
            int[] widths = {19, 9, 8, 6, 12, 12, 9, 6, 8, 11};
            boolean[] numeric = {false, false, true, false, true, true, true, true, true, true};
            XWPFTable table = table(doc, widths, "单位", "报送状态", "得分", "等级", "预算（万元）", "实际（万元）", "执行率", "问题",
                    "抽查复核得分", "自评偏差（自评 − 复核）");
            for (var r : rows) {
                var rr = r.reReview();
                row(table, widths, numeric, false, r.departmentName(), SummaryDocuments.statusText(r.status()),
                        r.score() == null ? "—" : r.score(), r.grade() == null ? "—" : r.grade(), wanOrDash(r.budget()),
                        wanOrDash(r.actual()), r.executionRate() == null ? "—" : r.executionRate() + "%",
                        String.valueOf(r.fatal() + r.warnings()), rr == null ? "" : rr.reviewTotal(),
                        rr == null ? "" : SummaryDocuments.deviationText(rr));
            }
            run(body(doc), "三、各单位主要问题", HEADING_FONT, 16, false);
            int n = 0;
            for (var r : rows) {
                if (r.mainFindings().isEmpty()) {
                    continue;
                }
                n++;
                run(body(doc), "（" + io.jixiao.report.checker.ReportTextNumbers.chinese(n) + "）" + r.departmentName(),
                        SUBHEADING_FONT, 16, true);
                for (String f : r.mainFindings()) {
                    run(body(doc), f, BODY_FONT, 16, false);
                }
            }
            if (n == 0) {
                run(body(doc), "各单位报告均未发现问题。", BODY_FONT, 16, false);
            }
            dateLine(doc, date);
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A two-line 二号 title, centred, as the bureau's documents open. */
    private static void documentTitle(XWPFDocument doc, String first, String second) {
        XWPFParagraph title = doc.createParagraph();
        title.setAlignment(ParagraphAlignment.CENTER);
        title.setSpacingAfter(560);
        run(title, first, TITLE_FONT, 22, true).addBreak();
        run(title, second, TITLE_FONT, 22, true);
    }

    /** The date under the text, right-aligned four characters in. */
    private static void dateLine(XWPFDocument doc, java.time.LocalDate date) {
        XWPFParagraph d = body(doc);
        d.setAlignment(ParagraphAlignment.RIGHT);
        d.setSpacingBefore(560);
        d.setIndentationFirstLine(0);
        d.setIndentationRight(4 * 320);
        run(d, date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日", BODY_FONT, 16, false);
    }

    /**
     * 抽查复核情况报告 of a round: how the sample was drawn (parameters and seed, so anyone can redraw it),
     * self versus re-review per sampled department with the 自评偏差较大 flags, then each department's findings.
     */
    public static byte[] renderSampleReport(String district, io.jixiao.report.domain.SampleResults.SampleResponse s,
            List<io.jixiao.report.domain.SampleResults.ReviewResponse> reviews, java.time.LocalDate date) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            page(doc);
            pageNumbers(doc);
            documentTitle(doc, s.fiscalYear() + " 年度" + district + "部门整体支出绩效自评", "抽查复核情况报告");
            run(body(doc), "一、抽查情况", HEADING_FONT, 16, false);
            var sum = s.summary();
            run(body(doc), "本次抽查以 " + s.fiscalYear() + " 年度已提交和已审核通过的 " + s.population()
                    + " 份自评为总体，按自评等级和预算规模（全年预算总额三分位）分层，按比例 " + s.percentage()
                    + "%、最少 " + s.minimum() + " 个单位抽取，随机种子 " + s.seed() + "，共抽取 " + sum.sampled()
                    + " 个单位（含人工加入的重点单位）。已复核 " + sum.reviewed() + " 个，其中自评偏差较大 " + sum.flagged()
                    + " 个（总分偏差超过 " + s.threshold() + " 分或任一指标偏差超过其分值的 20%）。"
                    + (sum.reviewed() == 0 ? "" : "复核单位自评平均得分 " + sum.selfAverage() + " 分，复核平均得分 "
                            + sum.reviewAverage() + " 分，平均偏差 " + sum.averageDeviation() + " 分。"),
                    BODY_FONT, 16, false);
            run(body(doc), "二、各单位复核结果", HEADING_FONT, 16, false);
            int[] widths = {26, 8, 10, 12, 10, 10, 10, 14};
            boolean[] numeric = {false, false, false, true, true, true, true, false};
            XWPFTable table = table(doc, widths, "单位", "等级", "预算规模", "预算（万元）", "自评得分", "复核得分", "偏差", "结论");
            for (var m : s.members()) {
                row(table, widths, numeric, false, m.departmentName() + (m.byHand() ? "（重点）" : ""), m.grade(),
                        sizeText(m.sizeBand()), wanOrDash(m.budget()), orDash(m.selfTotal()), orDash(m.reviewTotal()),
                        orDash(m.deviation()), !m.reviewed() ? "未复核" : Boolean.TRUE.equals(m.flagged()) ? "自评偏差较大" : "无明显偏差");
            }
            run(body(doc), "三、复核发现的问题", HEADING_FONT, 16, false);
            int n = 0;
            for (var r : reviews) {
                List<String> lines = new java.util.ArrayList<>();
                for (var i : r.items()) {
                    if (i.flagged() || i.comment() != null) {
                        lines.add(i.name() + "：自评 " + i.selfScore() + " 分，复核 " + i.score() + " 分，偏差 " + i.deviation()
                                + " 分" + (i.flagged() ? "（超过分值的 20%）" : "") + (i.comment() == null ? "。" : "。" + i.comment()));
                    }
                }
                if (lines.isEmpty() && (r.findings() == null || r.findings().isBlank())) {
                    continue;
                }
                n++;
                run(body(doc), "（" + io.jixiao.report.checker.ReportTextNumbers.chinese(n) + "）" + r.departmentName(),
                        SUBHEADING_FONT, 16, true);
                if (r.findings() != null && !r.findings().isBlank()) {
                    run(body(doc), r.findings(), BODY_FONT, 16, false);
                }
                for (String l : lines) {
                    run(body(doc), l, BODY_FONT, 16, false);
                }
            }
            if (n == 0) {
                run(body(doc), "复核未发现问题。", BODY_FONT, 16, false);
            }
            dateLine(doc, date);
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** 预算规模 of a stratum: the year's budget terciles. */
    public static String sizeText(String band) {
        return switch (band) {
            case "SMALL" -> "小";
            case "MEDIUM" -> "中";
            case "LARGE" -> "大";
            default -> "无数据";
        };
    }

    private static String orDash(String v) {
        return v == null ? "—" : v;
    }

    private static String wanOrDash(String yuan) {
        return yuan == null ? "—" : io.jixiao.platform.money.Money.wanText(new java.math.BigDecimal(yuan));
    }
}
