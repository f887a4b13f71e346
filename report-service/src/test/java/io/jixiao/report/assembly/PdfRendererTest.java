package io.jixiao.report.assembly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.junit.jupiter.api.Test;

import io.jixiao.report.config.ReportConfig;

/** The PDF read back with PDFBox says exactly what the HTML preview says, with its CJK fonts embedded. */
class PdfRendererTest {

    static final String SCORE_HEADER = "一级指标二级指标三级指标分值指标值得分说明";
    static final String PROJECT_HEADER = "项目年初预算调整单位支付财政直接支付实际支出执行率重点";
    static final Path RENDERS = Path.of("target", "report-renders");

    @Test
    void thePdfHasTheTextAndFiguresOfThePreviewWithEmbeddedFonts() throws Exception {
        Report r = ReportAssemblerTest.assembleFull();
        long t0 = System.nanoTime();
        byte[] pdf = PdfRenderer.render(r, ReportConfig.debianFonts());
        long ms = (System.nanoTime() - t0) / 1_000_000;
        Files.createDirectories(RENDERS);
        Files.write(RENDERS.resolve("sample-2020.pdf"), pdf);
        System.out.println("PDF of the sample report: " + pdf.length + " bytes, first render " + ms + " ms");

        String html = DocumentText.html(HtmlRenderer.render(r));
        String text = DocumentText.pdf(pdf);
        String once = DocumentText.withoutRepeatedHeaders(text, SCORE_HEADER, PROJECT_HEADER);
        DocumentText.assertSameText(html, once);
        DocumentText.assertFiguresInOrder(ReportFixtures.SAMPLE_FIGURES, once);
        List<String> lines = DocumentText.lines(text);
        for (String heading : List.of("一、单位基本情况", "二、整体预算支出情况", "三、整体支出绩效情况", "四、存在的问题及原因",
                "五、下一步改进措施", "六、其他需要说明的情况", "（一）基本支出情况", "（二）项目支出情况", "附件1",
                "部门整体支出绩效自评表", "附件2", "项目支出情况表（万元）")) {
            assertTrue(lines.contains(heading), "heading on its own line: " + heading);
        }
        assertFalse(text.contains("?"), "a character had no glyph in any font");

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertTrue(doc.getNumberOfPages() >= 4, "report pages plus two annexes");
            List<String> fonts = new ArrayList<>();
            for (PDPage page : doc.getPages()) {
                assertEquals(595.28f, page.getMediaBox().getWidth(), 0.01f);
                assertEquals(841.89f, page.getMediaBox().getHeight(), 0.01f);
                for (var name : page.getResources().getFontNames()) {
                    PDFont f = page.getResources().getFont(name);
                    assertTrue(f instanceof PDType0Font, f.getName());
                    assertTrue(f.isEmbedded(), "embedded: " + f.getName());
                    assertTrue(f.getName().matches("[A-Z]{6}\\+.+"), "a subset: " + f.getName());
                    fonts.add(f.getName().substring(7));
                }
            }
            assertTrue(fonts.containsAll(List.of("UMingCN", "WenQuanYiZenHei", "UKaiCN", "LiberationSerif")), fonts.toString());
        }
        try (PdfRenderer.Engine engine = new PdfRenderer.Engine(ReportConfig.debianFonts())) {
            byte[] first = engine.render(r);
            for (int i = 0; i < 5; i++) {
                t0 = System.nanoTime();
                byte[] again = engine.render(r);
                System.out.println("PDF render with open fonts " + (System.nanoTime() - t0) / 1_000_000 + " ms");
                // the fonts stay usable from one document to the next
                DocumentText.assertSameText(DocumentText.pdf(first), DocumentText.pdf(again));
            }
        }
    }

    /**
     * The engine keeps where each glyph sits in the font file, not the file: a file replaced while the
     * service runs (a package upgrade) is read again before the next document, never embedded from stale offsets.
     */
    @Test
    void aFontFileReplacedWhileTheEngineRunsIsReadAgain(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        PdfFonts.Fonts debian = ReportConfig.debianFonts();
        Path latin = dir.resolve("latin.ttf");
        Files.copy(debian.latin().path(), latin);
        PdfFonts.Fonts fonts = new PdfFonts.Fonts(debian.body(), debian.heading(), debian.kai(),
                new PdfFonts.FontFile(latin, null, "fonts-liberation"));
        Report r = ReportAssemblerTest.assembleFull();
        try (PdfRenderer.Engine engine = new PdfRenderer.Engine(fonts)) {
            byte[] before = engine.render(r);
            assertTrue(fontNames(before).contains("LiberationSerif"), fontNames(before).toString());
            Files.copy(Path.of("/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf"), latin,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            byte[] after = engine.render(r);
            assertTrue(fontNames(after).contains("LiberationSans"), fontNames(after).toString());
            DocumentText.assertSameText(DocumentText.pdf(before), DocumentText.pdf(after));
        }
    }

    /** The embedded fonts' names without their subset prefix. */
    static List<String> fontNames(byte[] pdf) throws Exception {
        List<String> names = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            for (PDPage page : doc.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    String n = page.getResources().getFont(name).getName();
                    names.add(n.substring(n.indexOf('+') + 1));
                }
            }
        }
        return names;
    }

    /**
     * Every character the PDF shows has its outline in the embedded font (a document's font is built from
     * the face's file per document: composite glyphs bring their parts), and the engine keeps only metrics:
     * no FontBox object, which would hold the whole font file and a copy of its glyf table in the heap.
     */
    @Test
    void theEmbeddedGlyphsHaveOutlinesAndTheEngineKeepsNoFontFile() throws Exception {
        Report r = ReportAssemblerTest.assembleFull();
        byte[] pdf = PdfRenderer.render(r, ReportConfig.debianFonts());
        java.util.Map<String, Integer> shown = new java.util.TreeMap<>();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            new org.apache.pdfbox.text.PDFTextStripper() {
                @Override
                protected void processTextPosition(org.apache.pdfbox.text.TextPosition t) {
                    try {
                        PDType0Font f = (PDType0Font) t.getFont();
                        for (int code : t.getCharacterCodes()) {
                            if (!t.getUnicode().isBlank()) {
                                assertFalse(f.getPath(code).getBounds2D().isEmpty(),
                                        f.getName() + " has no outline for " + t.getUnicode());
                                shown.merge(f.getName().substring(7), 1, Integer::sum);
                            }
                        }
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
            }.getText(doc);
        }
        assertEquals(java.util.Set.of("UMingCN", "WenQuanYiZenHei", "UKaiCN", "LiberationSerif"), shown.keySet(),
                shown.toString());
        PdfFonts.LoadedFont uming = PdfFonts.LoadedFont.open(ReportConfig.debianFonts().body());
        long bytes = retained(uming, new java.util.IdentityHashMap<>());
        // the file is 21 MB; its metrics, glyph offsets and small tables about 0.6 MB
        assertTrue(bytes < 2_000_000, "the loaded face holds " + bytes + " bytes");
    }

    /** The loaded faces answer as FontBox's own cmap and PDFBox's widths did: same characters, same layout. */
    @Test
    void theLoadedFacesMapAndMeasureEveryCharacterAsFontBoxDoes() throws Exception {
        PdfFonts.Fonts fonts = ReportConfig.debianFonts();
        for (PdfFonts.FontFile f : List.of(fonts.body(), fonts.heading(), fonts.kai(), fonts.latin())) {
            PdfFonts.LoadedFont loaded = PdfFonts.LoadedFont.open(f);
            try (org.apache.fontbox.ttf.TrueTypeCollection ttc = f.name() == null ? null
                    : new org.apache.fontbox.ttf.TrueTypeCollection(f.path().toFile());
                    org.apache.fontbox.ttf.TrueTypeFont ttf = ttc != null ? ttc.getFontByName(f.name())
                            : new org.apache.fontbox.ttf.TTFParser().parse(
                                    new org.apache.pdfbox.io.RandomAccessReadBufferedFile(f.path().toFile()));
                    PDDocument doc = new PDDocument()) {
                var lookup = ttf.getUnicodeCmapLookup(false);
                PDType0Font pdf = PDType0Font.load(doc, ttf, true);
                int mapped = 0;
                for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
                    boolean has = lookup.getGlyphId(cp) != 0;
                    assertEquals(has, loaded.has(cp), f.path() + " U+" + Integer.toHexString(cp));
                    if (has && cp <= 0xFFFF) {
                        mapped++;
                        assertEquals(pdf.getStringWidth(new String(Character.toChars(cp))), loaded.width(cp), 0f,
                                f.path() + " width of U+" + Integer.toHexString(cp));
                    }
                }
                assertTrue(mapped > (f == fonts.latin() ? 200 : 20_000), f.path() + ": " + mapped);
            }
        }
    }

    /** Bytes of the arrays an object reaches; fails on any FontBox or PDFBox object. */
    private static long retained(Object o, java.util.Map<Object, Boolean> seen) throws IllegalAccessException {
        if (o == null || seen.put(o, true) != null) {
            return 0;
        }
        Class<?> c = o.getClass();
        assertFalse(c.getName().startsWith("org.apache."), "keeps a " + c.getName());
        if (c.isArray()) {
            if (c.getComponentType().isPrimitive()) {
                return (long) java.lang.reflect.Array.getLength(o) * switch (c.getComponentType().getName()) {
                    case "byte", "boolean" -> 1;
                    case "char", "short" -> 2;
                    case "long", "double" -> 8;
                    default -> 4;
                };
            }
            long sum = 0;
            for (int i = 0; i < java.lang.reflect.Array.getLength(o); i++) {
                sum += retained(java.lang.reflect.Array.get(o, i), seen);
            }
            return sum;
        }
        if (o instanceof java.util.Map<?, ?> m) {
            long sum = 0;
            for (var e : m.entrySet()) {
                sum += retained(e.getKey(), seen) + retained(e.getValue(), seen);
            }
            return sum;
        }
        if (o instanceof String || o instanceof Path || o instanceof Number) {
            return 0;
        }
        long sum = 0;
        for (; c != null && c != Object.class; c = c.getSuperclass()) {
            for (var field : c.getDeclaredFields()) {
                if (!field.getType().isPrimitive() && !java.lang.reflect.Modifier.isStatic(field.getModifiers())) {
                    field.setAccessible(true);
                    sum += retained(field.get(o), seen);
                }
            }
        }
        return sum;
    }

    @Test
    void aMissingFontSaysWhichFileAndWhichPackage() {
        PdfFonts.Fonts fonts = new PdfFonts.Fonts(
                new PdfFonts.FontFile(Path.of("/nonexistent/uming.ttc"), "UMingCN", "fonts-arphic-uming"),
                ReportConfig.debianFonts().heading(), ReportConfig.debianFonts().kai(), ReportConfig.debianFonts().latin());
        PdfFonts.FontException e = assertThrows(PdfFonts.FontException.class, fonts::validate);
        assertTrue(e.getMessage().contains("/nonexistent/uming.ttc") && e.getMessage().contains("fonts-arphic-uming"),
                e.getMessage());
        assertThrows(PdfFonts.FontException.class, () -> PdfRenderer.render(ReportAssemblerTest.assembleFull(), fonts));
        PdfFonts.Fonts wrongFace = new PdfFonts.Fonts(
                new PdfFonts.FontFile(Path.of(ReportConfig.UMING), "NoSuchFace", "fonts-arphic-uming"),
                ReportConfig.debianFonts().heading(), ReportConfig.debianFonts().kai(), ReportConfig.debianFonts().latin());
        assertTrue(assertThrows(PdfFonts.FontException.class, wrongFace::validate).getMessage().contains("NoSuchFace"));
        ReportConfig.debianFonts().validate();
    }
}
