package io.jixiao.report.assembly;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The PDF's fonts: the configured files ({@link Fonts}), checked at start ({@link Fonts#validate}),
 * opened once and kept open by the renderer's engine ({@link LoadedFont}), and embedded as a subset in
 * each document ({@link Face}). PDFBox embeds TrueType outlines only, hence Debian's TrueType CJK faces.
 */
public final class PdfFonts {

    private PdfFonts() {
    }

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
}
