package io.jixiao.report.assembly;

import static io.jixiao.report.assembly.DocxWriter.*;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;

/**
 * The report as an editable Word document laid out like a Chinese government document (GB/T 9704
 * proportions): A4, margins 37/35/28/26 mm, title in a bold Song face at 二号 (22 pt), headings in
 * 黑体 and 楷体 at 三号 (16 pt), body in 仿宋 at 三号 with fixed 28 pt lines and a two-character indent.
 */
public final class DocxRenderer {

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
}
