package io.jixiao.report.assembly;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The TrueType tables a document's font is written from ({@link PdfFonts.LoadedFont#subset}): glyphs read from
 * the file, composite glyphs and their parts, a cmap of the used characters, and the file (sfnt) around them.
 * Offsets and flags as the OpenType specification's glyf, cmap and table directory sections give them.
 */
final class TrueTypeTables {

    private TrueTypeTables() {
    }

    static byte[] read(FileChannel ch, long at, int length) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(Math.max(0, length));
        while (b.hasRemaining()) {
            if (ch.read(b, at + b.position()) < 0) {
                throw new IOException("glyph beyond the end of the file");
            }
        }
        return b.array();
    }

    /** The glyphs a composite glyph is made of (none for a simple one). */
    static List<Integer> components(byte[] glyph) {
        List<Integer> ids = new ArrayList<>();
        ByteBuffer b = ByteBuffer.wrap(glyph);
        if (glyph.length < 10 || b.getShort(0) >= 0) {
            return ids;
        }
        int at = 10;
        int flags;
        do {
            flags = b.getChar(at);
            ids.add((int) b.getChar(at + 2));
            at += componentLength(flags);
        } while ((flags & 0x0020) != 0 && at + 4 <= glyph.length); // MORE_COMPONENTS
        return ids;
    }

    /** A composite glyph with its parts' ids replaced by their new ones (a simple glyph as it is). */
    static byte[] renumbered(byte[] glyph, Map<Integer, Integer> newIds) {
        if (glyph.length < 10 || ByteBuffer.wrap(glyph).getShort(0) >= 0) {
            return glyph;
        }
        byte[] copy = glyph.clone();
        ByteBuffer b = ByteBuffer.wrap(copy);
        int at = 10;
        int flags;
        do {
            flags = b.getChar(at);
            b.putChar(at + 2, (char) newIds.getOrDefault((int) b.getChar(at + 2), 0).intValue());
            at += componentLength(flags);
        } while ((flags & 0x0020) != 0 && at + 4 <= copy.length); // MORE_COMPONENTS
        return copy;
    }

    /** Bytes of one component record of a composite glyph, from its flags. */
    private static int componentLength(int flags) {
        int length = 4 + ((flags & 0x0001) != 0 ? 4 : 2); // flags, glyph index, ARG_1_AND_2_ARE_WORDS
        if ((flags & 0x0008) != 0) { // WE_HAVE_A_SCALE
            length += 2;
        } else if ((flags & 0x0040) != 0) { // WE_HAVE_AN_X_AND_Y_SCALE
            length += 4;
        } else if ((flags & 0x0080) != 0) { // WE_HAVE_A_TWO_BY_TWO
            length += 8;
        }
        return length;
    }

    /** A cmap of these code points (to their glyphs) only: one format 12 subtable (Windows, Unicode full repertoire). */
    static byte[] cmap(TreeMap<Integer, Integer> used) {
        ByteBuffer b = ByteBuffer.allocate(12 + 16 + 12 * used.size());
        b.putShort((short) 0).putShort((short) 1).putShort((short) 3).putShort((short) 10).putInt(12);
        b.putShort((short) 12).putShort((short) 0).putInt(16 + 12 * used.size()).putInt(0).putInt(used.size());
        used.forEach((cp, g) -> b.putInt(cp).putInt(cp).putInt(g));
        return b.array();
    }

    /**
     * The font file: the table directory (by tag), then the tables, each padded to four bytes, the glyf
     * table last (FontBox warns of a post table that ends the file).
     */
    static byte[] sfnt(Map<String, byte[]> tables) {
        int n = tables.size();
        Map<String, Integer> offsets = new TreeMap<>();
        int at = 12 + 16 * n;
        List<String> order = new ArrayList<>(tables.keySet());
        order.remove("glyf");
        order.add("glyf");
        for (String tag : order) {
            offsets.put(tag, at);
            at += (tables.get(tag).length + 3) & ~3;
        }
        ByteBuffer b = ByteBuffer.allocate(at);
        int power = Integer.highestOneBit(n);
        b.putInt(0x00010000).putShort((short) n).putShort((short) (power * 16))
                .putShort((short) Integer.numberOfTrailingZeros(power)).putShort((short) (n * 16 - power * 16));
        for (Map.Entry<String, byte[]> e : tables.entrySet()) {
            byte[] t = e.getValue();
            int offset = offsets.get(e.getKey());
            b.put(e.getKey().getBytes(StandardCharsets.US_ASCII)).putInt(checksum(t, 0, t.length)).putInt(offset)
                    .putInt(t.length);
            b.put(offset, t);
        }
        b.putInt(offsets.get("head") + 8, 0xB1B0AFBA - checksum(b.array(), 0, at));
        return b.array();
    }

    private static int checksum(byte[] data, int from, int length) {
        int sum = 0;
        for (int i = 0; i < length; i += 4) {
            int word = 0;
            for (int k = 0; k < 4; k++) {
                word = (word << 8) | (i + k < length ? data[from + i + k] & 0xff : 0);
            }
            sum += word;
        }
        return sum;
    }
}
