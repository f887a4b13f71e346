package io.jixiao.report.checker;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import io.jixiao.report.checker.Finding.Severity;
import io.jixiao.report.checker.Finding.Tag;

/**
 * 年底突击花钱: December's or the fourth quarter's share of the year's spending above its threshold. It
 * reads the filing's structured monthly figures only, never the report's prose: a report rarely states
 * its months, and a guess from text would cost the corpus precision. So it is not one of the text rules
 * of {@link ReportChecker}; the filing's check runs it beside them. The entered 按月支付数 win over the
 * 支出明细 by month, as in evaluation-service's december-share and q4-share (docs/domain.md). WARNING: a
 * year-end peak can have a reason (a project accepted in December), which the report should give.
 */
public final class YearEndRushRule {

    public static final String ID = "spending.year-end-rush";

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** In %: jixiao.rush.december-share and q4-share, the same keys evaluation-service scores with. */
    public record Thresholds(BigDecimal decemberShare, BigDecimal q4Share) {
    }

    private YearEndRushRule() {
    }

    /** The finding, or none: below both thresholds, no complete months in either source, or no spending at all. */
    public static List<Finding> check(List<BigDecimal> monthlyPayments, List<BigDecimal> spendingByMonth, Thresholds t) {
        boolean entered = complete(monthlyPayments);
        List<BigDecimal> m = entered ? monthlyPayments : complete(spendingByMonth) ? spendingByMonth : null;
        if (m == null) {
            return List.of();
        }
        BigDecimal year = m.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (year.signum() <= 0) {
            return List.of();
        }
        BigDecimal december = m.get(11);
        BigDecimal q4 = m.get(9).add(m.get(10)).add(december);
        BigDecimal decemberShare = percent(december, year);
        BigDecimal q4Share = percent(q4, year);
        boolean decemberOver = decemberShare.compareTo(t.decemberShare()) > 0;
        boolean q4Over = q4Share.compareTo(t.q4Share()) > 0;
        if (!decemberOver && !q4Over) {
            return List.of();
        }
        String source = entered ? "按月支付数" : "支出明细（按支付日期逐月汇总）";
        String excerpt = source + "：12 月 " + yuan(december) + " 元，10–12 月 " + yuan(q4) + " 元，全年 " + yuan(year) + " 元";
        String message = "12 月支出占全年 " + decemberShare.toPlainString() + "%" + (decemberOver ? "（超过 "
                + t.decemberShare().stripTrailingZeros().toPlainString() + "%）" : "") + "，第四季度占 " + q4Share.toPlainString()
                + "%" + (q4Over ? "（超过 " + t.q4Share().stripTrailingZeros().toPlainString() + "%）" : "")
                + "：支出集中在年底，有突击花钱之嫌。";
        return List.of(new Finding(Severity.WARNING, Tag.ACCURACY, ID, "二", 0, excerpt, message,
                "支出按进度均衡，或在报告中说明年底集中支出的原因"));
    }

    private static boolean complete(List<BigDecimal> m) {
        return m != null && m.size() == 12 && !m.contains(null);
    }

    private static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        return part.multiply(HUNDRED).divide(whole, 2, RoundingMode.HALF_UP);
    }

    private static String yuan(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
