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
 * Parts and totals in running text (FATAL when they do not add up):
 * <ul>
 * <li>"T 万元，其中：a 万元，b 万元，c 万元。" The parts are every amount up to the end of the sentence,
 * provided the sentence is a plain list (no 同比/增加/占 … comparisons inside it). The total is an
 * amount stated before 其中 in the same or the previous sentence: the list is consistent when it adds
 * up to one of them (a breakdown of 节余 as well as of 实际支出); otherwise it is reported against the
 * one nearest to the sum, FATAL when the gap is a slip (at most a tenth of the total), WARNING when
 * it is larger (the list may name only some parts).</li>
 * <li>"实际 A 万元 … B 万元由财政直接支付 … 调整后实际支出为 C 万元": A + B must make C.</li>
 * <li>Headcounts: "N 人（a 人、b 人、c 人）" and "N 人，其中 a 人、b 人" (parts joined by 、).</li>
 * </ul>
 */
final class PartsRule implements Rule {

    private static final Pattern PARTS_START = Pattern.compile("其中[：:，,]?");
    /** A sentence that compares instead of listing: its amounts are not parts. */
    private static final Pattern NOT_A_LIST = Pattern.compile("同比|增加|减少|增长|下降|较上年|比上年|占|上年|其中.*其中");
    /** Parts more than a tenth away from their total may list only some of them: WARNING, not FATAL. */
    private static final BigDecimal PARTIAL_LIST_GAP = BigDecimal.TEN;
    private static final Pattern DIRECT = Pattern.compile(Amounts.NUM + "\\s*万元?由财政直接");
    private static final Pattern PERSONS = Pattern.compile(Amounts.NUM + "\\s*(?:人|名)");
    private static final Pattern PERSONS_PAREN = Pattern.compile(Amounts.NUM + "\\s*(?:人|名)[（(]([^（()）]{1,200})[）)]");
    private static final Pattern PERSONS_LIST = Pattern.compile(Amounts.NUM + "\\s*(?:人|名)[，,]\\s*其中[：:，,]?([^。；;，,]{1,200})");

    @Override
    public List<String> ids() {
        return List.of("parts.mismatch", "sum.mismatch");
    }

    @Override
    public void check(ReportDocument doc, Context context) {
        for (Block b : doc.blocks()) {
            if (!b.isBody()) {
                continue;
            }
            context.deadline().check();
            String t = Amounts.text(b);
            if (t.indexOf('万') >= 0) {
                moneyParts(b, t, context);
                directSum(b, t, context);
            }
            if (t.indexOf('人') >= 0 || t.indexOf('名') >= 0) {
                personParts(b, t, context);
            }
        }
    }

    private static void moneyParts(Block p, String t, Context out) {
        Matcher parts = PARTS_START.matcher(t);
        for (int n = 0; n < Amounts.CANDIDATES && parts.find(); n++) {
            int end = Amounts.indexOfAny(t, "。", parts.end());
            String list = t.substring(parts.end(), end);
            List<Token> amounts = outsideParentheses(list, Amounts.tokens(list, Amounts.WAN, "part"));
            if (amounts.size() < 2 || NOT_A_LIST.matcher(list).find()) {
                continue;
            }
            // the total: an amount of this sentence or the previous one, before 其中
            int sentenceStart = Amounts.lastIndexOfAny(t, "。", parts.start()) + 1;
            int from = Math.max(0, Amounts.lastIndexOfAny(t, "。", sentenceStart - 1) + 1);
            String before = t.substring(sentenceStart == 0 ? 0 : parts.start() == sentenceStart ? from : sentenceStart,
                    parts.start());
            List<Token> totals = Amounts.tokens(before, Amounts.WAN, "total");
            if (totals.isEmpty()) {
                continue;
            }
            BigDecimal sum = amounts.stream().map(Token::value).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (totals.stream().anyMatch(x -> !Amounts.differ(x.value(), sum))) {
                continue;
            }
            // the total the parts were written for: the stated amount nearest to their sum
            Token total = totals.stream().min((x, y) -> x.value().subtract(sum).abs().compareTo(y.value().subtract(sum).abs()))
                    .orElseThrow();
            BigDecimal gap = total.value().subtract(sum).abs();
            // a small gap is a slip in the figures; a large one may be a list of only some parts
            boolean slip = gap.multiply(PARTIAL_LIST_GAP).compareTo(total.value()) <= 0;
            out.add(slip ? Severity.FATAL : Severity.WARNING, Tag.ACCURACY, "parts.mismatch", p,
                    t.substring(sentenceStart, Math.min(t.length(), end + 1)), "分项与合计不一致：分项之和 " + Evidence.plain(sum)
                            + " 万元，合计为 " + Evidence.plain(total.value()) + " 万元（相差 " + Evidence.plain(gap) + " 万元）"
                            + (slip ? "。" : "；差额较大，如只列出部分分项请注明“主要包括”。"),
                    "分项之和等于合计 " + Evidence.plain(total.value()));
        }
    }

