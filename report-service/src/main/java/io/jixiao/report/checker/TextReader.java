package io.jixiao.report.checker;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts a report's text into SourceLines. Besides plain lines it undoes three ways real reports reach
 * us as text: a table drawn with lines of "|" (each cell on its own line, "|" between cells and a run
 * of "||||" between rows); a whole PDF or DOCX flattened into one line (split again before each
 * outline number that follows a space or a sentence end); a bare number on its own line ("2." then
 * "人员编制"), joined to the line it numbers.
 */
final class TextReader {

    /** A line longer than this with several outline numbers inside is a flattened document. */
    static final int FLATTENED_MIN = 300;
    /**
     * In a flattened document a numbered title is followed by a space; a PDF line wrap also leaves a
     * space, but after a full line (25 characters or more), so only a shorter run counts as a title.
     */
    static final int TITLE_MAX = 18;
    private static final Pattern SEPARATOR = Pattern.compile("^[|\\s]+$");
    private static final Pattern MARKER_INSIDE = Pattern.compile(
            "(?<=[\\s。；;：:！？])(?=(?:[一二三四五六七八九十]{1,2}、|[（(][一二三四五六七八九十]{1,2}[）)]|\\d{1,2}、(?!\\d)|[\u2460-\u2473])\\S)");
    /** The flattened title ends at the report word followed by a space: "… 绩效自评报告 根据…". */
    private static final Pattern FLAT_TITLE = Pattern.compile("^[^。，,；;：:]{4,60}?(?:报告|自评表)(?=\\s)");
    private static final Pattern BARE_NUMBER = Pattern.compile(
            "^(?:[一二三四五六七八九十]{1,2}、|[（(][一二三四五六七八九十\\d]{1,2}[）)]|\\d{1,2}[、.．]|[\u2460-\u2473])$");

    private TextReader() {
    }

