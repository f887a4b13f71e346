package io.jixiao.report.checker;

import java.util.List;

/**
 * A line of the source as the reader cut it, before it is classified: its text, its place, and its
 * cells when it is a table row ("|" or tab separated, or a row of a table drawn with "|" lines).
 */
record SourceLine(String text, int start, int end, List<Block.Cell> cells) {

    boolean isRow() {
        return cells != null;
    }
}
