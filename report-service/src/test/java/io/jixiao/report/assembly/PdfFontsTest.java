package io.jixiao.report.assembly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.PathIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.GlyphData;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.junit.jupiter.api.Test;

import io.jixiao.report.config.ReportConfig;

/** A document's font ({@link PdfFonts.LoadedFont#subset}): only its glyphs, each as the face draws and advances it. */
class PdfFontsTest {

    @Test
    void aDocumentsFontHoldsOnlyItsGlyphsEachWithTheFacesOutlineAndAdvance() throws Exception {
        PdfFonts.Fonts fonts = ReportConfig.debianFonts();
        for (PdfFonts.FontFile f : List.of(fonts.body(), fonts.heading(), fonts.kai(), fonts.latin())) {
            PdfFonts.LoadedFont loaded = PdfFonts.LoadedFont.open(f);
            try (TrueTypeCollection ttc = f.name() == null ? null : new TrueTypeCollection(f.path().toFile());
                    TrueTypeFont face = ttc != null ? ttc.getFontByName(f.name())
                            : new TTFParser().parse(new RandomAccessReadBufferedFile(f.path().toFile()))) {
                CmapLookup faceMap = face.getUnicodeCmapLookup(false);
                Set<Integer> codes = new TreeSet<>();
                "部门整体支出绩效自评报告（万元）：预算执行率 98.76%，Ab".codePoints()
                        .filter(cp -> faceMap.getGlyphId(cp) != 0).forEach(codes::add);
                // and characters drawn from other glyphs (composite), whose parts must follow them under new ids
                int composites = 0;
                for (int cp = 0x20; cp <= 0xFFFF && composites < 12; cp++) {
                    int g = faceMap.getGlyphId(cp);
                    GlyphData glyph = g == 0 ? null : face.getGlyph().getGlyph(g);
                    if (glyph != null && glyph.getDescription().isComposite()) {
                        codes.add(cp);
                        composites++;
                    }
                }
                assertTrue(composites > 0, f.path() + " has characters drawn from parts (Debian's faces do)");
                byte[] subset = loaded.subset(codes);
                try (TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(subset))) {
                    assertTrue(font.getNumberOfGlyphs() <= 1 + codes.size() * 4,
                            f.path() + ": " + font.getNumberOfGlyphs() + " glyphs for " + codes.size() + " characters");
                    assertTrue(subset.length < 200_000, f.path() + ": " + subset.length + " bytes");
                    CmapLookup map = font.getUnicodeCmapLookup(false);
                    for (int cp : codes) {
                        int mine = map.getGlyphId(cp);
                        int theirs = faceMap.getGlyphId(cp);
                        String what = f.path() + " U+" + Integer.toHexString(cp);
                        assertTrue(mine != 0, what + " is mapped");
                        assertEquals(outline(face, theirs), outline(font, mine), what + ": outline");
                        assertEquals(face.getAdvanceWidth(theirs), font.getAdvanceWidth(mine), what + ": advance");
                    }
                }
            }
        }
    }

    /** The glyph's outline as its path's segments and points. */
    private static List<String> outline(TrueTypeFont font, int gid) throws Exception {
        List<String> out = new ArrayList<>();
        PathIterator it = font.getGlyph().getGlyph(gid).getPath().getPathIterator(null);
        double[] p = new double[6];
        for (; !it.isDone(); it.next()) {
            int type = it.currentSegment(p);
            out.add(type + ":" + p[0] + "," + p[1] + "," + p[2] + "," + p[3] + "," + p[4] + "," + p[5]);
        }
        return out;
    }
}
