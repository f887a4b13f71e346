package io.jixiao.report.checker;

import java.util.List;

/**
 * One unit of a report as the rules see it, with its place in the source text (start inclusive, end
 * exclusive) so a finding can quote exactly what it is about. number is 1-based in document order
 * (Finding.paragraph). section is the marker of the level-1 heading above it ("" before the first).
 */
public record Block(int number, Kind kind, String text, int start, int end, String section, Numbering numbering,
        int level, List<Cell> cells) {

    public enum Kind {
        /** web-page chrome kept by a copy (来源, 浏览量, 当前位置 …) and file names */
        META,
        /** the report's title, possibly over several lines, and repeated titles */
        TITLE,
        /** cover fields (评价年度:2024, 报告日期 …), check-boxes, "prepared by" lines, the cover date */
        COVER,
        /** an entry of the table of contents, or its "目录" line */
        TOC,
        HEADING,
        /** a numbered item that is a whole sentence (5.承担…工作。), not a title */
        LIST_ITEM,
        /** a table row: DOCX cells, a "|" or tab separated line, or a run of one-cell-per-line text */
        TABLE_ROW,
        PARAGRAPH
    }

    /** One table cell with its place in the source. */
    public record Cell(String text, int start, int end) {
    }

    /** Body text the sentence rules read: paragraphs and list items. */
    public boolean isBody() {
        return kind == Kind.PARAGRAPH || kind == Kind.LIST_ITEM;
    }

    Block withLevel(int newLevel) {
        return new Block(number, kind, text, start, end, section, numbering, newLevel, cells);
    }

    Block withKind(Kind newKind) {
        return new Block(number, newKind, text, start, end, section, numbering, level, cells);
    }

    Block renumbered(int newNumber, String newSection) {
        return new Block(newNumber, kind, text, start, end, newSection, numbering, level, cells);
    }
}
