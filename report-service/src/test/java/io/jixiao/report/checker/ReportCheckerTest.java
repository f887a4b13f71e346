package io.jixiao.report.checker;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Our own fixture reports (an invented 区档案馆), one rule at a time, and a clean one. */
public class ReportCheckerTest {

    public static final String CLEAN = """
            2021 年度望城区档案馆整体支出绩效自评报告

            一、单位基本情况

            本馆下设办公室、征集科、利用科 3 个科室，编制数 12 人，年末实有在职在编 11 人。

            二、整体预算支出情况

            （一）基本支出情况

            本年度基本支出预算 200.00 万元，实际支出 190.00 万元，比预算节约 10.00 万元，预算完成率 95.00%。其中：工资福利 150.00 万元，对个人和家庭的补助 20.00 万元，公用经费 20.00 万元。

            （二）项目支出情况

            本年度项目支出预算 100 万元，实际支出 60 万元，另有 50 万元由财政直接支付。调整后实际项目支出为 110 万元，超预算 10 万元，预算完成率 110.00%。主要为档案数字化预算 40 万，实际 45 万元；库房改造追加 5 万元。

            三、整体支出绩效情况

            全年接收进馆档案一万余卷，数字化率明显提高。

            四、存在的问题及原因

            数字化外包管理还不够精细。

            五、下一步改进措施

            （一）加强外包项目的过程管理。

            六、其他需要说明的情况

            无

            望城区档案馆

            2022年1月20日
            """;

    static List<Finding> check(String text) {
        return ReportChecker.check(text);
    }

    static boolean has(List<Finding> findings, String rule) {
        return findings.stream().anyMatch(f -> f.rule().equals(rule));
    }

    @Test
    void aConsistentReportHasNoFindings() {
        assertEquals(List.of(), check(CLEAN));
    }

    /** A missing part is certain (FATAL); a numbering gap may be a lost line (WARNING). */
    @Test
    void aMissingSectionIsFatalAndANumberingGapAWarning() {
        List<Finding> f = check(CLEAN.replace("四、存在的问题及原因\n\n数字化外包管理还不够精细。\n", "")
                .replace("（一）加强外包项目的过程管理。", "（一）加强外包项目的过程管理。\n\n（三）完善制度。"));
        Finding missing = f.stream().filter(x -> x.rule().equals("outline.missing-section")).findFirst().orElseThrow();
        assertEquals("四", missing.section());
        assertEquals(Finding.Severity.FATAL, missing.severity());
        Finding gap = f.stream().filter(x -> x.rule().equals("numbering.gap")).findFirst().orElseThrow();
        assertEquals("（二）", gap.expected());
        assertEquals(Finding.Severity.WARNING, gap.severity());
        assertEquals("（三）完善制度。", gap.excerpt());
    }

    @Test
    void aWrongVarianceWrongPartsAndUnbalancedReasonsAreFound() {
        List<Finding> f = check(CLEAN.replace("节约 10.00 万元", "节约 10.01 万元")
                .replace("公用经费 20.00 万元", "公用经费 20.50 万元")
                .replace("库房改造追加 5 万元", "库房改造追加 6 万元"));
        Finding v = f.stream().filter(x -> x.rule().equals("variance.mismatch")).findFirst().orElseThrow();
        assertEquals("10.00 万元", v.expected());
        assertTrue(has(f, "parts.mismatch"));
        Finding r = f.stream().filter(x -> x.rule().equals("variance.explanations-mismatch")).findFirst().orElseThrow();
        assertTrue(r.message().contains("11.00"), r.message());
        assertEquals("二", r.section());
    }

    @Test
    void sumsRatesCountsAndStaffingAreChecked() {
        List<Finding> f = check(CLEAN.replace("调整后实际项目支出为 110 万元", "调整后实际项目支出为 111 万元，超预算 11 万元")
                .replace("超预算 10 万元，预算完成率 110.00%", "预算完成率 112.00%")
                .replace("3 个科室", "4 个科室")
                .replace("实有在职在编 11 人", "实有在职在编 13 人"));
        assertTrue(has(f, "sum.mismatch"), f.toString());
        assertTrue(has(f, "count.mismatch"), f.toString());
        Finding staff = f.stream().filter(x -> x.rule().equals("staff.over-authorized")).findFirst().orElseThrow();
        assertEquals(Finding.Severity.WARNING, staff.severity());
    }

