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
