package io.jixiao.evaluation.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;


class ScorerTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Template TEMPLATE = TemplateLoader.defaultTemplate(JSON);

    static BudgetSheet sample() throws Exception {
        return JSON.readValue(SampleSheet.sample2020("d1", 9, 0, "6991300.00"), BudgetSheet.class);
    }

    static ScoreCard.Item item(ScoreCard card, String code) {
        return card.items().stream().filter(i -> i.code().equals(code)).findFirst().orElseThrow();
    }

    @Test
    void sampleFormulasGiveTheRatesItsFiguresImply() throws Exception {
        BudgetSheet s = sample();
        assertEquals(new BigDecimal("110.00"), Formulas.compute("staff-control-rate", s, "t").value());
        assertEquals(new BigDecimal("109.60"), Formulas.compute(Formulas.BASIC_COMPLETION_RATE, s, "t").value());
        // (699.13 + 1231.41) / (637.88 + 1154) = 107.74%
        assertEquals(new BigDecimal("107.74"), Formulas.compute("budget-completion-rate", s, "t").value());
        assertEquals(new BigDecimal("92.51"), Formulas.compute("key-spending-rate", s, "t").value());
        // |追加| 70.14 + 9 over 1791.88
        assertEquals(new BigDecimal("4.42"), Formulas.compute("budget-adjustment-rate", s, "t").value());
        IndicatorResult noPublicFundsBudget = Formulas.compute("public-funds-control-rate", s, "t");
        assertTrue(noPublicFundsBudget.missing());
        assertEquals("338100.00", noPublicFundsBudget.inputs().get(0).value());
    }

    @Test
    void eachRuleScoresAsTheTemplateSays() throws Exception {
        ScoreCard card = Scorer.score(TEMPLATE, sample(), Map.of(), "t");
        // 110% against a ceiling of 100%: 10 points over × 10% = all 3 points lost
        assertEquals(new BigDecimal("0.00"), item(card, "staff-control-rate").score());
        assertTrue(item(card, "staff-control-rate").explanation().contains("超过上限 100%"));
        // 107.74% against a target of 100%: 7.74 × 8% = 61.92% of 4 points lost
        assertEquals(new BigDecimal("1.52"), item(card, "budget-completion-rate").score());
        // ratio: 4 × 92.51%
        assertEquals(new BigDecimal("3.70"), item(card, "key-spending-rate").score());
        // bands: 4.42% ≤ 10% → 80% of 2
        assertEquals(new BigDecimal("1.60"), item(card, "budget-adjustment-rate").score());
        assertEquals("MISSING", item(card, "three-public-control-rate").status());
        assertEquals(new BigDecimal("0.00"), item(card, "three-public-control-rate").score());
        assertTrue(card.missing().contains("\"三公经费\"控制率"));
        assertEquals("PENDING_SELF_SCORE", item(card, "goal-reasonableness").status());
        assertEquals(new BigDecimal("6.82"), card.total());
        assertEquals("差", card.grade());
        assertEquals(new BigDecimal("100"), card.maxPoints());
    }

    @Test
    void selfScoresFlowIntoTheTotalAndGrade() throws Exception {
        Map<String, Scorer.SelfScore> self = Map.of("social-benefit", new Scorer.SelfScore(new BigDecimal("7.20"), "矛盾纠纷调处"),
                "satisfaction", new Scorer.SelfScore(new BigDecimal("5.40"), "问卷"));
        ScoreCard card = Scorer.score(TEMPLATE, sample(), self, "t");
        assertEquals(new BigDecimal("19.42"), card.total());
        assertEquals("SELF_SCORED", item(card, "social-benefit").status());
    }

    @Test
    void gradeBands() {
        assertEquals("优", Rules.grade(new BigDecimal("90.00")));
        assertEquals("良", Rules.grade(new BigDecimal("89.99")));
        assertEquals("良", Rules.grade(new BigDecimal("80")));
        assertEquals("中", Rules.grade(new BigDecimal("60")));
        assertEquals("差", Rules.grade(new BigDecimal("59.99")));
    }

    @Test
    void aTemplateWithWrongWeightsOrUnorderedBandsIsRejectedWithFieldPaths() {
        Template.Rule unordered = new Template.Rule("bands", null, null, null, List.of(
                new Template.Band(new BigDecimal("10"), new BigDecimal("0.8")), new Template.Band(new BigDecimal("5"), new BigDecimal("0.6"))));
        Template bad = new Template("t", "t", "", List.of(new Template.Level1("投入", new BigDecimal("15"), List.of(
                new Template.Level2("预算配置", List.of(new Template.Indicator("budget-adjustment-rate", "预算调整率",
                        new BigDecimal("14"), unordered)))))), null);
        List<String> fields = TemplateLoader.validate(bad).stream().map(io.jixiao.platform.problem.FieldError::field).toList();
        assertEquals(List.of("levels[0].children[0].children[0].rule.bands[1].upTo", "levels[0].points", "levels"), fields);
    }
}
