package io.jixiao.report.checker;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs the checker on a report file and prints its findings. With --expect-sample it also checks
 * that every defect domain.md lists for sample-report-2020.txt is found and that none of its correct
 * figures is flagged (used by .ci/run; the README's tests do not need the file).
 *
 * <pre>java -cp report-service/target/classes io.jixiao.report.checker.SampleCheck [--expect-sample] FILE</pre>
 */
public final class SampleCheck {

    /** rule + a piece of its message that pins the defect. */
    record Expected(String rule, String section, String contains) {
    }

    static final List<Expected> SAMPLE_DEFECTS = List.of(
            new Expected("outline.missing-section", "四", "存在的问题及原因"),
            new Expected("passage.repeated", "三", "年初无预算"),
            new Expected("paragraph.cut-off", "五", "实"),
            new Expected("numbering.gap", "五", "缺少（二）"),
            new Expected("variance.mismatch", "二", "61.25"),
            new Expected("parts.mismatch", "二", "699.12"),
            new Expected("variance.explanations-mismatch", "二", "77.41"),
            new Expected("staff.over-authorized", "一", "超编 2 人"));

    private SampleCheck() {
    }

    public static void main(String[] args) throws Exception {
        boolean expectSample = args.length == 2 && args[0].equals("--expect-sample");
        Path file = Path.of(args[args.length - 1]);
        List<Finding> findings = ReportChecker.check(Files.readString(file, StandardCharsets.UTF_8));
        for (Finding f : findings) {
            System.out.printf("%-7s %-12s %-32s %s 第%d段  %s  [应为: %s]%n", f.severity(), f.tag(), f.rule(),
                    f.section().isEmpty() ? "-" : f.section(), f.paragraph(), f.message(), f.expected());
        }
        if (!expectSample) {
            return;
        }
        int failures = 0;
        for (Expected e : SAMPLE_DEFECTS) {
            boolean found = findings.stream().anyMatch(f -> f.rule().equals(e.rule()) && f.section().equals(e.section())
                    && (f.message() + f.expected() + f.excerpt()).contains(e.contains()));
            System.out.println((found ? "FOUND    " : "MISSING  ") + e.rule() + " in " + e.section() + " (" + e.contains() + ")");
            failures += found ? 0 : 1;
        }
        // its correct figures (455.41 + 776 = 1231.41, 77.41, 6.71%, 9.6%, 5 科室) must raise nothing
        for (Finding f : findings) {
            if (List.of("sum.mismatch", "rate.mismatch", "count.mismatch").contains(f.rule())) {
                System.out.println("FALSE ALARM " + f);
                failures++;
            }
        }
        long accuracy = findings.stream().filter(f -> f.tag() == Finding.Tag.ACCURACY).count();
        if (accuracy != 4) {
            System.out.println("UNEXPECTED accuracy findings: " + accuracy + " (expected exactly the 4 listed)");
            failures++;
        }
        System.out.println(failures == 0 ? "sample-check: " + SAMPLE_DEFECTS.size() + " passed, 0 failed"
                : "sample-check: " + (SAMPLE_DEFECTS.size() - Math.min(failures, SAMPLE_DEFECTS.size())) + " passed, " + failures + " failed");
        System.exit(failures == 0 ? 0 : 1);
    }
}
