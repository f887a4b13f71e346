package io.jixiao.report.checker;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.jixiao.report.checker.Amounts.Token;
import io.jixiao.report.checker.Finding.Severity;
import io.jixiao.report.checker.Finding.Tag;

/**
 * "预算 B 万元，实际 A 万元，超预算/节约/节余 V 万元，预算完成率 R%。主要为 …": V must be A − B (or
 * B − A), R must be A / B at the stated precision, and the reasons after 主要为 must add up to V.
 * The variance is the first variance term after its actual; later ones before the next actual
 * ("节余 163.53 万元，其中结转 120.00 万元、节约 43.53 万元") are its parts or reasons, not variances.
 */
final class VarianceRule implements Rule {

    private static final String NUM = Amounts.NUM;
    static final Pattern BUDGET = Pattern.compile("预算(?:数)?(?:为)?\\s*" + NUM + "\\s*万");
    static final Pattern ACTUAL = Pattern.compile("实际(?:项目)?(?:支出)?(?:为)?\\s*" + NUM + "\\s*万");
    static final Pattern ADJUSTED_ACTUAL = Pattern.compile("调整后实际(?:项目)?支出(?:为)?\\s*" + NUM + "\\s*万");
    private static final Pattern OVER = Pattern.compile("(?:超预算|超出预算|超支)\\s*" + NUM + "\\s*万");
    private static final Pattern UNDER = Pattern.compile("(?:比预算节约|节约|节余|低于预算|少于预算)\\s*" + NUM + "\\s*万");
    private static final Pattern RATE = Pattern.compile("(增幅|增长率|预算完成率|完成率|执行率)(?:为)?\\s*" + NUM + "\\s*%");
    private static final Pattern EXPLANATION_START = Pattern.compile("主要(?:原因)?(?:为|是)");
    private static final Pattern PARTS_START = Pattern.compile("其中[：:]");

    @Override
    public List<String> ids() {
        return List.of("variance.mismatch", "rate.mismatch", "variance.explanations-mismatch", "wording.growth-for-overspend");
    }

    @Override
    public void check(ReportDocument doc, Context context) {
        for (Block b : doc.blocks()) {
            if (b.isBody() && b.text().indexOf('万') >= 0) {
                context.deadline().check();
                check(b, Amounts.text(b), context);
            }
        }
    }

    private static void check(Block p, String t, Context out) {
        List<Token> budgets = Amounts.tokens(t, BUDGET, "budget");
        List<Token> actuals = new ArrayList<>(Amounts.tokens(t, ACTUAL, "actual"));
        actuals.addAll(Amounts.tokens(t, ADJUSTED_ACTUAL, "adjusted"));
        actuals.sort(Comparator.comparingInt(Token::start));
        List<Token> variances = new ArrayList<>(Amounts.tokens(t, OVER, "over"));
        variances.addAll(Amounts.tokens(t, UNDER, "under"));
        variances.sort(Comparator.comparingInt(Token::start));
        Token used = null;
        for (Token v : variances.subList(0, Math.min(variances.size(), Amounts.CANDIDATES))) {
            Token budget = budgets.stream().filter(b -> b.start() < v.start()).findFirst().orElse(null);
            Token actual = actuals.stream().filter(a -> a.end() <= v.start()).reduce((a, b) -> b).orElse(null);
            if (budget == null || actual == null || actual == used) {
                continue; // no pair to compare, or a reason of the variance already read
            }
            used = actual;
            BigDecimal expected = "over".equals(v.kind()) ? actual.value().subtract(budget.value())
                    : budget.value().subtract(actual.value());
            if (Amounts.differ(expected, v.value())) {
                out.add(Severity.FATAL, Tag.ACCURACY, "variance.mismatch", p, Amounts.around(t, v.start(), v.end()),
                        "差异金额与预算、实际不一致：" + Evidence.plain(actual.value()) + " − " + Evidence.plain(budget.value())
                                + " = " + Evidence.plain(expected.abs()) + " 万元，文中为 " + Evidence.plain(v.value()) + " 万元。",
                        Evidence.plain(expected.abs()) + " 万元");
            }
            checkRate(p, t, v, budget.value(), actual.value(), out);
            checkExplanations(p, t, v, out);
        }
    }

