package io.jixiao.report.assembly;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.stream.Stream;
import java.util.TimeZone;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;

import io.jixiao.report.assembly.PdfFonts.Face;
import io.jixiao.report.assembly.PdfFonts.FontFile;
import io.jixiao.report.assembly.PdfFonts.Fonts;
import io.jixiao.report.assembly.PdfFonts.LoadedFont;

/**
 * The report as a PDF in the same 公文 layout as the DOCX ({@link PageGeometry}: A4, GB/T 9704 margins,
 * title at 二号, headings at 三号 in a 黑体 face, (一) headings in a 楷体 face, body at 三号 on fixed 28 pt
 * lines, page numbers "— n —" outside at the foot). The CJK fonts are embedded as subsets, so the file
 * looks the same on any machine: Debian's fonts-arphic-uming (明体 body), fonts-arphic-ukai (楷体),
 * fonts-wqy-zenhei (黑体) and fonts-liberation (Liberation Serif, metric-compatible with Times New
 * Roman, for digits as in the DOCX), configured in {@link Fonts}; there is no free 仿宋 or 小标宋 in
 * Debian, so the body uses the 明体 and the title a stroked (bold) 明体. Fonts: {@link PdfFonts}; text
 * and line breaking: {@link PdfText}; pages: {@link PdfLayout}.
 */
public final class PdfRenderer {

    private PdfRenderer() {
    }

    /** One-off: opens the fonts, renders, closes them. */
    public static byte[] render(Report r, Fonts fonts) {
        try (Engine engine = new Engine(fonts)) {
            return engine.render(r);
        }
    }

    /**
     * Reads the fonts once (their metrics and where their glyphs are: reading a CJK face costs about half
     * a second) and keeps no file open; one document is laid out at a time.
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
            if (body == null || Stream.of(body, heading, kai, latin).anyMatch(LoadedFont::changedOnDisk)) {
                open();
            }
            try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
                List<Face> faces = List.of(new Face(body), new Face(heading), new Face(kai), new Face(latin));
                // a first layout without text notes every character of each face, so each face embeds a font
                // of those characters only (the second layout is the same: same text, same widths)
                try (PDDocument draft = new PDDocument()) {
                    new PdfLayout(draft, faces, false).write(r);
                }
                for (Face f : faces) {
                    f.embed(doc);
                }
                new PdfLayout(doc, faces, true).write(r);
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
            for (FontFile f : List.of(fonts.body(), fonts.heading(), fonts.kai(), fonts.latin())) {
                opened.add(LoadedFont.open(f));
            }
            heading = opened.get(1);
            kai = opened.get(2);
            latin = opened.get(3);
            body = opened.get(0);
        }

        @Override
        public synchronized void close() {
            body = null;
            heading = null;
            kai = null;
            latin = null;
        }
    }
}
