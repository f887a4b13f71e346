package io.jixiao.report.assembly;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.TimeZone;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;

/**
 * The report as a PDF in the same 公文 layout as the DOCX (GB/T 9704 proportions: A4, margins
 * 37/35/28/26 mm, title at 二号, headings at 三号 in a 黑体 face, (一) headings in a 楷体 face, body at
 * 三号 on fixed 28 pt lines, page numbers "— n —" outside at the foot). The CJK fonts are embedded as
 * subsets, so the file looks the same on any machine. PDFBox can only embed TrueType outlines, hence
 * Debian's fonts-arphic-uming (明体 body), fonts-arphic-ukai (楷体), fonts-wqy-zenhei (黑体) and
 * fonts-liberation (Liberation Serif, metric-compatible with Times New Roman, for digits as in the
 * DOCX), configured in {@link Fonts}; there is no free 仿宋 or 小标宋 in Debian, so the body uses the
 * 明体 and the title a stroked (bold) 明体.
 */
public final class PdfRenderer {

    /** A font file (TTF, or TTC with the PostScript name of the face) and the Debian package that brings it. */
    public record FontFile(Path path, String name, String debianPackage) {
    }

    /** body 明体 (for 仿宋), heading 黑体, kai 楷体, latin: digits and Latin letters (Times-like, as the DOCX). */
    public record Fonts(FontFile body, FontFile heading, FontFile kai, FontFile latin) {

        /** Throws {@link FontException} naming the first font that cannot be used. */
        public void validate() {
            for (FontFile f : List.of(body, heading, kai, latin)) {
                try (LoadedFont loaded = LoadedFont.open(f)) {
                    int probe = f == latin ? '0' : '报';
                    if (loaded.ttf.getGlyph() == null || loaded.lookup.getGlyphId(probe) == 0) {
                        throw new FontException(f, "has no TrueType outlines or lacks the glyph " + (char) probe);
                    }
                } catch (IOException e) {
                    throw new FontException(f, "cannot be read: " + e.getMessage());
                }
            }
        }
    }

    /** A configured font is missing or unusable: says which file and which Debian package. */
    public static final class FontException extends RuntimeException {
        private final transient FontFile font;

        FontException(FontFile font, String why) {
            super("PDF font " + font.path() + (font.name() == null || font.name().isBlank() ? "" : " (" + font.name() + ")")
                    + " " + why + "; install the Debian package " + font.debianPackage()
                    + " or point jixiao.report.pdf.* at another TrueType font");
            this.font = font;
        }

        public FontFile font() {
            return font;
        }
    }

    static final float MM = 72f / 25.4f;
    static final float PAGE_W = PDRectangle.A4.getWidth();
    static final float PAGE_H = PDRectangle.A4.getHeight();
    static final float TOP = 37 * MM;
    static final float BOTTOM = 35 * MM;
    static final float LEFT = 28 * MM;
    static final float RIGHT = 26 * MM;
    static final float WIDTH = PAGE_W - LEFT - RIGHT;
    static final float BODY = 16f; // 三号
    static final float LINE = 28f; // fixed line pitch, as in the DOCX
    static final float TITLE = 22f; // 二号
    static final float TABLE = 10.5f; // 五号
    static final float TABLE_LINE = 15f;
    static final float CELL_PAD = 3f;

    private static final String NO_LINE_START = "，。、；：？！）》」』】〕〉”’％%,.;:!?)]}…·";
    private static final String NO_LINE_END = "（《「『【〔〈“‘([{";

    private PdfRenderer() {
    }

    /** One-off: opens the fonts, renders, closes them. */
    public static byte[] render(Report r, Fonts fonts) {
        try (Engine engine = new Engine(fonts)) {
            return engine.render(r);
        }
    }

    /**
     * Keeps the three font files open between documents (opening them costs about half a second);
     * FontBox's font objects are not thread-safe, so one document is laid out at a time.
     */
    public static final class Engine implements AutoCloseable {
        private final Fonts fonts;
        private LoadedFont body;
        private LoadedFont heading;
        private LoadedFont kai;
        private LoadedFont latin;

        public Engine(Fonts fonts) {
            this.fonts = fonts;
        }

        public synchronized byte[] render(Report r) {
            if (body == null) {
                open();
            }
            try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
                Writer w = new Writer(doc, new Face(doc, body), new Face(doc, heading), new Face(doc, kai),
                        new Face(doc, latin));
                w.write(r);
                PDDocumentInformation info = doc.getDocumentInformation();
                info.setTitle(r.title());
                info.setAuthor(r.unit());
                info.setCreator("Jixiao report-service");
                info.setCreationDate(Calendar.getInstance(TimeZone.getTimeZone("Asia/Shanghai")));
                doc.getDocumentCatalog().setLanguage("zh-CN");
                doc.save(out);
                return out.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void open() {
            List<LoadedFont> opened = new ArrayList<>();
            try {
                for (FontFile f : List.of(fonts.body(), fonts.heading(), fonts.kai(), fonts.latin())) {
                    opened.add(LoadedFont.open(f));
                }
            } catch (RuntimeException e) {
                opened.forEach(Engine::closeQuietly);
                throw e;
            }
            heading = opened.get(1);
            kai = opened.get(2);
            latin = opened.get(3);
            body = opened.get(0);
        }

        @Override
        public synchronized void close() {
            closeQuietly(body);
            closeQuietly(heading);
            closeQuietly(kai);
            closeQuietly(latin);
            body = null;
            heading = null;
            kai = null;
            latin = null;
        }

        private static void closeQuietly(Closeable c) {
            if (c != null) {
                try {
                    c.close();
                } catch (IOException ignored) {
                    // closing a read-only font file
                }
            }
        }
    }

