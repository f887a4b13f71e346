package io.jixiao.evaluation.service;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.jixiao.evaluation.scoring.Formulas;
import io.jixiao.evaluation.scoring.GoalFormulas;
import io.jixiao.evaluation.scoring.Template;
import io.jixiao.platform.rush.RushConfig;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The indicators the service computes, for the template editor: a reviewer adds one of them to a copy
 * with a rule kind the service accepts for it. Qualitative indicators (scored by hand) are not listed:
 * any code is one, and the shipped template already has them.
 */
@ApplicationScoped
public class IndicatorCatalogue {

    static final List<String> KINDS = List.of("ratio", "target", "ceiling", "bands", "qualitative");
    static final List<String> RUSH_KINDS = List.of("rush", "ratio", "target", "ceiling", "bands", "qualitative");

    /**
     * source: figures (the sheet) or goals (the goal indicators). kinds: the rule kinds the service accepts
     * for it, the first one being what the editor starts with. threshold and deductPerPoint: what a rush rule
     * that leaves them out scores with (jixiao.rush.*), null for the other indicators.
     */
    @Schema(name = "KnownIndicator")
    public record KnownIndicator(String code, String name, String nameEn, String source, List<String> kinds,
            BigDecimal threshold, BigDecimal deductPerPoint) {
    }

    private final RushConfig rush;

    public IndicatorCatalogue(RushConfig rush) {
        this.rush = rush;
    }

    public List<KnownIndicator> list() {
        // the same defaults scoring applies to a rush rule that gives none (ScoringService)
        Template.RushDefaults defaults = new Template.RushDefaults(rush.decemberShare(), rush.q4Share(), rush.deductPerPoint());
        List<KnownIndicator> out = new ArrayList<>();
        for (Formulas.Known k : Formulas.known()) {
            if (Formulas.RUSH.contains(k.code())) {
                out.add(new KnownIndicator(k.code(), k.name(), k.nameEn(), "figures", RUSH_KINDS, defaults.threshold(k.code()),
                        defaults.deductPerPoint()));
            } else {
                out.add(new KnownIndicator(k.code(), k.name(), k.nameEn(), "figures", KINDS, null, null));
            }
        }
        for (Formulas.Known k : GoalFormulas.known()) {
            out.add(new KnownIndicator(k.code(), k.name(), k.nameEn(), "goals", KINDS, null, null));
        }
        return out;
    }
}