    /** The rate stated after a variance: its value, and 增幅/增长率 used for over-budget spending. */
    private static void checkRate(Block p, String t, Token variance, BigDecimal budget, BigDecimal actual, Context out) {
        int sentenceEnd = Amounts.indexOfAny(t, "。", variance.end());
        Matcher m = RATE.matcher(t);
        m.region(variance.end(), sentenceEnd);
        if (!m.find() || budget.signum() == 0) {
            return;
        }
        String term = m.group(1);
        BigDecimal stated = new BigDecimal(m.group(2));
        boolean growthTerm = term.startsWith("增");
        BigDecimal exact = (growthTerm ? actual.subtract(budget) : actual).multiply(BigDecimal.valueOf(100))
                .divide(budget, 10, RoundingMode.HALF_UP);
        BigDecimal expected = exact.setScale(Math.max(stated.scale(), 0), RoundingMode.HALF_UP);
        String quoted = t.substring(m.start(), m.end());
        if (expected.compareTo(stated) != 0) {
            out.add(Severity.FATAL, Tag.ACCURACY, "rate.mismatch", p, quoted, "比率与所述金额不一致：按文中金额应为 "
                    + expected.toPlainString() + "%，文中为 " + stated.toPlainString() + "%。", expected.toPlainString() + "%");
        }
        if (growthTerm && "over".equals(variance.kind())) {
            out.add(Severity.WARNING, Tag.TEXT, "wording.growth-for-overspend", p, quoted, "超预算的比例被称为“" + term
                    + "”：这是超出预算，不是增长。", "超预算比例（或预算完成率）");
        }
    }

    /** The reasons given after a variance ("主要为 …；…；") must add up to it. */
    private static void checkExplanations(Block p, String t, Token variance, Context out) {
        Matcher start = EXPLANATION_START.matcher(t);
        if (!start.find(variance.end())) {
            return;
        }
        int end = t.length();
        Matcher parts = PARTS_START.matcher(t);
        if (parts.find(start.end())) {
            end = parts.start();
        }
        BigDecimal explained = BigDecimal.ZERO;
        int counted = 0;
        for (String clause : t.substring(start.end(), end).split("[；;。]")) {
            BigDecimal c = contribution(clause);
            if (c != null) {
                explained = explained.add(c);
                counted++;
            }
        }
        BigDecimal signed = "over".equals(variance.kind()) ? variance.value() : variance.value().negate();
        if (counted > 0 && Amounts.differ(explained, signed)) {
            out.add(Severity.FATAL, Tag.ACCURACY, "variance.explanations-mismatch", p,
                    t.substring(start.start(), Math.min(end, start.start() + 60)),
                    "差异原因所列金额合计 " + Evidence.plain(explained) + " 万元，与差异 " + Evidence.plain(signed) + " 万元不一致。",
                    Evidence.plain(signed) + " 万元");
        }
    }

    /** What one reason clause says it explains: actual − budget of a pair, or an addition/cut. */
    static BigDecimal contribution(String clause) {
        List<Token> b = Amounts.tokens(clause, BUDGET, "budget");
        List<Token> a = Amounts.tokens(clause, ACTUAL, "actual");
        if (!b.isEmpty() && !a.isEmpty()) {
            return a.get(0).value().subtract(b.get(0).value());
        }
        List<Token> amounts = Amounts.tokens(clause, Amounts.WAN, "amount");
        if (amounts.isEmpty()) {
            return null;
        }
        BigDecimal amount = amounts.get(amounts.size() - 1).value();
        if (clause.contains("年初无预算") || clause.matches(".*(调增|追加|增加|新增).*")) {
            return amount;
        }
        if (clause.matches(".*(减少|调减|节约|压减).*")) {
            return amount.negate();
        }
        return null;
    }
}
