package io.jixiao.report.assembly;

import static io.jixiao.report.assembly.PageGeometry.BOTTOM;
import static io.jixiao.report.assembly.PageGeometry.LEFT;
import static io.jixiao.report.assembly.PageGeometry.MM;
import static io.jixiao.report.assembly.PageGeometry.PAGE_H;
import static io.jixiao.report.assembly.PageGeometry.PAGE_W;
import static io.jixiao.report.assembly.PageGeometry.RIGHT;
import static io.jixiao.report.assembly.PageGeometry.TOP;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;

import io.jixiao.report.assembly.PdfFonts.Face;
import io.jixiao.report.assembly.PdfText.Unit;

/** Lays the report out page by page, in the geometry of {@link PageGeometry}. */
final class PdfLayout {

    static final float WIDTH = PageGeometry.TEXT_WIDTH;
    static final float BODY = PageGeometry.BODY_PT;
    static final float LINE = PageGeometry.LINE_PT;
    static final float TITLE = 22f; // 二号
    static final float TABLE = 10.5f; // 五号
    static final float TABLE_LINE = 15f;
    static final float CELL_PAD = 3f;

    enum Align { JUSTIFY, LEFT, CENTER, RIGHT }

    private final PDDocument doc;
    private final Face body;
    private final Face heading;
    private final Face kai;
    private final PdfText typesetter;
    /** false: lays out and measures only (the text is not drawn), to learn which characters each face needs. */
    private final boolean drawText;
    private PDPageContentStream cs;
    private float y;

    /** faces: body, heading, kai, latin. */
    PdfLayout(PDDocument doc, List<Face> faces, boolean drawText) {
        this.doc = doc;
        this.body = faces.get(0);
        this.heading = faces.get(1);
        this.kai = faces.get(2);
        this.typesetter = new PdfText(body, heading, kai, faces.get(3));
        this.drawText = drawText;
    }

    void write(Report r) throws IOException {
        newPage();
        y -= 8; // the title sits a little below the top of the text area
        for (String part : titleLines(r.title())) {
            paragraph(part, body, TITLE, 36, 0, 0, Align.CENTER, true);
        }
        y -= 14;
        for (Report.Section s : r.sections()) {
            keepWithNext(2);
            paragraph(s.number() + "、" + s.title(), heading, BODY, LINE, 2 * BODY, 0, Align.JUSTIFY, false);
            for (Report.Part p : s.parts()) {
                if (p.heading() != null) {
                    keepWithNext(2);
                    paragraph(p.heading(), kai, BODY, LINE, 2 * BODY, 0, Align.JUSTIFY, true);
                }
                for (String para : p.paragraphs()) {
                    paragraph(para, body, BODY, LINE, 2 * BODY, 0, Align.JUSTIFY, false);
                }
            }
        }
        // one blank line before the unit and date; dropped rather than leave them alone on a new page
        if (y - 3 * LINE >= BOTTOM) {
            y -= LINE;
        }
        keepWithNext(2);
        paragraph(r.unit(), body, BODY, LINE, 0, 4 * BODY, Align.RIGHT, false);
        paragraph(r.date(), body, BODY, LINE, 0, 4 * BODY, Align.RIGHT, false);
        if (r.score() != null) {
            annexTitle("附件1", "部门整体支出绩效自评表");
            List<String[]> rows = new ArrayList<>();
            for (Report.ScoreRow row : r.score().rows()) {
                rows.add(new String[] {row.level1(), row.level2(), row.name(), row.points(), row.value(), row.score(),
                        row.status()});
            }
            rows.add(new String[] {"合计", "", "", "100", "", r.score().total(), "等级：" + r.score().grade()});
            table(new String[] {"一级指标", "二级指标", "三级指标", "分值", "指标值", "得分", "说明"},
                    new float[] {11, 13, 25, 8, 13, 11, 19}, new boolean[] {false, false, false, true, true, true, false},
                    rows, true);
        }
        if (!r.projects().isEmpty()) {
            annexTitle("附件2", "项目支出情况表（万元）");
            List<String[]> rows = new ArrayList<>();
            for (Report.ProjectRow p : r.projects()) {
                rows.add(new String[] {p.name(), p.budget(), p.adjustment(), p.actualOwn(), p.actualDirect(), p.actual(),
                        p.executionRate(), p.keyProject() ? "是" : ""});
            }
            table(new String[] {"项目", "年初预算", "调整", "单位支付", "财政直接支付", "实际支出", "执行率", "重点"},
                    new float[] {22, 12, 11, 12, 13, 12, 11, 7}, new boolean[] {false, true, true, true, true, true, true, false},
                    rows, false);
        }
        cs.close();
        pageNumbers();
    }