    static List<SourceLine> read(String text, CheckDeadline deadline) {
        List<SourceLine> out = new ArrayList<>();
        PipeTable pipe = null;
        int lineStart = 0;
        int n = 0;
        while (lineStart <= text.length()) {
            if ((++n & 0x3FF) == 0) {
                deadline.check();
            }
            int nl = text.indexOf('\n', lineStart);
            int lineEnd = nl < 0 ? text.length() : nl;
            int s = lineStart;
            int e = lineEnd;
            while (s < e && Character.isWhitespace(text.charAt(s))) {
                s++;
            }
            while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
                e--;
            }
            lineStart = lineEnd + 1;
            if (s == e) {
                if (pipe != null) {
                    pipe.flush(out);
                    pipe = null;
                }
                continue;
            }
            String line = text.substring(s, e);
            if (SEPARATOR.matcher(line).matches()) {
                if (pipe == null) {
                    pipe = new PipeTable();
                }
                pipe.separator(line.chars().filter(c -> c == '|').count(), out);
                continue;
            }
            if (pipe != null && line.indexOf('|') < 0) {
                pipe.add(text, s, e);
                continue;
            }
            if (pipe != null) {
                // a line with its own "|": the drawn table has ended, this is a row of its own
                pipe.flush(out);
                pipe = null;
            }
            List<Block.Cell> cells = cells(text, s, e);
            if (cells != null) {
                out.add(new SourceLine(line, s, e, cells));
            } else if (line.length() > FLATTENED_MIN && line.indexOf(' ') >= 0 && countMarkers(line) >= 2) {
                unflatten(text, s, e, out);
            } else {
                out.add(new SourceLine(line, s, e, null));
            }
        }
        if (pipe != null) {
            pipe.flush(out);
        }
        return joinBareNumbers(out);
    }

    /** Cells of a "a | b | c" or tab separated line; null when the line is no table row. */
    static List<Block.Cell> cells(String text, int s, int e) {
        char sep = 0;
        for (int i = s; i < e; i++) {
            char c = text.charAt(i);
            if (c == '|' || c == '\t') {
                sep = c;
                break;
            }
        }
        if (sep == 0) {
            return null;
        }
        List<Block.Cell> cells = new ArrayList<>();
        int from = s;
        for (int i = s; i <= e; i++) {
            if (i == e || text.charAt(i) == sep) {
                int a = from;
                int b = i;
                while (a < b && Character.isWhitespace(text.charAt(a))) {
                    a++;
                }
                while (b > a && Character.isWhitespace(text.charAt(b - 1))) {
                    b--;
                }
                if (a < b) {
                    cells.add(new Block.Cell(text.substring(a, b), a, b));
                }
                from = i + 1;
            }
        }
        return cells.isEmpty() ? null : cells;
    }

    private static int countMarkers(String line) {
        Matcher m = MARKER_INSIDE.matcher(line);
        int count = 0;
        while (count < 2 && m.find()) {
            count++;
        }
        return count;
    }

    /** One flattened line back into lines: the title, then one line per outline number. */
    private static void unflatten(String text, int s, int e, List<SourceLine> out) {
        String line = text.substring(s, e);
        List<Integer> cuts = new ArrayList<>();
        cuts.add(0);
        Matcher title = FLAT_TITLE.matcher(line);
        if (title.find() && title.end() < line.length()) {
            cuts.add(title.end());
        }
        Matcher m = MARKER_INSIDE.matcher(line);
        while (m.find()) {
            if (m.start() > cuts.get(cuts.size() - 1)) {
                cuts.add(m.start());
            }
        }
        cuts.add(line.length());
        for (int i = 0; i + 1 < cuts.size(); i++) {
            int a = s + cuts.get(i);
            int b = s + cuts.get(i + 1);
            while (a < b && Character.isWhitespace(text.charAt(a))) {
                a++;
            }
            while (b > a && Character.isWhitespace(text.charAt(b - 1))) {
                b--;
            }
            if (a >= b) {
                continue;
            }
            // "（一）部门职能 我局负责…": a short title before the first space is its own line
            String part = text.substring(a, b);
            Numbering num = Numbering.parse(part);
            int space = part.indexOf(' ');
            if (num != null && space > 0 && space <= TITLE_MAX && !hasSentencePunctuation(part.substring(0, space))) {
                out.add(new SourceLine(part.substring(0, space), a, a + space, null));
                int body = a + space;
                while (body < b && Character.isWhitespace(text.charAt(body))) {
                    body++;
                }
                out.add(new SourceLine(text.substring(body, b), body, b, null));
            } else {
                out.add(new SourceLine(part, a, b, null));
            }
        }
    }

    static boolean hasSentencePunctuation(String s) {
        return hasSentencePunctuation(s, s.length());
    }

    /** Clause or sentence punctuation among the first {@code end} characters. */
    static boolean hasSentencePunctuation(String s, int end) {
        for (int i = 0; i < end; i++) {
            if ("。，,；;！？!?".indexOf(s.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** "2." alone, then "人员编制": one line "2.人员编制" spanning both. */
    private static List<SourceLine> joinBareNumbers(List<SourceLine> lines) {
        List<SourceLine> out = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            SourceLine l = lines.get(i);
            if (!l.isRow() && i + 1 < lines.size() && !lines.get(i + 1).isRow() && BARE_NUMBER.matcher(l.text()).matches()) {
                SourceLine next = lines.get(i + 1);
                out.add(new SourceLine(l.text() + next.text(), l.start(), next.end(), null));
                i++;
            } else {
                out.add(l);
            }
        }
        return out;
    }

    /** A table drawn with "|" lines: one "|" ends a cell, a run of them ends the row. */
    private static final class PipeTable {
        private final List<Block.Cell> row = new ArrayList<>();
        private int cellStart = -1;
        private int cellEnd;
        private final StringBuilder cell = new StringBuilder();

        void add(String text, int s, int e) {
            if (cellStart < 0) {
                cellStart = s;
            } else {
                cell.append('\n');
            }
            cell.append(text, s, e);
            cellEnd = e;
        }

        void separator(long pipes, List<SourceLine> out) {
            endCell();
            if (pipes > 1) {
                flush(out);
            }
        }

        private void endCell() {
            if (cellStart >= 0) {
                row.add(new Block.Cell(cell.toString(), cellStart, cellEnd));
                cell.setLength(0);
                cellStart = -1;
            }
        }

        void flush(List<SourceLine> out) {
            endCell();
            if (!row.isEmpty()) {
                Block.Cell first = row.get(0);
                Block.Cell last = row.get(row.size() - 1);
                String joined = String.join(" | ", row.stream().map(Block.Cell::text).toList());
                out.add(new SourceLine(joined, first.start(), last.end(), List.copyOf(row)));
                row.clear();
            }
        }
    }
}
