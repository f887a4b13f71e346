package io.jixiao.report.checker;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.jixiao.report.checker.Amounts.Token;
import io.jixiao.report.checker.Finding.Severity;
import io.jixiao.report.checker.Finding.Tag;

/**
 * An execution rate stated without a variance: "预算 B 万元，实际支出 A 万元，预算执行率 R%" must be
 * A / B at the stated precision, half-up. A sentence may give several budgets (年初预算, 调整后预算): the
 * rate is right if it fits any of them. Rates after a variance are VarianceRule's.
 */
final class RateRule implements Rule {

    private static final Pattern RATE = Pattern.compile("(?:预算)?(?:执行率|完成率)(?:为|达)?\\s*" + Amounts.NUM + "\\s*%");
    private static final Pattern VARIANCE = Pattern.compile("超预算|超出预算|超支|节约|节余|低于预算|少于预算");

    @Override
    public List<String> ids() {
        return List.of("rate.mismatch");
    }

    @Override
    public void check(ReportDocument doc, Context context) {
        for (Block b : doc.blocks()) {
            if (b.isBody() && b.text().indexOf('%') >= 0 && b.text().indexOf('万') >= 0) {
                context.deadline().check();
                check(b, Amounts.text(b), context);
            }
        }
    }

    private static void check(Block p, String t, Context out) {
        Matcher m = RATE.matcher(t);
        for (int n = 0; n < Amounts.CANDIDATES && m.find(); n++) {
            int sentence = Amounts.lastIndexOfAny(t, "。；;", m.start()) + 1;
            String before = t.substring(sentence, m.start());
            if (VARIANCE.matcher(before).find()) {
                continue;
            }
            List<Token> budgets = Amounts.tokens(before, VarianceRule.BUDGET, "budget");
            List<Token> actuals = Amounts.tokens(before, VarianceRule.ACTUAL, "actual");
            if (budgets.isEmpty() || actuals.isEmpty()) {
                continue;
            }
            BigDecimal actual = actuals.get(actuals.size() - 1).value();
            BigDecimal stated = new BigDecimal(m.group(1));
            BigDecimal expected = Amounts.percentMisfit(actual, budgets.stream().map(Token::value).toList(), stated);
            if (expected != null) {
                out.add(Severity.FATAL, Tag.ACCURACY, "rate.mismatch", p, t.substring(m.start(), m.end()),
                        "比率与所述金额不一致：按文中金额应为 " + expected.toPlainString() + "%，文中为 " + stated.toPlainString() + "%。",
                        expected.toPlainString() + "%");
            }
        }
    }
}
