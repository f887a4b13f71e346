package io.jixiao.report.checker;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.jixiao.report.checker.Amounts.Token;
import io.jixiao.report.checker.Finding.Severity;
import io.jixiao.report.checker.Finding.Tag;

/**
 * A stated share of a total: "工资福利 349.62 万元，占基本支出的 89.28%" must be part / total at the
 * precision the text states, rounded half-up (349.62 / 391.57 = 89.29%). The total is the amount of
 * the named whole in the same paragraph, or, without a name, the total of the 其中 list the share
 * sits in. No total found: nothing is said (FATAL only when the arithmetic is certain).
 */
final class ShareRule implements Rule {

    private static final Pattern SHARE = Pattern.compile(
            "占(?:([\\u4e00-\\u9fa5]{2,12}?)(?:的)?)?(?:比(?:例|重))?(?:为|达)?\\s*" + Amounts.NUM + "\\s*%");
    private static final Pattern PARTS_START = Pattern.compile("其中[：:，,]?");

    @Override
    public List<String> ids() {
        return List.of("share.mismatch");
    }

    @Override
    public void check(ReportDocument doc, Context context) {
        for (Block b : doc.blocks()) {
            if (b.isBody() && b.text().indexOf('占') >= 0 && b.text().indexOf('%') >= 0) {
                context.deadline().check();
                check(b, Amounts.text(b), context);
            }
        }
    }

    private static void check(Block p, String t, Context out) {
        Matcher m = SHARE.matcher(t);
        for (int n = 0; n < Amounts.CANDIDATES && m.find(); n++) {
            int sentence = Amounts.lastIndexOfAny(t, "。", m.start()) + 1;
            List<Token> before = Amounts.tokens(t.substring(sentence, m.start()), Amounts.WAN, "part");
            if (before.isEmpty()) {
                continue;
            }
            BigDecimal part = before.get(before.size() - 1).value();
            BigDecimal total = total(t, m.group(1), m.start());
            if (total == null || total.signum() == 0) {
                continue;
            }
            BigDecimal stated = new BigDecimal(m.group(2));
            BigDecimal expected = part.multiply(BigDecimal.valueOf(100)).divide(total, Math.max(stated.scale(), 0),
                    RoundingMode.HALF_UP);
            if (expected.compareTo(stated) != 0) {
                out.add(Severity.FATAL, Tag.ACCURACY, "share.mismatch", p, t.substring(Math.max(sentence, m.start() - 24), m.end()),
                        "占比与所述金额不一致：" + Evidence.plain(part) + " ÷ " + Evidence.plain(total) + " = " + expected.toPlainString()
                                + "%，文中为 " + stated.toPlainString() + "%。", expected.toPlainString() + "%");
            }
        }
    }

    /** The named whole's amount ("基本支出 391.57 万元"), or the total before the enclosing 其中. */
    private static BigDecimal total(String t, String whole, int shareAt) {
        if (whole != null && !whole.isBlank()) {
            Matcher named = Pattern.compile(Pattern.quote(whole) + "(?:总额|合计|共计|为|支出)?\\s*(?:为|共)?\\s*" + Amounts.NUM
                    + "\\s*万").matcher(t);
            return named.find() && named.start() < shareAt ? new BigDecimal(named.group(1)) : null;
        }
        int sentence = Amounts.lastIndexOfAny(t, "。", shareAt) + 1;
        Matcher parts = PARTS_START.matcher(t);
        parts.region(sentence, shareAt);
        if (!parts.find()) {
            return null;
        }
        List<Token> totals = Amounts.tokens(t.substring(sentence, parts.start()), Amounts.WAN, "total");
        return totals.isEmpty() ? null : totals.get(totals.size() - 1).value();
    }
}
