package io.jixiao.platform.rush;

import java.math.BigDecimal;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Thresholds of the year-end rush (年底突击花钱), env JIXIAO_RUSH_DECEMBER_SHARE etc. One mapping for
 * both readers, so one setting moves both: evaluation-service scores december-share and q4-share with
 * them where a template's rush rule gives none and draws them on the district chart; report-service's
 * filing check reports spending.year-end-rush above them. Why these defaults: docs/domain.md, "Year-end rush".
 */
@ConfigMapping(prefix = "jixiao.rush")
public interface RushConfig {

    /** December's share of the year's payments above which spending counts as rushed, in %. */
    @WithDefault("15")
    BigDecimal decemberShare();

    /** The fourth quarter's (October–December) share above which spending counts as rushed, in %. */
    @WithDefault("40")
    BigDecimal q4Share();

    /** Share of an indicator's points deducted per percentage point above its threshold (scoring only). */
    @WithDefault("0.10")
    BigDecimal deductPerPoint();
}
