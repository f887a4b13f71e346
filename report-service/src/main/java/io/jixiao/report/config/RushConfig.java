package io.jixiao.report.config;

import java.math.BigDecimal;

import io.jixiao.report.checker.YearEndRushRule;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The year-end rush thresholds of the filing check (年底突击花钱, in %). Same keys and defaults as
 * evaluation-service's (env JIXIAO_RUSH_DECEMBER_SHARE, JIXIAO_RUSH_Q4_SHARE), so one setting moves
 * both the score and the finding. Why these defaults: docs/domain.md, "Year-end rush".
 */
@ConfigMapping(prefix = "jixiao.rush")
public interface RushConfig {

    @WithDefault("15")
    BigDecimal decemberShare();

    @WithDefault("40")
    BigDecimal q4Share();

    default YearEndRushRule.Thresholds thresholds() {
        return new YearEndRushRule.Thresholds(decemberShare(), q4Share());
    }
}
