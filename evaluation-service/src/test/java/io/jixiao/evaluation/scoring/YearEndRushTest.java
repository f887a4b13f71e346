package io.jixiao.evaluation.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;


/**
 * 年底突击花钱: December's and the fourth quarter's share from the entered monthly payments or, without
 * them, the 支出明细 by month; the rush rule that scores them; its template checks.
 */
class YearEndRushTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Template.RushDefaults DEFAULTS = new Template.RushDefaults(new BigDecimal("15"), new BigDecimal("40"),
            new BigDecimal("0.10"));

    /** A sheet with only the monthly payments and the 支出明细 by month (JSON arrays or null), as budget-service sends them. */
    static BudgetSheet sheet(String monthlyPayments, String spendingByMonth) throws Exception {
        return JSON.readValue("{\"departmentId\":\"d1\",\"fiscalYear\":2020,\"revision\":1,\"monthlyPayments\":"
                + monthlyPayments + ",\"spending\":" + (spendingByMonth == null || spendingByMonth.equals("null") ? "null"
                : "{\"lines\":12,\"byMonth\":" + spendingByMonth + "}") + "}", BudgetSheet.class);
    }

    /** Eleven months of `month` yuan and December's. */
    static String year(String month, String december) {
        return "[" + ("\"" + month + "\",").repeat(11) + "\"" + december + "\"]";
    }

    @Test
    void educationDepartment2020FromItsMonthlyPayments() throws Exception {
        BudgetSheet education = JSON.readValue(EducationSheet.sheet2020("d2", 5), BudgetSheet.class);
        // 11,955,400 of 63,155,400; Oct–Dec 4,500,000 + 5,200,000 + 11,955,400
        IndicatorResult december = Formulas.compute(Formulas.DECEMBER_SHARE, education, "budget.events r5");
        assertEquals(new BigDecimal("18.93"), december.value());
        assertEquals("11955400.00", december.inputs().get(0).value());
        assertEquals("63155400.00", december.inputs().get(1).value());
        assertEquals(new BigDecimal("34.29"), Formulas.compute(Formulas.Q4_SHARE, education, "r5").value());
        // the explanation names the data it read and the event it came with
        assertEquals("按月支付数（填报），来自 budget.events r5", december.inputs().get(0).source());
        assertEquals("12 月支出 / 全年支出 × 100%", december.formula());
    }

    @Test
    void theSpendingLinesStandInWhenNoMonthlyPaymentsAreEntered() throws Exception {
        // 0.01 in each of 11 months, 0.03 in December: 3 / 14 = 21.428…% → 21.43; Q4 5 / 14 = 35.714…% → 35.71
        BudgetSheet s = sheet("null", year("0.01", "0.03"));
        IndicatorResult december = Formulas.compute(Formulas.DECEMBER_SHARE, s, "r1", Locale.ENGLISH);
        assertEquals(new BigDecimal("21.43"), december.value());
        assertEquals(2, december.value().scale());
        assertEquals(new BigDecimal("35.71"), Formulas.compute(Formulas.Q4_SHARE, s, "r1").value());
        assertEquals("Spending lines summed by month of payment (no monthly payments entered), from r1",
                december.inputs().get(0).source());
        // incomplete monthly payments (11 months) do not win either
        BudgetSheet eleven = sheet("[\"1\",\"1\",\"1\",\"1\",\"1\",\"1\",\"1\",\"1\",\"1\",\"1\",\"1\"]", year("0.01", "0.03"));
        assertEquals(new BigDecimal("21.43"), Formulas.compute(Formulas.DECEMBER_SHARE, eleven, "r1").value());
    }

    @Test
    void enteredMonthlyPaymentsWinOverTheSpendingLines() throws Exception {
        BudgetSheet both = sheet(year("100", "900"), year("100", "100"));
        IndicatorResult december = Formulas.compute(Formulas.DECEMBER_SHARE, both, "r1");
        assertEquals(new BigDecimal("45.00"), december.value()); // 900 / 2000, not 100 / 1200
        assertEquals(new BigDecimal("55.00"), Formulas.compute(Formulas.Q4_SHARE, both, "r1").value());
        assertTrue(december.inputs().get(0).source().startsWith("按月支付数"));
    }

    @Test
    void neitherSourceIsMissingNotZero() throws Exception {
        for (BudgetSheet s : List.of(sheet("null", "null"), sheet("[\"1\",null,\"1\",\"1\",\"1\",\"1\",\"1\",\"1\",\"1\",\"1\",\"1\",\"1\"]", "null"))) {
            IndicatorResult r = Formulas.compute(Formulas.DECEMBER_SHARE, s, "r1");
            assertTrue(r.missing());
            assertNull(r.value());
            assertNull(r.inputs().get(0).value());
            String text = Scorer.missingText(r, Locale.CHINA);
            assertTrue(text.contains("12 月支出（元）") && text.contains("全年支出（元）"), text);
        }
    }

    @Test
    void aYearWithoutSpendingHasNoShare() throws Exception {
        IndicatorResult r = Formulas.compute(Formulas.Q4_SHARE, sheet(year("0", "0"), "null"), "r1");
        assertTrue(r.missing()); // 0 / 0 is undefined, not 0% or 100%
        assertEquals("0", r.inputs().get(1).value());
        assertEquals(Scorer.missingText(r, Locale.CHINA), io.jixiao.platform.problem.Messages.text(Locale.CHINA,
                "score.missing.zero-denominator"));
    }

    static Template.Rule rush(String threshold, String deduct) {
        return new Template.Rule("rush", null, threshold == null ? null : new BigDecimal(threshold),
                deduct == null ? null : new BigDecimal(deduct), null);
    }

    @Test
    void theRushRuleDeductsPerPointAboveItsThreshold() {
        BigDecimal points = new BigDecimal("4");
        Template.Rule r = rush("15", "0.10");
        assertEquals(new BigDecimal("4.00"), Rules.score(r, points, new BigDecimal("15.00"))); // at the threshold: full
        assertEquals(new BigDecimal("3.40"), Rules.score(r, points, new BigDecimal("16.50"))); // 1.5 × 10% of 4 off
        assertEquals(new BigDecimal("0.00"), Rules.score(r, points, new BigDecimal("45.00"))); // never below 0
        assertEquals(new BigDecimal("2.37"), Rules.score(rush("15", "0.0333"), points, new BigDecimal("27.25")));
    }

    /** The default template with 支付进度率 (2 points) replaced by a year-end rush indicator. */
    static Template withRush(String code, Template.Rule rule) {
        return TemplateValidationTest.edit("payment-progress-rate",
                i -> new Template.Indicator(code, "12月支出占比", i.points(), rule));
    }

    @Test
    void aTemplateScoresTheShareWithTheConfiguredDefaultsWhereItGivesNone() throws Exception {
        Template t = withRush(Formulas.DECEMBER_SHARE, rush(null, null));
        assertEquals(List.of(), TemplateLoader.validate(t));
        Template filled = t.withRushDefaults(DEFAULTS);
        Template.Rule applied = filled.indicator(Formulas.DECEMBER_SHARE).orElseThrow().rule();
        assertEquals(new BigDecimal("15"), applied.threshold());
        assertEquals(new BigDecimal("0.10"), applied.deductPerPoint());
        // a template's own threshold wins; q4-share takes its own default
        assertEquals(new BigDecimal("12"), withRush(Formulas.DECEMBER_SHARE, rush("12", null)).withRushDefaults(DEFAULTS)
                .indicator(Formulas.DECEMBER_SHARE).orElseThrow().rule().threshold());
        assertEquals(new BigDecimal("40"), withRush(Formulas.Q4_SHARE, rush(null, null)).withRushDefaults(DEFAULTS)
                .indicator(Formulas.Q4_SHARE).orElseThrow().rule().threshold());

        BudgetSheet education = JSON.readValue(EducationSheet.sheet2020("d2", 5), BudgetSheet.class);
        ScoreCard card = Scorer.score(filled, education, Map.of(), "r5");
        ScoreCard.Item item = card.items().stream().filter(i -> i.code().equals(Formulas.DECEMBER_SHARE)).findFirst()
                .orElseThrow();
        // 18.93% is 3.93 points above 15%: 3.93 × 10% of 2 = 0.786 off → 1.21
        assertEquals("SCORED", item.status());
        assertEquals(new BigDecimal("18.93"), item.value());
        assertEquals(new BigDecimal("1.21"), item.score());
        assertEquals("18.93% 超过年底突击阈值 15%（年底突击花钱），每超 1 个百分点扣 10% 分值，扣 0.79 分", item.explanation());
        assertEquals("年底突击阈值 15%：每超 1 个百分点扣分值的 10%", item.ruleText());
    }

    @Test
    void badRushParametersAreNamedByTheirPath() {
        // 支付进度率 sits at levels[1].children[0].children[2]
        String rp = "levels[1].children[0].children[2].rule";
        assertEquals(List.of(rp + ".threshold"), TemplateValidationTest.fields(withRush(Formulas.DECEMBER_SHARE, rush("100", null))));
        assertEquals("template.rush-threshold-invalid", TemplateLoader.validate(withRush(Formulas.Q4_SHARE, rush("0", null)))
                .get(0).message());
        assertEquals(List.of(rp + ".threshold"), TemplateValidationTest.fields(withRush(Formulas.Q4_SHARE, rush("15.555", null))));
        assertEquals(List.of(rp + ".deductPerPoint"), TemplateValidationTest.fields(withRush(Formulas.Q4_SHARE, rush(null, "1.5"))));
        assertEquals(List.of(rp + ".target"), TemplateValidationTest.fields(withRush(Formulas.Q4_SHARE,
                new Template.Rule("rush", BigDecimal.TEN, null, null, null))));
        // the rush rule only on a late share
        List<io.jixiao.platform.problem.FieldError> other = TemplateLoader.validate(
                TemplateValidationTest.edit("payment-progress-rate", i -> new Template.Indicator(i.code(), i.name(), i.points(),
                        rush(null, null))));
        assertEquals(List.of(rp + ".kind"), other.stream().map(io.jixiao.platform.problem.FieldError::field).toList());
        assertEquals("template.rush-only-late-share", other.get(0).message());
        // the default template is unchanged: no rush indicator, so existing years score as before
        assertFalse(TemplateValidationTest.DEFAULT.indicator(Formulas.DECEMBER_SHARE).isPresent());
    }
}
