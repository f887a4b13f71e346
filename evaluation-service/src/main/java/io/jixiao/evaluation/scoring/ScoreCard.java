package io.jixiao.evaluation.scoring;

import java.math.BigDecimal;
import java.util.List;

import io.jixiao.evaluation.service.IndicatorResult;

/** The scored template of one department-year: every indicator, its score and why, the total and grade. */
public record ScoreCard(String templateCode, BigDecimal total, String grade, BigDecimal maxPoints,
        List<Item> items, List<String> missing) {

    /**
     * @param status SCORED, SELF_SCORED, MISSING (数据缺失: scored 0) or PENDING_SELF_SCORE (qualitative,
     *               not yet self-scored: scored 0)
     */
    /**
     * score: by the rule or the self-score; adjustedScore and adjustment: the finance bureau's, when it
     * adjusted it (the total then counts the adjusted score).
     */
    public record Item(String level1, String level2, String code, String name, BigDecimal points, String ruleKind,
            String ruleText, BigDecimal value, BigDecimal score, String status, String explanation,
            IndicatorResult calculation, BigDecimal adjustedScore, String adjustment) {

        public BigDecimal finalScore() {
            return adjustedScore != null ? adjustedScore : score;
        }

        Item adjusted(BigDecimal adjustedScore, String adjustment) {
            return new Item(level1, level2, code, name, points, ruleKind, ruleText, value, score, status, explanation,
                    calculation, adjustedScore, adjustment);
        }
    }
}
