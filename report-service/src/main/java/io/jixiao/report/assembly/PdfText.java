package io.jixiao.report.assembly;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import io.jixiao.report.assembly.PdfFonts.Face;

/**
 * Text made into units that are never broken (a Chinese character, a space, a run of Latin letters and
 * digits), each in the first face that has its glyphs, and broken into lines by the usual Chinese rules.
 */
final class PdfText {

    private static final String NO_LINE_START = "，。、；：？！）》」』】〕〉”’％%,.;:!?)]}…·";
    private static final String NO_LINE_END = "（《「『【〔〈“‘([{";

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

    private final Face body;
    private final Face heading;
    private final Face kai;
    private final Face latin;

    PdfText(Face body, Face heading, Face kai, Face latin) {
        this.body = body;
        this.heading = heading;
        this.kai = kai;
        this.latin = latin;
    }

    /** Breaks the text into units, each in the first face that has its glyphs. */
    List<Unit> units(String text, Face face, float size) throws IOException {
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

    static int glyphs(List<Unit> line) {
        int n = 0;
        for (Unit u : line) {
            n += u.text().codePointCount(0, u.text().length());
        }
        return n;
    }
}
