package io.jixiao.evaluation.config;

import java.math.BigDecimal;

import io.jixiao.evaluation.scoring.Template;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Thresholds of the year-end rush indicators (年底突击花钱), env JIXIAO_RUSH_DECEMBER_SHARE etc. They
 * apply where a template's rush rule gives none, and draw the line of the district chart. Why these
 * defaults: docs/domain.md, "Year-end rush".
 */
@ConfigMapping(prefix = "jixiao.rush")
public interface RushConfig {

    /** December's share of the year's payments above which spending counts as rushed, in %. */
    @WithDefault("15")
    BigDecimal decemberShare();

    /** The fourth quarter's share above which spending counts as rushed, in %. */
    @WithDefault("40")
    BigDecimal q4Share();

    /** Share of the points deducted per percentage point above the threshold. */
    @WithDefault("0.10")
    BigDecimal deductPerPoint();

    default Template.RushDefaults defaults() {
        return new Template.RushDefaults(decemberShare(), q4Share(), deductPerPoint());
    }
}
