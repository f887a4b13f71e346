package io.jixiao.report.checker;

/** Chinese numerals of the outline, shared by the checker and the assembler. */
public final class ReportTextNumbers {

    private ReportTextNumbers() {
    }

    public static String chinese(int n) {
        return ReportText.chinese(n);
    }
}
