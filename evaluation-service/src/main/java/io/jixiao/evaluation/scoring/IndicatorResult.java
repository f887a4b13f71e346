package io.jixiao.evaluation.scoring;

import java.math.BigDecimal;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One computed indicator with its explanation: the formula, every input with its value and where it
 * came from, and the result (null and missing=true when an input is absent: 数据缺失).
 */
public record IndicatorResult(String code, String name, @Schema(nullable = true) String nameEn,
        @Schema(nullable = true) BigDecimal value, String unit, String formula, List<Input> inputs, boolean missing) {

    public record Input(String name, @Schema(description = "null when absent (数据缺失)", nullable = true) String value,
            String source) {
    }
}