    private void annexTitle(String label, String title) throws IOException {
        cs.close();
        newPage();
        paragraph(label, heading, BODY, LINE, 0, 0, Align.LEFT, false);
        y -= 6;
        paragraph(title, body, 18, 32, 0, 0, Align.CENTER, true);
        y -= 10;
    }

    private void newPage() throws IOException {
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        cs = new PDPageContentStream(doc, page);
        y = PAGE_H - TOP;
    }

    private void keepWithNext(int lines) throws IOException {
        if (y - lines * LINE < BOTTOM) {
            cs.close();
            newPage();
        }
    }

    private void paragraph(String text, Face face, float size, float leading, float firstIndent, float rightIndent,
            Align align, boolean bold) throws IOException {
        List<List<Unit>> lines = PdfText.breakLines(typesetter.units(text, face, size), WIDTH - rightIndent, firstIndent);
        for (int i = 0; i < lines.size(); i++) {
            if (y - leading < BOTTOM - 0.5f) {
                cs.close();
                newPage();
            }
            float indent = i == 0 ? firstIndent : 0;
            float avail = WIDTH - rightIndent - indent;
            List<Unit> line = lines.get(i);
            float w = PdfText.width(line);
            float x = LEFT + indent;
            float spacing = 0;
            if (align == Align.CENTER) {
                x += (avail - w) / 2;
            } else if (align == Align.RIGHT) {
                x += avail - w;
            } else if (align == Align.JUSTIFY && i < lines.size() - 1 && PdfText.glyphs(line) > 1) {
                spacing = (avail - w) / (PdfText.glyphs(line) - 1);
            }
            float baseline = y - (leading - size) / 2 - size * 0.86f;
            show(line, x, baseline, size, spacing, bold);
            y -= leading;
        }
    }

    private void show(List<Unit> line, float x, float baseline, float size, float spacing, boolean bold)
            throws IOException {
        if (!drawText) {
            return;
        }
        cs.beginText();
        if (bold) {
            cs.setRenderingMode(RenderingMode.FILL_STROKE);
            cs.setLineWidth(size * 0.035f);
        }
        cs.setCharacterSpacing(spacing);
        cs.newLineAtOffset(x, baseline);
        Face current = null;
        StringBuilder run = new StringBuilder();
        for (Unit u : line) {
            if (u.face() != current) {
                if (run.length() > 0) {
                    cs.showText(run.toString());
                    run.setLength(0);
                }
                current = u.face();
                cs.setFont(current.pdf, size);
            }
            run.append(u.text());
        }
        if (run.length() > 0) {
            cs.showText(run.toString());
        }
        cs.setCharacterSpacing(0);
        if (bold) {
            cs.setRenderingMode(RenderingMode.FILL);
        }
        cs.endText();
    }

