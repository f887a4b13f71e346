package io.jixiao.report.assembly;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TTFTable;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The PDF's fonts: the configured files ({@link Fonts}), checked at start ({@link Fonts#validate}),
 * read once by the renderer's engine into metrics and glyph offsets ({@link LoadedFont}), and embedded as
 * a subset in each document ({@link Face}). PDFBox embeds TrueType outlines only, hence Debian's TrueType CJK faces.
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
                int probe = f == latin ? '0' : '报';
                if (!LoadedFont.open(f).has(probe)) {
                    throw new FontException(f, "lacks the glyph " + (char) probe);
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

    /**
     * A face's metrics and where its glyphs lie in the file. FontBox's own font object keeps the whole file
     * and a second copy of its glyf table in the heap (about 40 MB for each CJK face), so it is used only
     * to read the face once; each document then gets a small TrueType font of just its characters
     * ({@link #subset}), read from the file and numbered anew, which PDFBox embeds as a subset as before.
     * The widths do not change; the PDF's CIDs are the new glyph ids.
     */
    static final class LoadedFont {
        /**
         * Tables copied as they are into a document's font (those PDFBox embeds, and what it reads to describe
         * the font); glyph names, GSUB and the bitmaps are left out.
         */
        private static final List<String> COPIED = List.of("OS/2", "cvt ", "fpgm", "gasp", "head", "hhea", "hmtx", "maxp",
                "name", "prep");

        final FontFile file;
        private final int unitsPerEm;
        private final int numGlyphs;
        /** Unicode code points the face maps, ascending, and the glyph of each. */
        private final int[] codePoints;
        private final char[] glyphIds;
        /** Offsets of each glyph in the glyf table (numGlyphs + 1), and where that table starts in the file. */
        private final int[] loca;
        private final long glyfOffset;
        private final Map<String, byte[]> tables = new TreeMap<>();
        private final int hMetrics;
        /** The file as read: glyphs are read from it at each embedding, so a replaced file means reading it again. */
        private final long fileSize;
        private final long fileModified;

        private LoadedFont(FontFile file, TrueTypeFont ttf) throws IOException {
            this.file = file;
            this.fileSize = Files.size(file.path());
            this.fileModified = Files.getLastModifiedTime(file.path()).toMillis();
            Map<String, TTFTable> dir = ttf.getTableMap();
            if (!dir.containsKey("glyf") || !dir.containsKey("loca") || !dir.containsKey("hmtx")) {
                throw new FontException(file, "has no TrueType outlines");
            }
            CmapLookup lookup = ttf.getUnicodeCmapLookup(false);
            if (lookup == null) {
                throw new FontException(file, "has no Unicode cmap");
            }
            unitsPerEm = ttf.getHeader().getUnitsPerEm();
            numGlyphs = ttf.getNumberOfGlyphs();
            hMetrics = ttf.getHorizontalHeader().getNumberOfHMetrics();
            long[] offsets = ttf.getIndexToLocation().getOffsets();
            loca = new int[numGlyphs + 1];
            for (int g = 0; g <= numGlyphs; g++) {
                loca[g] = (int) offsets[Math.min(g, offsets.length - 1)];
            }
            glyfOffset = dir.get("glyf").getOffset();
            for (String tag : COPIED) {
                if (dir.containsKey(tag)) {
                    tables.put(tag, ttf.getTableBytes(dir.get(tag)));
                }
            }
            // post without its glyph names (version 1: the standard Macintosh names; version 3 is logged as
            // lacking names): PDFBox reads only its header (italic angle, fixed pitch) and names no glyph of a CID font
            byte[] post = new byte[32];
            if (dir.containsKey("post")) {
                System.arraycopy(ttf.getTableNBytes(dir.get("post"), 32), 0, post, 0, 32);
            }
            ByteBuffer.wrap(post).putInt(0, 0x00010000);
            tables.put("post", post);
            TreeMap<Integer, Integer> map = new TreeMap<>();
            for (int g = 1; g < numGlyphs; g++) {
                List<Integer> codes = lookup.getCharCodes(g);
                if (codes != null) {
                    for (int cp : codes) {
                        if (lookup.getGlyphId(cp) == g) {
                            map.put(cp, g);
                        }
                    }
                }
            }
            codePoints = new int[map.size()];
            glyphIds = new char[map.size()];
            int i = 0;
            for (Map.Entry<Integer, Integer> e : map.entrySet()) {
                codePoints[i] = e.getKey();
                glyphIds[i++] = (char) e.getValue().intValue();
            }
        }

        /** Reads the face (the named one of a TTC) and lets go of the file. */
        static LoadedFont open(FontFile f) {
            if (f.path() == null || !Files.isReadable(f.path())) {
                throw new FontException(f, "is missing");
            }
            try {
                if (f.path().toString().toLowerCase().endsWith(".ttc")) {
                    try (TrueTypeCollection ttc = new TrueTypeCollection(f.path().toFile())) {
                        TrueTypeFont ttf = ttc.getFontByName(f.name());
                        if (ttf == null) {
                            throw new FontException(f, "holds no face named " + f.name());
                        }
                        return new LoadedFont(f, ttf);
                    }
                }
                try (TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBufferedFile(f.path().toFile()))) {
                    return new LoadedFont(f, ttf);
                }
            } catch (IOException e) {
                throw new FontException(f, "cannot be read: " + e.getMessage());
            }
        }

        /** The file is no longer the one read (a package upgrade replaced it, say): offsets would point amiss. */
        boolean changedOnDisk() {
            try {
                return Files.size(file.path()) != fileSize || Files.getLastModifiedTime(file.path()).toMillis() != fileModified;
            } catch (IOException e) {
                return true; // gone: reopening names the missing file and its package
            }
        }

        int glyphId(int codePoint) {
            int i = Arrays.binarySearch(codePoints, codePoint);
            return i < 0 ? 0 : glyphIds[i];
        }

        boolean has(int codePoint) {
            return glyphId(codePoint) != 0;
        }

        /** The advance of a code point in thousandths of the font size, rounded as PDFBox writes the PDF's widths. */
        int width(int codePoint) {
            int g = Math.min(glyphId(codePoint), hMetrics - 1);
            int advance = ByteBuffer.wrap(tables.get("hmtx")).getChar(g * 4);
            return Math.round(advance * 1000f / unitsPerEm);
        }

        /**
         * A TrueType font with the glyphs of these code points only (and the glyphs they are composed of),
         * numbered anew from 0 in the order of their ids in the file. A CJK face has 30,000-40,000 glyphs:
         * keeping the file's ids meant a loca and an hmtx of that many entries in every document's font,
         * written, summed and parsed again by PDFBox, about half of a report's rendering time.
         */
        byte[] subset(Set<Integer> codes) throws IOException {
            TreeMap<Integer, byte[]> glyphs = new TreeMap<>();
            ArrayDeque<Integer> toVisit = new ArrayDeque<>();
            toVisit.add(0);
            for (int cp : codes) {
                toVisit.add(glyphId(cp));
            }
            try (FileChannel ch = FileChannel.open(file.path(), StandardOpenOption.READ)) {
                while (!toVisit.isEmpty()) {
                    int g = toVisit.poll();
                    if (g < numGlyphs && !glyphs.containsKey(g)) {
                        byte[] b = TrueTypeTables.read(ch, glyfOffset + loca[g], loca[g + 1] - loca[g]);
                        glyphs.put(g, b);
                        toVisit.addAll(TrueTypeTables.components(b));
                    }
                }
            }
            Map<Integer, Integer> newIds = new HashMap<>();
            for (int g : glyphs.keySet()) {
                newIds.put(g, newIds.size()); // .notdef, the smallest, stays 0
            }
            int n = newIds.size();
            ByteArrayOutputStream glyf = new ByteArrayOutputStream();
            ByteBuffer newLoca = ByteBuffer.allocate(4 * (n + 1));
            ByteBuffer newHmtx = ByteBuffer.allocate(4 * n);
            ByteBuffer hmtx = ByteBuffer.wrap(tables.get("hmtx"));
            for (Map.Entry<Integer, byte[]> e : glyphs.entrySet()) {
                int g = e.getKey();
                newLoca.putInt(glyf.size());
                byte[] b = TrueTypeTables.renumbered(e.getValue(), newIds);
                glyf.write(b);
                glyf.write(new byte[(4 - b.length % 4) % 4]);
                // every glyph gets a full metric: the advance (glyphs past numberOfHMetrics share the last one)
                // and its left side bearing (those glyphs keep theirs in the array after the metrics)
                int lsbAt = g < hMetrics ? g * 4 + 2 : hMetrics * 4 + (g - hMetrics) * 2;
                newHmtx.putChar(hmtx.getChar(Math.min(g, hMetrics - 1) * 4))
                        .putShort(lsbAt + 2 <= hmtx.capacity() ? hmtx.getShort(lsbAt) : 0);
            }
            newLoca.putInt(glyf.size());
            Map<String, byte[]> out = new TreeMap<>(tables);
            byte[] head = tables.get("head").clone();
            ByteBuffer.wrap(head).putInt(8, 0).putShort(50, (short) 1); // checksum set by sfnt(), long loca offsets
            byte[] maxp = tables.get("maxp").clone();
            ByteBuffer.wrap(maxp).putChar(4, (char) n);
            byte[] hhea = tables.get("hhea").clone();
            ByteBuffer.wrap(hhea).putChar(34, (char) n); // numberOfHMetrics
            out.put("head", head);
            out.put("maxp", maxp);
            out.put("hhea", hhea);
            out.put("hmtx", newHmtx.array());
            out.put("glyf", glyf.toByteArray());
            out.put("loca", newLoca.array());
            TreeMap<Integer, Integer> mapped = new TreeMap<>();
            for (int cp : codes) {
                if (has(cp)) {
                    mapped.put(cp, newIds.get(glyphId(cp)));
                }
            }
            out.put("cmap", TrueTypeTables.cmap(mapped));
            return TrueTypeTables.sfnt(out);
        }

    }

    /**
     * A font of one document: measured from the face's metrics while the document is laid out (which
     * notes every character), then embedded ({@link #embed}) with exactly the characters noted.
     */
    static final class Face {
        final LoadedFont source;
        private final Set<Integer> used = new TreeSet<>();
        PDType0Font pdf;

        Face(LoadedFont source) {
            this.source = source;
        }

        float width(String s, float size) {
            int w = 0;
            for (int cp : s.codePoints().toArray()) {
                used.add(cp);
                w += source.width(cp);
            }
            return w / 1000f * size;
        }

        /** Embeds the characters measured so far; later text must use only them. */
        void embed(PDDocument doc) throws IOException {
            TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(source.subset(used)));
            pdf = PDType0Font.load(doc, ttf, true);
        }
    }
}