    /** An open TrueType face; a TTC stays open while the document embeds its subset. */
    static final class LoadedFont implements Closeable {
        final TrueTypeFont ttf;
        final CmapLookup lookup;
        private final Closeable owner;

        private LoadedFont(TrueTypeFont ttf, Closeable owner) throws IOException {
            this.ttf = ttf;
            this.owner = owner;
            this.lookup = ttf.getUnicodeCmapLookup(false);
            if (lookup == null) {
                close();
                throw new IOException("no Unicode cmap");
            }
        }

        static LoadedFont open(FontFile f) {
            if (f.path() == null || !Files.isReadable(f.path())) {
                throw new FontException(f, "is missing");
            }
            try {
                if (f.path().toString().toLowerCase().endsWith(".ttc")) {
                    TrueTypeCollection ttc = new TrueTypeCollection(f.path().toFile());
                    TrueTypeFont ttf = ttc.getFontByName(f.name());
                    if (ttf == null) {
                        ttc.close();
                        throw new FontException(f, "holds no face named " + f.name());
                    }
                    return new LoadedFont(ttf, ttc);
                }
                TrueTypeFont ttf = new org.apache.fontbox.ttf.TTFParser().parse(
                        new org.apache.pdfbox.io.RandomAccessReadBufferedFile(f.path().toFile()));
                return new LoadedFont(ttf, ttf);
            } catch (IOException e) {
                throw new FontException(f, "cannot be read: " + e.getMessage());
            }
        }

        boolean has(int codePoint) {
            return lookup.getGlyphId(codePoint) != 0;
        }

        @Override
        public void close() throws IOException {
            owner.close();
        }
    }

    /** A font embedded (as a subset) in this document. */
    static final class Face {
        final PDType0Font pdf;
        final LoadedFont source;

        Face(PDDocument doc, LoadedFont source) throws IOException {
            this.source = source;
            this.pdf = PDType0Font.load(doc, source.ttf, true);
        }

        float width(String s, float size) throws IOException {
            return pdf.getStringWidth(s) / 1000f * size;
        }
    }

    enum Align { JUSTIFY, LEFT, CENTER, RIGHT }

    /** A piece of a line that is never broken: one Chinese character, a space, or a run of Latin letters and digits. */
    record Unit(String text, Face face, float width, boolean space, boolean glueBefore, boolean glueAfter) {

        Unit(String text, Face face, float width, boolean space) {
            this(text, face, width, space, false, false);
        }

        /** May not start a line (closing punctuation, a closing quote). */
        boolean noStart() {
            return glueBefore || NO_LINE_START.contains(text);
        }

        /** May not end a line (opening punctuation, an opening quote). */
        boolean noEnd() {
            return glueAfter || NO_LINE_END.contains(text);
        }
    }

    /** Lays the report out page by page. */
    static final class Writer {
        private final PDDocument doc;
        private final Face body;
        private final Face heading;
        private final Face kai;
        private final Face latin;
        private PDPageContentStream cs;
        private float y;

        Writer(PDDocument doc, Face body, Face heading, Face kai, Face latin) {
            this.doc = doc;
            this.body = body;
            this.heading = heading;
            this.kai = kai;
            this.latin = latin;
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
            List<List<Unit>> lines = breakLines(units(text, face, size), WIDTH - rightIndent, firstIndent);
            for (int i = 0; i < lines.size(); i++) {
                if (y - leading < BOTTOM - 0.5f) {
                    cs.close();
                    newPage();
                }
                float indent = i == 0 ? firstIndent : 0;
                float avail = WIDTH - rightIndent - indent;
                List<Unit> line = lines.get(i);
                float w = width(line);
                float x = LEFT + indent;
                float spacing = 0;
                if (align == Align.CENTER) {
                    x += (avail - w) / 2;
                } else if (align == Align.RIGHT) {
                    x += avail - w;
                } else if (align == Align.JUSTIFY && i < lines.size() - 1 && glyphs(line) > 1) {
                    spacing = (avail - w) / (glyphs(line) - 1);
                }
                float baseline = y - (leading - size) / 2 - size * 0.86f;
                show(line, x, baseline, size, spacing, bold);
                y -= leading;
            }
        }

        private void show(List<Unit> line, float x, float baseline, float size, float spacing, boolean bold)
                throws IOException {
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
                cells.add(breakLines(units(v, body, TABLE), widths[i] - 2 * CELL_PAD, 0));
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
                    float w = width(lines.get(l));
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
                    List<Unit> line = units("— " + (i + 1) + " —", body, size);
                    float w = width(line);
                    float x = (i % 2 == 0) ? PAGE_W - RIGHT - size - w : LEFT + size;
                    show(line, x, BOTTOM - 7 * MM - size, size, 0, false);
                }
            }
        }

