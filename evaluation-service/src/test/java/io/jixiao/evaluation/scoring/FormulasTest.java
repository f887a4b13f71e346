package io.jixiao.evaluation.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;


/**
 * Every quantitative formula of domain.md on the demo data of budget-service: 教育局 2020 has every input,
 * the sample department (政法委) 2020 only what its report states, so its other indicators are 数据缺失.
 * Expected values worked out by hand from the figures (comments).
 */
class FormulasTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Template TEMPLATE = TemplateLoader.defaultTemplate(JSON);

    static BudgetSheet education() throws Exception {
        return JSON.readValue(EducationSheet.sheet2020("d2", 5), BudgetSheet.class);
    }

    static BudgetSheet sample() throws Exception {
        return JSON.readValue(SampleSheet.sample2020("d1", 9, 0, "6991300.00"), BudgetSheet.class);
    }

    @ParameterizedTest(name = "{0} = {1}% → {2} points")
    @CsvSource({
            // 47 / 48; ceiling 100%: full
            "staff-control-rate, 97.92, 3.00",
            // (16 − 18) / 18 万元; ceiling 0%: full
            "three-public-change-rate, -11.11, 3.00",
            // (4312 + 621 + 180) / 5497; ratio: 4 × 93.01%
            "key-spending-rate, 93.01, 3.72",
            // (998.54 + 5497) / (1026 + 5620); target 100%: 2.26 points off × 8% of 4
            "budget-completion-rate, 97.74, 3.28",
            // |−20| / 6646; bands: ≤10% → 80% of 2
            "budget-adjustment-rate, 0.30, 1.60",
            // Jan–Sep 4150 of 6315.54 paid (基本支出 998.54 + 单位支付 5317), against 75% planned; target 100%: 12.39 × 8% of 2 off
            "payment-progress-rate, 87.61, 0.02",
            // 210 / 6646; ceiling 10%: full
            "carry-over-rate, 3.16, 2.00",
            // (210 − 240) / 240; ceiling 0%: full
            "carry-over-change-rate, -12.50, 2.00",
            // 55.54 / 62
            "public-funds-control-rate, 89.58, 2.00",
            // 11.8 / 16
            "three-public-control-rate, 73.75, 4.00",
            // 873 / 950; target 100%: 8.11 × 8% of 2 off
            "procurement-execution-rate, 91.89, 0.70",
            // 17950 / 18600; ratio: 1 × 96.51%
            "fixed-asset-utilisation, 96.51, 0.97"})
    void everyFormulaIsComputedAndScoredByItsRule(String code, String value, String score) throws Exception {
        ScoreCard card = Scorer.score(TEMPLATE, education(), Map.of(), "budget.events r5");
        ScoreCard.Item item = card.items().stream().filter(i -> i.code().equals(code)).findFirst().orElseThrow();
        assertEquals(new BigDecimal(value), item.value(), code);
        assertEquals(new BigDecimal(score), item.score(), code);
        assertEquals("SCORED", item.status());
        // explained: formula, both inputs with value and source, rule with its parameters, result
        IndicatorResult calc = item.calculation();
        assertNotNull(calc.formula());
        assertEquals(2, calc.inputs().size());
        calc.inputs().forEach(in -> {
            assertNotNull(in.value(), code + " " + in.name());
            assertEquals("budget.events r5", in.source());
        });
        assertEquals(item.ruleKind(), item.rule().kind());
        assertFalse(item.ruleText().isBlank());
        assertFalse(item.explanation().isBlank());
    }

    @Test
    void theSampleGivesItsStatedRatesAndListsWhatIsMissing() throws Exception {
        BudgetSheet s = sample();
        ScoreCard card = Scorer.score(TEMPLATE, s, Map.of(), "t");
        ScoreCard.Item staff = card.items().stream().filter(i -> i.code().equals("staff-control-rate")).findFirst().orElseThrow();
        assertEquals(new BigDecimal("110.00"), staff.value());
        assertEquals("22", staff.calculation().inputs().get(0).value());
        assertEquals("20", staff.calculation().inputs().get(1).value());
        assertTrue(staff.explanation().contains("超过上限 100%"), staff.explanation());
        assertEquals(new BigDecimal("109.60"), Formulas.compute(Formulas.BASIC_COMPLETION_RATE, s, "t").value());
        // the report states neither 三公, procurement, carry-over, assets nor monthly payments
        List<String> missing = List.of("three-public-change-rate", "three-public-control-rate", "procurement-execution-rate",
                "carry-over-rate", "carry-over-change-rate", "fixed-asset-utilisation", "payment-progress-rate",
                "public-funds-control-rate");
        for (String code : missing) {
            ScoreCard.Item i = card.items().stream().filter(x -> x.code().equals(code)).findFirst().orElseThrow();
            assertEquals("MISSING", i.status(), code);
            assertNull(i.value(), code);
            assertEquals(new BigDecimal("0.00"), i.score(), code);
            assertTrue(card.missing().contains(i.name()), code);
            assertTrue(i.explanation().startsWith("数据缺失：未填报 "), i.explanation());
        }
        ScoreCard.Item publicFunds = card.items().stream().filter(x -> x.code().equals("public-funds-control-rate")).findFirst().orElseThrow();
        // the actual is known (33.81 万元), only the budget is absent: the explanation names just that
        assertEquals("数据缺失：未填报 预算公用经费（元），按 0 分计", publicFunds.explanation());
        // the 产出 rates without goals are missing too
        assertEquals("MISSING", card.items().stream().filter(x -> x.code().equals("task-completion-rate")).findFirst()
                .orElseThrow().status());
    }

    @Test
    void aZeroDenominatorIsMissingNotZeroOrHundred() throws Exception {
        String json = EducationSheet.sheet2020("d2", 5).replace("{\"budgetOrCurrent\":\"2100000.00\",\"actualOrPrevious\":\"2400000.00\"}",
                        "{\"budgetOrCurrent\":\"2100000.00\",\"actualOrPrevious\":\"0.00\"}");
        ScoreCard card = Scorer.score(TEMPLATE, JSON.readValue(json, BudgetSheet.class), Map.of(), "t");
        ScoreCard.Item change = card.items().stream().filter(x -> x.code().equals("carry-over-change-rate")).findFirst().orElseThrow();
        assertEquals("MISSING", change.status());
        assertEquals("数据缺失：分母为 0，比率无法计算，按 0 分计", change.explanation());
    }

    @Test
    void educationTotalAddsTheRuleScores() throws Exception {
        ScoreCard card = Scorer.score(TEMPLATE, education(), Map.of(), "t");
        // 3 + 3 + 3.72 + 3.28 + 1.60 + 0.02 + 2 + 2 + 2 + 4 + 0.70 + 0.97; goals and qualitative ones not entered
        assertEquals(new BigDecimal("26.29"), card.total());
        assertEquals("差", card.grade());
    }
}
