package io.jixiao.report.checker;

import java.math.BigDecimal;
import java.util.ArrayList;
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
    /** "工资福利占…": the item named right before 占, its amount stated earlier. */
    private static final Pattern LABEL_BEFORE = Pattern.compile("([\\u4e00-\\u9fa5]{2,8})$");

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
            BigDecimal part = part(t, m.start());
            List<BigDecimal> totals = totals(t, m.group(1), m.start());
            if (part == null || totals.isEmpty()) {
                continue;
            }
            BigDecimal stated = new BigDecimal(m.group(2));
            // the whole may be stated twice (预算 and 实际): the share is right if it fits either
            BigDecimal expected = Amounts.percentMisfit(part, totals, stated);
            if (expected != null) {
                int sentence = Amounts.lastIndexOfAny(t, "。", m.start()) + 1;
                out.add(Severity.FATAL, Tag.ACCURACY, "share.mismatch", p, t.substring(Math.max(sentence, m.start() - 24), m.end()),
                        "占比与所述金额不一致：" + Evidence.plain(part) + " ÷ " + Evidence.plain(totals.get(0)) + " = "
                                + expected.toPlainString() + "%，文中为 " + stated.toPlainString() + "%。", expected.toPlainString() + "%");
            }
        }
    }

    /** The part: the last amount before 占 in its sentence, or the amount of the item named right before 占. */
    private static BigDecimal part(String t, int shareAt) {
        int sentence = Amounts.lastIndexOfAny(t, "。", shareAt) + 1;
        List<Token> before = Amounts.tokens(t.substring(sentence, shareAt), Amounts.WAN, "part");
        if (!before.isEmpty()) {
            return before.get(before.size() - 1).value();
        }
        Matcher label = LABEL_BEFORE.matcher(t.substring(sentence, shareAt));
        if (!label.find()) {
            return null;
        }
        // the amount right after the item's last mention ("工资福利 349.62 万元")
        String earlier = t.substring(0, sentence);
        int at = earlier.lastIndexOf(label.group(1));
        if (at < 0) {
            return null;
        }
        String after = earlier.substring(at + label.group(1).length());
        List<Token> amounts = Amounts.tokens(after.substring(0, Math.min(after.length(), 30)), Amounts.WAN, "part");
        return amounts.isEmpty() || amounts.get(0).start() > 8 ? null : amounts.get(0).value();
    }

    /** The named whole's amounts ("基本支出预算 391.57 万元"), or the total before the enclosing 其中. */
    private static List<BigDecimal> totals(String t, String whole, int shareAt) {
        List<BigDecimal> out = new ArrayList<>();
        if (whole != null && !whole.isBlank()) {
            out.addAll(amountsAfter(t.substring(0, shareAt), whole));
        } else {
            int sentence = Amounts.lastIndexOfAny(t, "。", shareAt) + 1;
            Matcher parts = PARTS_START.matcher(t);
            parts.region(sentence, shareAt);
            if (parts.find()) {
                // "…实际支出 T 万元。其中：…": a list opening its sentence belongs to the sentence before
                int from = parts.start() > sentence ? sentence : Amounts.lastIndexOfAny(t, "。", sentence - 1) + 1;
                Amounts.tokens(t.substring(from, parts.start()), Amounts.WAN, "total").forEach(x -> out.add(x.value()));
            }
        }
        out.removeIf(x -> x.signum() == 0);
        return out;
    }

    /**
     * The amounts stated for a name: every amount from each mention to the end of its sentence (the
     * whole may be given as 年初预算, 调整后预算 and 实际 in one sentence).
     */
    private static List<BigDecimal> amountsAfter(String t, String name) {
        List<BigDecimal> out = new ArrayList<>();
        for (int at = t.indexOf(name); at >= 0 && out.size() < Amounts.CANDIDATES; at = t.indexOf(name, at + 1)) {
            int end = Amounts.indexOfAny(t, "。", at);
            Amounts.tokens(t.substring(at + name.length(), end), Amounts.WAN, "whole").forEach(x -> out.add(x.value()));
        }
        return out;
    }
}
