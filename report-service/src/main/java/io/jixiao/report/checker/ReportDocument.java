package io.jixiao.report.checker;

import java.util.List;

/**
 * A report read into blocks before any rule runs. The source is the text the blocks point into (after
 * Traditional characters of the report vocabulary were mapped to Simplified ones, character for
 * character, so offsets still hold).
 */
public final class ReportDocument {

    private final String source;
    private final List<Block> blocks;
    private final int traditional;

    private ReportDocument(String source, List<Block> blocks, int traditional) {
        this.source = source;
        this.blocks = blocks;
        this.traditional = traditional;
    }

    /** A .txt report, or the text UploadedReport made of a .docx (table rows as tab separated cells). */
    public static ReportDocument read(String text, CheckDeadline deadline) {
        String normalised = Simplified.normalise(text);
        int traditional = Simplified.countChanged(text, normalised);
        List<Block> blocks = DocumentBuilder.build(TextReader.read(normalised, deadline), deadline);
        return new ReportDocument(normalised, blocks, traditional);
    }

    public static ReportDocument read(String text) {
        return read(text, CheckDeadline.none());
    }

    public String source() {
        return source;
    }

    public List<Block> blocks() {
        return blocks;
    }

    /** How many characters were Traditional forms mapped to Simplified. */
    public int traditionalCharacters() {
        return traditional;
    }

    /** The block with this number (1-based), or null. */
    public Block block(int number) {
        return number >= 1 && number <= blocks.size() ? blocks.get(number - 1) : null;
    }
}