    /** Amounts inside parentheses are details of a part ("A 100 万元（含 B 20 万元）"), not parts. */
    private static List<Token> outsideParentheses(String s, List<Token> tokens) {
        List<Token> out = new ArrayList<>();
        for (Token x : tokens) {
            int depth = 0;
            for (int i = 0; i < x.start(); i++) {
                char c = s.charAt(i);
                depth += c == '（' || c == '(' ? 1 : c == '）' || c == ')' ? -1 : 0;
            }
            if (depth <= 0) {
                out.add(x);
            }
        }
        return out;
    }

    private static void directSum(Block p, String t, Context out) {
        List<Token> direct = Amounts.tokens(t, DIRECT, "direct");
        List<Token> adjusted = Amounts.tokens(t, VarianceRule.ADJUSTED_ACTUAL, "adjusted");
        if (direct.isEmpty() || adjusted.isEmpty()) {
            return;
        }
        Token first = Amounts.tokens(t, VarianceRule.ACTUAL, "actual").stream()
                .filter(a -> a.start() < direct.get(0).start()).findFirst().orElse(null);
        if (first == null) {
            return;
        }
        BigDecimal sum = first.value().add(direct.get(0).value());
        Token total = adjusted.get(0);
        if (Amounts.differ(sum, total.value())) {
            out.add(Severity.FATAL, Tag.ACCURACY, "sum.mismatch", p, Amounts.around(t, total.start(), total.end()),
                    "分项与合计不一致：" + Evidence.plain(first.value()) + " + " + Evidence.plain(direct.get(0).value()) + " = "
                            + Evidence.plain(sum) + " 万元，文中合计为 " + Evidence.plain(total.value()) + " 万元。",
                    Evidence.plain(sum) + " 万元");
        }
    }

    /** "187人(在职在编139人、退休人员8人、协管员40人)" and "编制45人,其中,行政编制37人、工勤编制8人". */
    private static void personParts(Block p, String t, Context out) {
        for (Pattern pattern : List.of(PERSONS_PAREN, PERSONS_LIST)) {
            Matcher m = pattern.matcher(t);
            for (int n = 0; n < Amounts.CANDIDATES && m.find(); n++) {
                String inside = m.group(2);
                String[] items = inside.split("、");
                if (items.length < 2) {
                    continue;
                }
                BigDecimal sum = BigDecimal.ZERO;
                boolean plain = true;
                for (String item : items) {
                    List<Token> count = Amounts.tokens(item, PERSONS, "n");
                    plain &= count.size() == 1 && item.trim().endsWith(item.substring(count.get(0).start()).trim());
                    if (!plain) {
                        break;
                    }
                    sum = sum.add(count.get(0).value());
                }
                BigDecimal total = new BigDecimal(m.group(1));
                if (plain && sum.compareTo(total) != 0) {
                    out.add(Severity.FATAL, Tag.ACCURACY, "parts.mismatch", p, m.group(), "分项人数与合计不一致：分项之和 "
                            + sum.toPlainString() + " 人，合计为 " + total.toPlainString() + " 人。", "分项之和等于合计 " + total.toPlainString() + " 人");
                }
            }
        }
    }
}