    /** A table with wrapped cells; the header row is repeated on every page the table runs onto. */
    private void table(String[] headers, float[] shares, boolean[] numeric, List<String[]> rows, boolean lastRowBold)
            throws IOException {
        float total = 0;
        for (float s : shares) {
            total += s;
        }
        float[] widths = new float[shares.length];
        for (int i = 0; i < shares.length; i++) {
            widths[i] = WIDTH * shares[i] / total;
        }
        tableRow(headers, widths, new boolean[headers.length], true, true);
        for (int r = 0; r < rows.size(); r++) {
            List<List<List<Unit>>> cells = cells(rows.get(r), widths);
            if (y - rowHeight(cells) < BOTTOM) {
                cs.close();
                newPage();
                tableRow(headers, widths, new boolean[headers.length], true, true);
            }
            tableRow(rows.get(r), widths, numeric, lastRowBold && r == rows.size() - 1, false);
        }
    }

    private List<List<List<Unit>>> cells(String[] values, float[] widths) throws IOException {
        List<List<List<Unit>>> cells = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            String v = values[i] == null ? "" : values[i];
            cells.add(PdfText.breakLines(typesetter.units(v, body, TABLE), widths[i] - 2 * CELL_PAD, 0));
        }
        return cells;
    }

    private static float rowHeight(List<List<List<Unit>>> cells) {
        int lines = 1;
        for (List<List<Unit>> c : cells) {
            lines = Math.max(lines, c.size());
        }
        return lines * TABLE_LINE + 2 * CELL_PAD;
    }

    private void tableRow(String[] values, float[] widths, boolean[] numeric, boolean bold, boolean header)
            throws IOException {
        List<List<List<Unit>>> cells = cells(values, widths);
        float h = rowHeight(cells);
        float x = LEFT;
        if (header) {
            cs.setNonStrokingColor(0.94f, 0.94f, 0.94f);
            cs.addRect(LEFT, y - h, WIDTH, h);
            cs.fill();
            cs.setNonStrokingColor(0f, 0f, 0f);
        }
        cs.setLineWidth(0.6f);
        for (int i = 0; i < values.length; i++) {
            cs.addRect(x, y - h, widths[i], h);
            cs.stroke();
            List<List<Unit>> lines = cells.get(i);
            float top = y - (h - lines.size() * TABLE_LINE) / 2; // centred vertically
            for (int l = 0; l < lines.size(); l++) {
                float w = PdfText.width(lines.get(l));
                float tx = header ? x + (widths[i] - w) / 2
                        : numeric[i] ? x + widths[i] - CELL_PAD - w : x + CELL_PAD;
                float baseline = top - l * TABLE_LINE - (TABLE_LINE - TABLE) / 2 - TABLE * 0.86f;
                show(lines.get(l), tx, baseline, TABLE, 0, bold || header);
            }
            x += widths[i];
        }
        y -= h;
    }

    /** "— 1 —" at the foot: odd pages on the right, even pages on the left, one character in. */
    private void pageNumbers() throws IOException {
        int n = doc.getNumberOfPages();
        for (int i = 0; i < n; i++) {
            PDPage page = doc.getPage(i);
            try (PDPageContentStream foot = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND,
                    true, true)) {
                cs = foot;
                float size = 14f; // 四号
                List<Unit> line = typesetter.units("— " + (i + 1) + " —", body, size);
                float w = PdfText.width(line);
                float x = (i % 2 == 0) ? PAGE_W - RIGHT - size - w : LEFT + size;
                show(line, x, BOTTOM - 7 * MM - size, size, 0, false);
            }
        }
    }

    /**
     * A title too long for one line is broken before "整体支出…" (the name of the document), as a
     * 公文 title is broken by meaning, never in the middle of a word.
     */
    private List<String> titleLines(String title) throws IOException {
        int at = title.indexOf("整体支出");
        if (at > 0 && PdfText.width(typesetter.units(title, body, TITLE)) > WIDTH && PdfText.width(typesetter.units(title.substring(0, at), body, TITLE)) <= WIDTH) {
            return List.of(title.substring(0, at), title.substring(at));
        }
        return List.of(title);
    }

}
