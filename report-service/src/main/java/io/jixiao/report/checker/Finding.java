package io.jixiao.report.checker;

/**
 * One problem the checker found. Location: the section (一 … 六, or "" before the first), the
 * paragraph number in the document (1-based) and the text concerned.
 */
public record Finding(Severity severity, Tag tag, String rule, String section, int paragraph, String excerpt,
        String message, String expected) {

    public enum Severity { FATAL, WARNING }

    /** domain.md's kinds of check; TEXT covers broken or misleading wording. */
    public enum Tag { EXISTENCE, ACCURACY, COMPLETENESS, TEXT }
}
