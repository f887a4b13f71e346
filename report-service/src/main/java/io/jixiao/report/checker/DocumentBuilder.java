package io.jixiao.report.checker;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.jixiao.report.checker.Block.Cell;
import io.jixiao.report.checker.Block.Kind;
import io.jixiao.report.checker.Numbering.Style;

/**
 * Turns SourceLines into Blocks: the front matter (chrome, title, cover, table of contents) up to the
 * first heading or running text; then headings, list items, table rows and paragraphs. A numbered
 * line is a heading when it is a short title; a list item when it is a sentence of a list. Levels
 * follow the order in which the numbering styles first appear as headings.
 */
final class DocumentBuilder {

    /** A run of one-cell-per-line text is a table from this many lines on. */
    static final int CELL_RUN_MIN = 6;
    /** Titles remembered for recognising a repeated one; a real front matter has a handful. */
    static final int TITLES_MAX = 100;

    private DocumentBuilder() {
    }

    static List<Block> build(List<SourceLine> lines, CheckDeadline deadline) {
        List<Block> raw = new ArrayList<>(lines.size());
        boolean front = true;
        boolean toc = false;
        boolean tocPaged = false;
        List<String> tocTitles = new ArrayList<>();
        // titles seen in the front matter, to recognise a repeated title (a set: a text without any
        // heading or sentence is front matter to its end, and may have millions of lines)
        Set<String> titles = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            if ((i & 0x3FF) == 0) {
                deadline.check();
            }
            SourceLine l = lines.get(i);
            String t = l.text();
            Kind kind;
            Numbering num = null;
            if (l.isRow()) {
                kind = LineKinds.isMeta(l.cells().get(0).text()) || LineKinds.isMeta(t) ? Kind.META : Kind.TABLE_ROW;
                num = l.cells().size() == 1 ? Numbering.parse(t) : null;
                if (num != null && num.style() == Style.CHINESE && num.rest().length() <= 30) {
                    kind = Kind.HEADING; // the forms put their part titles in a one-cell row
                    front = false;
                } else {
                    num = null;
                }
            } else if (LineKinds.isMeta(t)) {
                kind = Kind.META;
            } else if (LineKinds.isTocTitle(t)) {
                kind = Kind.TOC;
                toc = true;
            } else if (toc && !tocTitles.contains(LineKinds.tocTitle(t)) && LineKinds.isTocEntry(t, tocPaged)
                    || LineKinds.isLeaderEntry(t)) {
                // the body starts where a line repeats an entry: its first heading
                kind = Kind.TOC;
                tocPaged |= LineKinds.isPagedEntry(t);
                tocTitles.add(LineKinds.tocTitle(t));
            } else {
                toc = false;
                num = Numbering.parse(t);
                if (num != null && !num.rest().isEmpty() && !(front && LineKinds.isCover(t) && num.style() != Style.CHINESE)) {
                    kind = numberedKind(num);
                    front = false;
                } else if (front && titles.contains(squeeze(t))) {
                    kind = Kind.TITLE;
                } else if (front && LineKinds.isCover(t)) {
                    kind = Kind.COVER;
                } else if (front && LineKinds.isTitleLike(t)) {
                    kind = Kind.TITLE;
                    if (titles.size() < TITLES_MAX) {
                        titles.add(squeeze(t));
                        titles.remove("");
                    }
                } else if (LineKinds.DATE.matcher(t).matches()) {
                    kind = Kind.COVER;
                } else if (!front && titles.contains(squeeze(t))) {
                    kind = Kind.TITLE;
                } else {
                    num = null;
                    kind = Kind.PARAGRAPH;
                    if (LineKinds.isProse(t) || t.endsWith("。")) {
                        front = false;
                    }
                }
            }
            List<Cell> cells = l.isRow() ? l.cells() : List.of();
            raw.add(new Block(0, kind, t, l.start(), l.end(), "", num, 0, cells));
        }
        List<Block> resolved = resolveAmbiguous(raw);
        List<Block> tables = cellRuns(mergeSingleCellRows(resolved));
        return levelsAndSections(tables);
    }

    /** Titles compared without spaces: PDF copies put spaces inside a repeated title. */
    private static String squeeze(String t) {
        // titles are short; a long line is never one (and is not copied for the comparison)
        if (t.length() > 80) {
            return "";
        }
        StringBuilder out = new StringBuilder(t.length());
        for (int i = 0; i < t.length(); i++) {
            if (!Character.isWhitespace(t.charAt(i))) {
                out.append(t.charAt(i));
            }
        }
        return out.toString();
    }

    private static final Kind AMBIGUOUS = null;

    /** HEADING, LIST_ITEM, or null for a short sentence ending in 。 (decided by its neighbours). */
    private static Kind numberedKind(Numbering n) {
        String rest = n.rest();
        if (n.style() == Style.CHINESE) {
            return rest.length() <= 40 || !TextReader.hasSentencePunctuation(rest) ? Kind.HEADING : Kind.LIST_ITEM;
        }
        String body = rest.endsWith("。") || rest.endsWith("；") || rest.endsWith(";") ? rest.substring(0, rest.length() - 1) : rest;
        if (rest.length() > 30 || TextReader.hasSentencePunctuation(body)) {
            return Kind.LIST_ITEM;
        }
        return body.length() == rest.length() ? Kind.HEADING : AMBIGUOUS;
    }

    /**
     * "（一）部门整体支出概况。" followed by its own text is a heading; "5.承担…工作。" right after 4. or
     * right before 6., or followed by the next heading, is an item of a list.
     */
    private static List<Block> resolveAmbiguous(List<Block> blocks) {
        List<Block> out = new ArrayList<>(blocks);
        for (int i = 0; i < out.size(); i++) {
            Block b = out.get(i);
            if (b.kind() != AMBIGUOUS) {
                continue;
            }
            Block next = i + 1 < out.size() ? out.get(i + 1) : null;
            Block previous = i > 0 ? out.get(i - 1) : null;
            boolean ownText = next != null && !(previous != null && adjacentSibling(previous, b)) && (next.kind() == Kind.PARAGRAPH || next.kind() == Kind.TABLE_ROW
                    || next.numbering() != null && next.numbering().style() != b.numbering().style()
                    && next.numbering().style() != Style.CHINESE && !adjacentSibling(b, next));
            out.set(i, b.withKind(ownText ? Kind.HEADING : Kind.LIST_ITEM));
        }
        return out;
    }

    private static boolean adjacentSibling(Block a, Block b) {
        return a.numbering() != null && b.numbering() != null && a.numbering().style() == b.numbering().style()
                && b.numbering().value() == a.numbering().value() + 1;
    }

    /**
     * A run of short label and value lines ("人员编制", "12", "实有人数", "13") is a table copied one
     * cell per line: one TABLE_ROW holding every cell, so rules read label and value together.
     */
    private static List<Block> cellRuns(List<Block> blocks) {
        List<Block> out = new ArrayList<>(blocks.size());
        int i = 0;
        while (i < blocks.size()) {
            int j = i;
            while (j < blocks.size() && blocks.get(j).kind() == Kind.PARAGRAPH) {
                j++;
            }
            if (j - i >= CELL_RUN_MIN && isCellRun(blocks.subList(i, j))) {
                List<Cell> cells = new ArrayList<>();
                for (Block b : blocks.subList(i, j)) {
                    cells.add(new Cell(b.text(), b.start(), b.end()));
                }
                Block first = blocks.get(i);
                Block last = blocks.get(j - 1);
                out.add(new Block(0, Kind.TABLE_ROW, String.join(" | ", cells.stream().map(Cell::text).toList()),
                        first.start(), last.end(), "", null, 0, List.copyOf(cells)));
                i = j;
            } else if (j > i) {
                out.addAll(blocks.subList(i, j));
                i = j;
            } else {
                out.add(blocks.get(i++));
            }
        }
        return out;
    }

    private static boolean isCellRun(List<Block> run) {
        int cellLike = 0;
        boolean labelValue = false;
        for (int k = 0; k < run.size(); k++) {
            String t = run.get(k).text();
            if (LineKinds.isCellLike(t)) {
                cellLike++;
                if (k + 1 < run.size() && !LineKinds.isNumericCell(t) && LineKinds.isNumericCell(run.get(k + 1).text())) {
                    labelValue = true;
                }
            }
        }
        return cellLike * 5 >= run.size() * 4 || labelValue && cellLike * 5 >= run.size() * 3;
    }

    /**
     * Consecutive one-cell rows ("项目名称 |", "青禾县林业站 |" — a form copied one cell per line, each
     * closed by "|") are one table: labels and their values end up in the same row.
     */
    private static List<Block> mergeSingleCellRows(List<Block> blocks) {
        List<Block> out = new ArrayList<>(blocks.size());
        int i = 0;
        while (i < blocks.size()) {
            int j = i;
            while (j < blocks.size() && blocks.get(j).kind() == Kind.TABLE_ROW && blocks.get(j).cells().size() == 1) {
                j++;
            }
            if (j - i >= 2) {
                List<Cell> cells = blocks.subList(i, j).stream().map(b -> b.cells().get(0)).toList();
                out.add(new Block(0, Kind.TABLE_ROW, String.join(" | ", cells.stream().map(Cell::text).toList()),
                        blocks.get(i).start(), blocks.get(j - 1).end(), "", null, 0, cells));
                i = j;
            } else {
                out.add(blocks.get(i++));
            }
        }
        return out;
    }

    /** Levels by first appearance of each heading style; the section of a block is its level-1 heading. */
    private static List<Block> levelsAndSections(List<Block> blocks) {
        Map<Style, Integer> levels = new EnumMap<>(Style.class);
        for (Block b : blocks) {
            if (b.kind() == Kind.HEADING && b.numbering() != null) {
                levels.putIfAbsent(b.numbering().style(), levels.size() + 1);
            }
        }
        // a style that is only ever a list item sits below every heading style
        int below = levels.size() + 1;
        List<Block> out = new ArrayList<>(blocks.size());
        String section = "";
        int n = 0;
        for (Block b : blocks) {
            int level = b.numbering() == null ? 0 : levels.getOrDefault(b.numbering().style(), below);
            if (b.numbering() != null && b.numbering().style() == Style.DECIMAL) {
                level += b.numbering().marker().split("[.．]").length - 2;
            }
            if (b.kind() == Kind.HEADING && level == 1) {
                section = b.numbering().style() == Style.CHINESE
                        ? b.numbering().marker().substring(0, b.numbering().marker().length() - 1)
                        : String.valueOf(b.numbering().value());
            }
            out.add(b.withLevel(level).renumbered(++n, section));
        }
        return out;
    }
}