        /** Breaks the text into units, each in the first face that has its glyphs. */
        private List<Unit> units(String text, Face face, float size) throws IOException {
            List<Unit> out = new ArrayList<>();
            StringBuilder word = new StringBuilder();
            int[] cps = text.codePoints().toArray();
            boolean quoteOpen = false;
            for (int cp : cps) {
                if (cp == '"') {
                    // a straight quote sticks to the word it opens or closes
                    flush(word, face, size, out);
                    quoteOpen = !quoteOpen;
                    out.add(new Unit("\"", latin, latin.width("\"", size), false, !quoteOpen, quoteOpen));
                    continue;
                }
                boolean inWord = cp < 0x2000 && Character.isLetterOrDigit(cp) || (cp < 0x80 && ".-+/_#&@'%".indexOf(cp) >= 0);
                if (inWord) {
                    word.appendCodePoint(cp);
                    continue;
                }
                flush(word, face, size, out);
                if (cp == '\n' || cp == '\r' || cp == '\t') {
                    cp = ' ';
                }
                String s = new String(Character.toChars(cp));
                Face f = cp < 0x80 && latin.source.has(cp) ? latin : faceFor(cp, face);
                if (f == null) {
                    s = "?";
                    f = face;
                }
                out.add(new Unit(s, f, f.width(s, size), cp == ' ' || cp == 0x3000));
            }
            flush(word, face, size, out);
            return out;
        }

        private void flush(StringBuilder word, Face face, float size, List<Unit> out) throws IOException {
            if (word.length() == 0) {
                return;
            }
            String s = word.toString();
            Face f = s.codePoints().allMatch(latin.source::has) ? latin
                    : s.codePoints().allMatch(face.source::has) ? face
                    : s.codePoints().allMatch(body.source::has) ? body : null;
            if (f == null) {
                for (int cp : s.codePoints().toArray()) {
                    Face one = faceFor(cp, face);
                    String t = one == null ? "?" : new String(Character.toChars(cp));
                    Face used = one == null ? face : one;
                    out.add(new Unit(t, used, used.width(t, size), false));
                }
            } else {
                out.add(new Unit(s, f, f.width(s, size), false));
            }
            word.setLength(0);
        }

        private Face faceFor(int cp, Face preferred) {
            for (Face f : new Face[] {preferred, body, heading, kai}) {
                if (f.source.has(cp)) {
                    return f;
                }
            }
            return null;
        }

        /**
         * A title too long for one line is broken before "整体支出…" (the name of the document), as a
         * 公文 title is broken by meaning, never in the middle of a word.
         */
        private List<String> titleLines(String title) throws IOException {
            int at = title.indexOf("整体支出");
            if (at > 0 && width(units(title, body, TITLE)) > WIDTH && width(units(title.substring(0, at), body, TITLE)) <= WIDTH) {
                return List.of(title.substring(0, at), title.substring(at));
            }
            return List.of(title);
        }

        /**
         * Greedy line breaking with the usual Chinese rules: no closing punctuation at the start of a
         * line, no opening punctuation at its end, no break inside a number or Latin word.
         */
        static List<List<Unit>> breakLines(List<Unit> units, float width, float firstIndent) {
            List<List<Unit>> lines = new ArrayList<>();
            List<Unit> line = new ArrayList<>();
            float w = 0;
            for (Unit u : units) {
                float avail = lines.isEmpty() ? width - firstIndent : width;
                if (line.isEmpty() && u.space()) {
                    continue; // no space at the start of a line
                }
                if (w + u.width() > avail + 0.01f && !line.isEmpty() && !u.space()) {
                    List<Unit> carry = new ArrayList<>();
                    if (u.noStart()) {
                        // pull the last character down with the punctuation, unless that leaves the line empty
                        if (line.size() > 1) {
                            carry.add(0, line.remove(line.size() - 1));
                        }
                    }
                    while (line.size() > 1 && line.get(line.size() - 1).noEnd()) {
                        carry.add(0, line.remove(line.size() - 1));
                    }
                    trimEnd(line);
                    lines.add(line);
                    line = new ArrayList<>(carry);
                    w = width(line);
                }
                line.add(u);
                w += u.width();
            }
            trimEnd(line);
            if (!line.isEmpty() || lines.isEmpty()) {
                lines.add(line);
            }
            return lines;
        }

        private static void trimEnd(List<Unit> line) {
            while (!line.isEmpty() && line.get(line.size() - 1).space()) {
                line.remove(line.size() - 1);
            }
        }

        static float width(List<Unit> line) {
            float w = 0;
            for (Unit u : line) {
                w += u.width();
            }
            return w;
        }

        private static int glyphs(List<Unit> line) {
            int n = 0;
            for (Unit u : line) {
                n += u.text().codePointCount(0, u.text().length());
            }
            return n;
        }
    }
}
