package io.jixiao.report.assembly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.util.List;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;

/** The DOCX read back with POI says exactly what the text (and so the HTML preview) says, in the 公文 layout. */
class DocxRendererTest {

    @Test
    void theDocxHasTheSameParagraphsAsThePreviewAndTheLayout() throws Exception {
        Report r = ReportAssemblerTest.assemble("6095300.00", "700300.00");
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(DocxRenderer.render(r)))) {
            // the title is broken by meaning with a line break inside its paragraph
            List<String> docx = doc.getParagraphs().stream().map(p -> p.getText().replace("\n", ""))
                    .filter(t -> !t.isBlank()).toList();
            List<String> text = List.of(r.toText().split("\n\n")).stream().map(String::strip).toList();
            assertEquals(text, docx.subList(0, text.size()));
            assertTrue(docx.contains("部门整体支出绩效自评表"));
            var sect = doc.getDocument().getBody().getSectPr();
            assertEquals("11906", sect.getPgSz().getW().toString());
            assertEquals("16838", sect.getPgSz().getH().toString());
            XWPFParagraph title = doc.getParagraphs().get(0);
            assertEquals(22.0, title.getRuns().get(0).getFontSizeAsDouble());
            assertTrue(title.getRuns().get(0).isBold());
            XWPFParagraph heading = doc.getParagraphs().get(1);
            assertEquals("黑体", heading.getRuns().get(0).getFontFamily(org.apache.poi.xwpf.usermodel.XWPFRun.FontCharRange.eastAsia));
            XWPFParagraph body = doc.getParagraphs().get(2);
            assertEquals("仿宋", body.getRuns().get(0).getFontFamily(org.apache.poi.xwpf.usermodel.XWPFRun.FontCharRange.eastAsia));
            assertEquals(16.0, body.getRuns().get(0).getFontSizeAsDouble());
            assertEquals(3, doc.getTables().get(0).getNumberOfRows() - 2, "three score rows between header and total");
        }
    }

    /** Every character and figure of the HTML preview, in the same order, in the DOCX (annex tables included). */
    @Test
    void theDocxSaysWhatThePreviewSaysIncludingTheAnnexes() throws Exception {
        Report r = ReportAssemblerTest.assembleFull();
        long t0 = System.nanoTime();
        byte[] docx = DocxRenderer.render(r);
        System.out.println("DOCX render " + (System.nanoTime() - t0) / 1_000_000 + " ms, " + docx.length + " bytes");
        java.nio.file.Files.createDirectories(PdfRendererTest.RENDERS);
        java.nio.file.Files.write(PdfRendererTest.RENDERS.resolve("sample-2020.docx"), docx);
        String html = DocumentText.html(HtmlRenderer.render(r));
        String text = DocumentText.docx(docx);
        DocumentText.assertSameText(html, text);
        DocumentText.assertFiguresInOrder(ReportFixtures.SAMPLE_FIGURES, text);
        List<String> lines = DocumentText.lines(text);
        for (Report.Section s : r.sections()) {
            assertTrue(lines.contains(s.number() + "、" + s.title()), s.title());
        }
        assertTrue(lines.contains("附件1") && lines.contains("附件2"));
    }
}
