package io.jixiao.evaluation.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.jixiao.platform.problem.FieldError;

/** Template checks on edits of the default template: each problem comes back with the path of its field. */
class TemplateValidationTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Template DEFAULT = TemplateLoader.defaultTemplate(JSON);

    /** The default with one indicator (by code) replaced. */
    static Template edit(String code, UnaryOperator<Template.Indicator> change) {
        List<Template.Level1> levels = new ArrayList<>();
        for (Template.Level1 l1 : DEFAULT.levels()) {
            List<Template.Level2> l2s = new ArrayList<>();
            for (Template.Level2 l2 : l1.children()) {
                l2s.add(new Template.Level2(l2.name(), l2.children().stream()
                        .map(i -> i.code().equals(code) ? change.apply(i) : i).toList()));
            }
            levels.add(new Template.Level1(l1.name(), l1.points(), l2s));
        }
        return new Template(DEFAULT.code(), DEFAULT.name(), DEFAULT.description(), levels, DEFAULT.project());
    }

    static List<String> fields(Template t) {
        return TemplateLoader.validate(t).stream().map(FieldError::field).toList();
    }

    @Test
    void theDefaultIsValid() {
        assertEquals(List.of(), TemplateLoader.validate(DEFAULT));
        assertEquals(new BigDecimal("10"), DEFAULT.projectWeights().budgetExecution());
    }

    @Test
    void pointsThatNoLongerAddUpAreNamed() {
        Template t = edit("staff-control-rate", i -> new Template.Indicator(i.code(), i.name(), new BigDecimal("4"), i.rule()));
        assertEquals(List.of("levels[0].points"), fields(t));
        assertEquals("template.level-points-sum", TemplateLoader.validate(t).get(0).message());
        // also raising the 一级 to 16 makes the total 101
        List<Template.Level1> levels = new ArrayList<>(t.levels());
        Template.Level1 l1 = levels.get(0);
        levels.set(0, new Template.Level1(l1.name(), new BigDecimal("16"), l1.children()));
        Template total101 = new Template(t.code(), t.name(), t.description(), levels, t.project());
        assertEquals(List.of("levels"), fields(total101));
        assertEquals("template.points-total", TemplateLoader.validate(total101).get(0).message());
    }

    @Test
    void bandsOutOfOrderAreNamedAtTheBand() {
        Template t = edit("budget-adjustment-rate", i -> new Template.Indicator(i.code(), i.name(), i.points(),
                new Template.Rule("bands", null, null, null, List.of(new Template.Band(new BigDecimal("0"), BigDecimal.ONE),
                        new Template.Band(new BigDecimal("20"), new BigDecimal("0.6")),
                        new Template.Band(new BigDecimal("10"), new BigDecimal("0.8"))))));
        assertEquals(List.of("levels[1].children[0].children[1].rule.bands[2].upTo"), fields(t));
        assertEquals("template.bands-order", TemplateLoader.validate(t).get(0).message());
    }

    @Test
    void ruleParametersMustFitTheKind() {
        // a ceiling without threshold, with a band table that does not belong to it, deducting 150%
        Template t = edit("carry-over-rate", i -> new Template.Indicator(i.code(), i.name(), i.points(),
                new Template.Rule("ceiling", null, null, new BigDecimal("1.5"), List.of(new Template.Band(BigDecimal.ONE, BigDecimal.ONE)))));
        assertEquals(List.of("levels[1].children[0].children[3].rule.threshold",
                "levels[1].children[0].children[3].rule.deductPerPoint", "levels[1].children[0].children[3].rule.bands"), fields(t));
        // a qualitative indicator cannot be given a computed rule: there is no formula for it
        Template q = edit("social-benefit", i -> new Template.Indicator(i.code(), i.name(), i.points(),
                new Template.Rule("ratio", null, null, null, null)));
        assertEquals(List.of("levels[3].children[0].children[1].rule.kind"), fields(q));
        assertEquals("template.rule-not-computable", TemplateLoader.validate(q).get(0).message());
        // an unknown kind, a share above 1
        assertTrue(fields(edit("fixed-asset-utilisation", i -> new Template.Indicator(i.code(), i.name(), i.points(),
                new Template.Rule("average", null, null, null, null)))).contains("levels[1].children[2].children[2].rule.kind"));
        assertEquals(List.of("levels[1].children[0].children[1].rule.bands[0].share"), fields(edit("budget-adjustment-rate",
                i -> new Template.Indicator(i.code(), i.name(), i.points(), new Template.Rule("bands", null, null, null,
                        List.of(new Template.Band(BigDecimal.ZERO, new BigDecimal("1.2"))))))));
    }

    @Test
    void aBandLimitBeyondAnyRateIsRefusedWithoutPrintingIt() {
        // 1e99999999 passed before and printed 100 MB on every rescore; now refused at the band
        assertEquals(List.of("levels[1].children[0].children[1].rule.bands[0].upTo"), fields(edit("budget-adjustment-rate",
                i -> new Template.Indicator(i.code(), i.name(), i.points(), new Template.Rule("bands", null, null, null,
                        List.of(new Template.Band(new BigDecimal("1e99999999"), BigDecimal.ONE)))))));
    }

    @Test
    void projectWeightsMustTotal100() {
        Template t = new Template(DEFAULT.code(), DEFAULT.name(), DEFAULT.description(), DEFAULT.levels(),
                new Template.ProjectWeights(BigDecimal.TEN, new BigDecimal("50"), new BigDecimal("30"), new BigDecimal("20")));
        assertEquals(List.of("project"), fields(t));
    }
}
