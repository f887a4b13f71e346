package io.jixiao.evaluation.rest;

import java.math.BigDecimal;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.jixiao.evaluation.service.IndicatorCatalogue;

/** An indicator the service computes, which a template may add, mirrored from the catalogue for the contract. */
@Schema(description = "An indicator the service computes: names, where its value comes from and the rule kinds it accepts")
public record KnownIndicatorResponse(@Schema(example = "december-share") String code, @Schema(example = "12月支出占比") String name,
        @Schema(nullable = true, example = "December share of the year's spending") String nameEn,
        @Schema(enumeration = { "figures", "goals" }, description = "figures: the sheet; goals: the goal indicators") String source,
        @Schema(description = "accepted rule kinds (ratio, target, ceiling, bands, rush, qualitative), the editor's starting one first")
        List<String> kinds,
        @Schema(nullable = true, description = "rush indicators: the configured default threshold (%)", example = "15")
        BigDecimal threshold,
        @Schema(nullable = true, description = "rush indicators: the configured default deduction per point", example = "0.10")
        BigDecimal deductPerPoint) {

    static KnownIndicatorResponse of(IndicatorCatalogue.KnownIndicator k) {
        return new KnownIndicatorResponse(k.code(), k.name(), k.nameEn(), k.source(), k.kinds(), k.threshold(),
                k.deductPerPoint());
    }
}
