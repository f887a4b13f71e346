package io.jixiao.report.assembly;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;

import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.TableRowAlign;
import org.apache.poi.xwpf.usermodel.TableWidthType;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;

import org.apache.poi.xwpf.usermodel.LineSpacingRule;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;

/**
 * The report as an editable Word document laid out like a Chinese government document (GB/T 9704
 * proportions): A4, margins 37/35/28/26 mm, title in a bold Song face at 二号 (22 pt), headings in
 * 黑体 and 楷体 at 三号 (16 pt), body in 仿宋 at 三号 with fixed 28 pt lines and a two-character indent.
 */
public final class DocxRenderer {

    static final String TITLE_FONT = "方正小标宋简体";
    static final String TITLE_FALLBACK = "宋体";
    static final String HEADING_FONT = "黑体";
    static final String SUBHEADING_FONT = "楷体";
    static final String BODY_FONT = "仿宋";
    private static final int TWIPS_PER_MM = PageGeometry.TWIPS_PER_MM;
    /** A4 width less the left and right margins. */
    private static final int TEXT_WIDTH_TWIPS = PageGeometry.TEXT_WIDTH_TWIPS;

    private DocxRenderer() {
    }

    public static byte[] render(Report r) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            page(doc);
            XWPFParagraph title = doc.createParagraph();
            title.setAlignment(ParagraphAlignment.CENTER);
            title.setSpacingAfter(560);
            List<String> titleLines = titleLines(r.title());
            for (int i = 0; i < titleLines.size(); i++) {
                XWPFRun t = run(title, titleLines.get(i), TITLE_FONT, 22, true);
                if (i < titleLines.size() - 1) {
                    t.addBreak();
                }
            }
            pageNumbers(doc);
            for (Report.Section s : r.sections()) {
                XWPFParagraph h = body(doc);
                run(h, s.number() + "、" + s.title(), HEADING_FONT, 16, false);
                for (Report.Part p : s.parts()) {
                    if (p.heading() != null) {
                        run(body(doc), p.heading(), SUBHEADING_FONT, 16, true);
                    }
                    for (String para : p.paragraphs()) {
                        run(body(doc), para, BODY_FONT, 16, false);
                    }
                }
            }
            XWPFParagraph unit = body(doc);
            unit.setAlignment(ParagraphAlignment.RIGHT);
            unit.setSpacingBefore(560);
            unit.setIndentationFirstLine(0);
            unit.setIndentationRight(4 * 320);
            run(unit, r.unit(), BODY_FONT, 16, false);
            XWPFParagraph date = body(doc);
            date.setAlignment(ParagraphAlignment.RIGHT);
            date.setIndentationFirstLine(0);
            date.setIndentationRight(4 * 320);
            run(date, r.date(), BODY_FONT, 16, false);
            if (r.score() != null) {
                annexTitle(doc, "附件1", "部门整体支出绩效自评表");
                int[] widths = {12, 13, 25, 8, 13, 11, 18};
                boolean[] numeric = {false, false, false, true, true, true, false};
                XWPFTable t = table(doc, widths, "一级指标", "二级指标", "三级指标", "分值", "指标值", "得分", "说明");
                for (Report.ScoreRow row : r.score().rows()) {
                    row(t, widths, numeric, false, row.level1(), row.level2(), row.name(), row.points(), row.value(),
                            row.score(), row.status());
                }
                row(t, widths, numeric, true, "合计", "", "", "100", "", r.score().total(), "等级：" + r.score().grade());
            }
            if (!r.projects().isEmpty()) {
                annexTitle(doc, "附件2", "项目支出情况表（万元）");
                int[] widths = {22, 12, 11, 12, 13, 12, 11, 7};
                boolean[] numeric = {false, true, true, true, true, true, true, false};
                XWPFTable t = table(doc, widths, "项目", "年初预算", "调整", "单位支付", "财政直接支付", "实际支出", "执行率", "重点");
                for (Report.ProjectRow p : r.projects()) {
                    row(t, widths, numeric, false, p.name(), p.budget(), p.adjustment(), p.actualOwn(), p.actualDirect(),
                            p.actual(), p.executionRate(), p.keyProject() ? "是" : "");
                }
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The bureau's summary of a year (全区汇总) in the same layout: the overall situation, one table row
     * per department, then the main findings of each department that has any.
     */
    public static byte[] renderSummary(int fiscalYear, io.jixiao.report.service.DistrictSummaryService.Totals t,
            List<io.jixiao.report.service.DistrictSummaryService.Row> rows, java.time.LocalDate date) {
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
            int[] widths = {26, 11, 9, 7, 14, 14, 11, 8};
            boolean[] numeric = {false, false, true, false, true, true, true, true};
            XWPFTable table = table(doc, widths, "单位", "报送状态", "得分", "等级", "预算（万元）", "实际（万元）", "执行率", "问题");
            for (var r : rows) {
                row(table, widths, numeric, false, r.departmentName(), SummaryDocuments.statusText(r.status()),
                        r.score() == null ? "—" : r.score(), r.grade() == null ? "—" : r.grade(), wanOrDash(r.budget()),
                        wanOrDash(r.actual()), r.executionRate() == null ? "—" : r.executionRate() + "%",
                        String.valueOf(r.fatal() + r.warnings()));
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
    public static byte[] renderSampleReport(String district, io.jixiao.report.season.SampleService.SampleView s,
            List<io.jixiao.report.season.SampleService.ReviewView> reviews, java.time.LocalDate date) {
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

    private static void page(XWPFDocument doc) {
        CTSectPr sect = doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = sect.addNewPgSz();
        size.setW(BigInteger.valueOf(PageGeometry.A4_WIDTH_TWIPS));
        size.setH(BigInteger.valueOf(PageGeometry.A4_HEIGHT_TWIPS));
        CTPageMar mar = sect.addNewPgMar();
        mar.setTop(BigInteger.valueOf((long) PageGeometry.TOP_MM * TWIPS_PER_MM));
        mar.setBottom(BigInteger.valueOf((long) PageGeometry.BOTTOM_MM * TWIPS_PER_MM));
        mar.setLeft(BigInteger.valueOf((long) PageGeometry.LEFT_MM * TWIPS_PER_MM));
        mar.setRight(BigInteger.valueOf((long) PageGeometry.RIGHT_MM * TWIPS_PER_MM));
    }

    /** A body paragraph: justified, fixed 28 pt lines, first line indented by two characters. */
    private static XWPFParagraph body(XWPFDocument doc) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.BOTH);
        p.setSpacingBetween(28, LineSpacingRule.EXACT);
        p.setIndentationFirstLine(2 * 320); // two 16 pt characters, in twips
        return p;
    }

    /**
     * A title longer than a line (about 20 characters at 二号) is broken before "整体支出…", by meaning,
     * as the PDF does; digits count half.
     */
    static List<String> titleLines(String title) {
        int at = title.indexOf("整体支出");
        if (at > 0 && ems(title) > 20 && ems(title.substring(0, at)) <= 20) {
            return List.of(title.substring(0, at), title.substring(at));
        }
        return List.of(title);
    }

    private static double ems(String s) {
        return s.codePoints().mapToDouble(c -> c < 0x80 ? 0.5 : 1).sum();
    }

    /** "— n —" in 四号 at the foot: odd pages on the right, even pages on the left, one character in (GB/T 9704). */
    private static void pageNumbers(XWPFDocument doc) {
        doc.setEvenAndOddHeadings(true);
        footer(doc.createFooter(HeaderFooterType.DEFAULT), ParagraphAlignment.RIGHT);
        footer(doc.createFooter(HeaderFooterType.EVEN), ParagraphAlignment.LEFT);
    }

    private static void footer(XWPFFooter footer, ParagraphAlignment align) {
        XWPFParagraph p = footer.createParagraph();
        p.setAlignment(align);
        if (align == ParagraphAlignment.RIGHT) {
            p.setIndentationRight(280);
        } else {
            p.setIndentationLeft(280);
        }
        run(p, "— ", "宋体", 14, false);
        p.getCTP().addNewFldSimple().setInstr("PAGE");
        run(p, " —", "宋体", 14, false);
    }

    private static XWPFRun run(XWPFParagraph p, String text, String font, int size, boolean bold) {
        XWPFRun run = p.createRun();
        run.setText(text);
        run.setFontFamily(font, XWPFRun.FontCharRange.eastAsia);
        run.setFontFamily("Times New Roman", XWPFRun.FontCharRange.ascii);
        run.setFontFamily("Times New Roman", XWPFRun.FontCharRange.hAnsi);
        run.setFontSize(size);
        run.setBold(bold);
        return run;
    }

    private static void annexTitle(XWPFDocument doc, String label, String title) {
        XWPFParagraph l = doc.createParagraph();
        l.setPageBreak(true);
        run(l, label, HEADING_FONT, 16, false);
        XWPFParagraph t = doc.createParagraph();
        t.setAlignment(ParagraphAlignment.CENTER);
        t.setSpacingAfter(240);
        run(t, title, TITLE_FONT, 18, true);
    }

    /** Fixed column widths (shares of the text width); the header row repeats on every page, shaded. */
    private static XWPFTable table(XWPFDocument doc, int[] shares, String... headers) {
        XWPFTable t = doc.createTable(1, headers.length);
        t.setWidth(String.valueOf(TEXT_WIDTH_TWIPS));
        t.setTableAlignment(TableRowAlign.CENTER);
        t.getCTTbl().getTblPr().addNewTblLayout().setType(STTblLayoutType.FIXED);
        int[] widths = twips(shares);
        CTTblGrid grid = t.getCTTbl().getTblGrid() != null ? t.getCTTbl().getTblGrid() : t.getCTTbl().addNewTblGrid();
        for (int i = 0; i < widths.length; i++) {
            (i < grid.sizeOfGridColArray() ? grid.getGridColArray(i) : grid.addNewGridCol()).setW(BigInteger.valueOf(widths[i]));
        }
        XWPFTableRow header = t.getRow(0);
        header.setRepeatHeader(true);
        header.setCantSplitRow(true);
        for (int i = 0; i < headers.length; i++) {
            XWPFTableCell c = cell(header, i, widths[i], headers[i], true, ParagraphAlignment.CENTER);
            c.setColor("F0F0F0");
        }
        return t;
    }

    private static void row(XWPFTable t, int[] shares, boolean[] numeric, boolean bold, String... values) {
        XWPFTableRow row = t.createRow();
        row.setCantSplitRow(true);
        int[] widths = twips(shares);
        for (int i = 0; i < values.length; i++) {
            cell(row, i, widths[i], values[i], bold, numeric[i] ? ParagraphAlignment.RIGHT : ParagraphAlignment.LEFT);
        }
    }

    private static XWPFTableCell cell(XWPFTableRow row, int i, int width, String text, boolean bold, ParagraphAlignment align) {
        XWPFTableCell c = row.getCell(i);
        c.setWidthType(TableWidthType.DXA);
        c.setWidth(String.valueOf(width));
        c.setVerticalAlignment(XWPFTableCell.XWPFVertAlign.CENTER);
        XWPFParagraph p = c.getParagraphs().get(0);
        p.setAlignment(align);
        run(p, text == null ? "" : text, "宋体", 10, bold);
        return c;
    }

    private static int[] twips(int[] shares) {
        int total = 0;
        for (int s : shares) {
            total += s;
        }
        int[] out = new int[shares.length];
        for (int i = 0; i < shares.length; i++) {
            out[i] = TEXT_WIDTH_TWIPS * shares[i] / total;
        }
        return out;
    }
}
