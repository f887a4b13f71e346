package io.jixiao.report.service;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * 复核 deviations and the 自评偏差较大 flag. An indicator's tier (档) is the width of one band of the
 * qualitative scoring in docs/domain.md (good 80–100 %, fair 60–80 %): 20 % of its points. A department is
 * flagged when |self total − re-review total| exceeds the threshold (jixiao.report.review.deviation-threshold,
 * default 10 points) or any indicator's |self − re-review| exceeds its tier.
 */
public final class ReReviewRules {

    static final BigDecimal TIER_SHARE = new BigDecimal("0.20");

    private ReReviewRules() {
    }

    public static BigDecimal tier(BigDecimal points) {
        return points.multiply(TIER_SHARE).setScale(2, RoundingMode.HALF_UP);
    }

    /** self − re-review, 2 decimals (positive: the department scored itself higher). */
    public static BigDecimal deviation(BigDecimal self, BigDecimal review) {
        return self.subtract(review).setScale(2, RoundingMode.HALF_UP);
    }

    public static boolean indicatorFlagged(BigDecimal deviation, BigDecimal points) {
        return deviation.abs().compareTo(tier(points)) > 0;
    }

    public static boolean totalFlagged(BigDecimal deviation, BigDecimal threshold) {
        return deviation.abs().compareTo(threshold) > 0;
    }
}
