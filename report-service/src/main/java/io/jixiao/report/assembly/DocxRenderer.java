package io.jixiao.report.assembly;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;

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
    private static final int TWIPS_PER_MM = 1440 * 10 / 254;

    private DocxRenderer() {
    }

    public static byte[] render(Report r) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            page(doc);
            XWPFParagraph title = doc.createParagraph();
            title.setAlignment(ParagraphAlignment.CENTER);
            title.setSpacingAfter(560);
            run(title, r.title(), TITLE_FONT, 22, true);
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
                XWPFTable t = table(doc, "一级指标", "二级指标", "三级指标", "分值", "指标值", "得分", "说明");
                for (Report.ScoreRow row : r.score().rows()) {
                    row(t, row.level1(), row.level2(), row.name(), row.points(), row.value(), row.score(), row.status());
                }
                row(t, "合计", "", "", "100", "", r.score().total(), "等级：" + r.score().grade());
            }
            if (!r.projects().isEmpty()) {
                annexTitle(doc, "附件2", "项目支出情况表（万元）");
                XWPFTable t = table(doc, "项目", "年初预算", "调整", "单位支付", "财政直接支付", "实际支出", "执行率", "重点");
                for (Report.ProjectRow p : r.projects()) {
                    row(t, p.name(), p.budget(), p.adjustment(), p.actualOwn(), p.actualDirect(), p.actual(),
                            p.executionRate(), p.keyProject() ? "是" : "");
                }
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void page(XWPFDocument doc) {
        CTSectPr sect = doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = sect.addNewPgSz();
        size.setW(BigInteger.valueOf(11906)); // A4 210 × 297 mm in twips
        size.setH(BigInteger.valueOf(16838));
        CTPageMar mar = sect.addNewPgMar();
        mar.setTop(BigInteger.valueOf(37L * TWIPS_PER_MM));
        mar.setBottom(BigInteger.valueOf(35L * TWIPS_PER_MM));
        mar.setLeft(BigInteger.valueOf(28L * TWIPS_PER_MM));
        mar.setRight(BigInteger.valueOf(26L * TWIPS_PER_MM));
    }

    /** A body paragraph: justified, fixed 28 pt lines, first line indented by two characters. */
    private static XWPFParagraph body(XWPFDocument doc) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.BOTH);
        p.setSpacingBetween(28, LineSpacingRule.EXACT);
        p.setIndentationFirstLine(2 * 320); // two 16 pt characters, in twips
        return p;
    }

    private static void run(XWPFParagraph p, String text, String font, int size, boolean bold) {
        XWPFRun run = p.createRun();
        run.setText(text);
        run.setFontFamily(font, XWPFRun.FontCharRange.eastAsia);
        run.setFontFamily("Times New Roman", XWPFRun.FontCharRange.ascii);
        run.setFontFamily("Times New Roman", XWPFRun.FontCharRange.hAnsi);
        run.setFontSize(size);
        run.setBold(bold);
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

    private static XWPFTable table(XWPFDocument doc, String... headers) {
        XWPFTable t = doc.createTable(1, headers.length);
        t.setWidth("100%");
        for (int i = 0; i < headers.length; i++) {
            cell(t.getRow(0), i, headers[i], true);
        }
        return t;
    }

    private static void row(XWPFTable t, String... values) {
        XWPFTableRow row = t.createRow();
        for (int i = 0; i < values.length; i++) {
            cell(row, i, values[i], false);
        }
    }

    private static void cell(XWPFTableRow row, int i, String text, boolean bold) {
        XWPFParagraph p = row.getCell(i).getParagraphs().get(0);
        run(p, text == null ? "" : text, "宋体", 10, bold);
    }
}