    @Test
    void brokenTextIsFound() {
        List<Finding> f = check(CLEAN
                .replace("数字化率明显提高。", "数字化率明显提高，完成“智慧档")
                .replace("数字化外包管理还不够精细。", "数字化外包管理还不够精细。调整后实际项目支出为 110 万元，超预算 10 万元")
                .replace("预算完成率 110.00%", "增长率 10.00%")
                .replace("（一）加强外包项目的过程管理。", "(1) 加强外包项目的过程管理。"));
        Finding cut = f.stream().filter(x -> x.rule().equals("paragraph.cut-off") && x.section().equals("三")).findFirst()
                .orElseThrow();
        assertTrue(cut.message().contains("引号内"), cut.message());
        assertTrue(f.stream().anyMatch(x -> x.rule().equals("passage.repeated") && x.section().equals("四")), f.toString());
        assertTrue(has(f, "wording.growth-for-overspend"));
        assertTrue(has(f, "numbering.mixed"));
    }

    @Test
    void aTextWithoutOutlineIsOneClearFinding() {
        List<Finding> f = check("这是一段没有提纲的文字。");
        assertEquals("outline.unrecognised", f.get(0).rule());
        assertTrue(check("").stream().anyMatch(x -> x.rule().equals("outline.unrecognised")));
    }

    // ------------------------------------------------------------------ hostile input (issue 12)

    /** Texts that took minutes (quadratic amount regexes, pairwise repeat comparison); the guard only stops a hang. */
    @Test
    void worstCaseTextsAreCheckedInLinearTime() {
        String digits = "1".repeat(1 << 20);
        List<Finding> f = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> check(digits));
        assertEquals("outline.unrecognised", f.get(0).rule());
        String amounts = "预算" + digits + "万元，实际支出" + digits + ".5万元，超预算 1 万元。";
        assertDoesNotThrow(() -> assertTimeoutPreemptively(Duration.ofSeconds(10), () -> check(amounts)));

        StringBuilder run = new StringBuilder();
        Random random = new Random(12);
        for (int i = 0; i < 2_000_000; i++) {
            run.append((char) ('a' + random.nextInt(26)));
        }
        // the second text shares the first one's two halves, split by three foreign characters
        String shared = run + "\n" + run.substring(0, 1_000_000) + "xyz" + run.substring(1_000_000);
        List<Finding> r = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> check(shared));
        Finding repeat = r.stream().filter(x -> x.rule().equals("passage.repeated")).findFirst().orElseThrow();
        assertEquals(2, repeat.paragraph());
        assertTrue(repeat.message().contains("1000000 字"), repeat.message());
    }

    @Test
    void hugeNumbersAreNoAmountsAndNeverAnError() {
        String text = CLEAN.replace("编制数 12 人，年末实有在职在编 11 人", "编制数 99999999999 人，年末实有在职在编 99999999999 人")
                .replace("3 个科室", "99999999999 个科室")
                .replace("预算 200.00 万元", "预算 " + "9".repeat(40) + ".00 万元");
        List<Finding> f = assertDoesNotThrow(() -> check(text));
        assertTrue(f.stream().noneMatch(x -> x.tag() == Finding.Tag.ACCURACY), f.toString());
    }

    /** Past the deadline the check stops where it is instead of finishing in the background. */
    @Test
    void aCheckStopsAtItsDeadline() {
        assertThrows(CheckDeadline.TooComplex.class, () -> ReportChecker.check(CLEAN, CheckDeadline.after(Duration.ZERO)));
        StringBuilder text = new StringBuilder();
        Random random = new Random(7);
        for (int i = 0; i < 10_000_000; i++) {
            text.append(random.nextInt(40) == 0 ? '\n' : (char) ('\u4e50' + random.nextInt(500)));
        }
        String big = text.toString();
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThrows(CheckDeadline.TooComplex.class,
                () -> ReportChecker.check(big, CheckDeadline.after(Duration.ofMillis(50)))));
        assertEquals(List.of(), ReportChecker.check(CLEAN, CheckDeadline.after(Duration.ofSeconds(30))));
    }
}
