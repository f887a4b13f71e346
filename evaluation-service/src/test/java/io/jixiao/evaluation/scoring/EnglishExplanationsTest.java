package io.jixiao.evaluation.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.jixiao.evaluation.domain.GoalIndicator;
import io.jixiao.platform.problem.FieldError;
import io.jixiao.platform.problem.Messages;

/**
 * The score card's sentences in English: every rule, formula, input, reason and 数据缺失 note is free of
 * Chinese (only names entered or kept as data may be Chinese), the numbers equal the Chinese card's, and
 * the Chinese sentences are the ones the card always had.
 */
class EnglishExplanationsTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Template TEMPLATE = TemplateLoader.defaultTemplate(JSON);
    static final Pattern HAN = Pattern.compile("\\p{IsHan}");

    static BudgetSheet sample() throws Exception {
        return JSON.readValue(SampleSheet.sample2020("d0000000-0000-4000-8000-000000000001", 9, 0, "6991300.00"), BudgetSheet.class);
    }

    static List<String> sentences(ScoreCard card) {
        List<String> out = new ArrayList<>();
        for (ScoreCard.Item i : card.items()) {
            out.add(i.ruleText());
            if (!"SELF_SCORED".equals(i.status())) { // a self-score's explanation is the department's evidence
                out.add(i.explanation());
            }
            if (i.calculation() != null) {
                out.add(i.calculation().formula());
                i.calculation().inputs().forEach(in -> {
                    out.add(in.name());
                    out.add(in.source());
                });
            }
        }
        return out;
    }

    static List<String> chinese(List<String> texts) {
        return texts.stream().filter(t -> t != null && HAN.matcher(t).find()).toList();
    }

    @Test
    void everySentenceOfTheSampleCardIsEnglishAndTheScoresAreTheSame() throws Exception {
        GoalIndicator met = new GoalIndicator();
        met.category = GoalOutcome.Category.QUALITY;
        met.direction = GoalIndicator.Direction.GE;
        met.target = new BigDecimal("100");
        met.actual = new BigDecimal("90");
        met.unit = "%";
        met.name = "调解成功率";
        Map<String, Scorer.SelfScore> self = Map.of("social-benefit", new Scorer.SelfScore(new BigDecimal("7.20"), "矛盾纠纷调处"));
        ScoreCard zh = Scorer.score(TEMPLATE, sample(), self, Map.of(), List.of(met.outcome()), "budget.events r9", Messages.ZH);
        ScoreCard en = Scorer.score(TEMPLATE, sample(), self, Map.of(), List.of(met.outcome()), "budget.events r9", Locale.ENGLISH);

        assertEquals(zh.total(), en.total());
        assertEquals(zh.grade(), en.grade());
        List<String> english = sentences(en);
        assertTrue(english.size() > 60, "sentences checked: " + english.size());
        assertEquals(List.of(), chinese(english));
        assertEquals(List.of(), chinese(en.missing()), "missing indicators are named by their English names");
        assertEquals(chinese(sentences(zh)).size() > 40, true, "the Chinese card speaks Chinese");

        ScoreCard.Item staff = en.items().stream().filter(i -> i.code().equals("staff-control-rate")).findFirst().orElseThrow();
        assertEquals("在职人员控制率", staff.name());
        assertEquals("Staff control rate", staff.nameEn());
        assertEquals("Input", staff.level1En());
        assertEquals("Budget allocation", staff.level2En());
        assertEquals("110.00% exceeds the ceiling of 100%: each percentage point above deducts 10% of the points; 3.00 points deducted",
                staff.explanation());
        assertEquals("Ceiling 100%: each percentage point above deducts 10% of the points", staff.ruleText());
        assertEquals("110.00% 超过上限 100%，每超 1 个百分点扣 10% 分值，扣 3.00 分",
                zh.items().stream().filter(i -> i.code().equals("staff-control-rate")).findFirst().orElseThrow().explanation());

        ScoreCard.Item threePublic = en.items().stream().filter(i -> i.code().equals("three-public-control-rate")).findFirst()
                .orElseThrow();
        assertEquals("MISSING", threePublic.status());
        assertEquals("Missing data: Three public expenses, actual (yuan), Three public expenses, budget (yuan) not entered; counts as 0",
                threePublic.explanation());
        assertTrue(en.missing().contains("Control rate of the three public expenses"));
        assertTrue(zh.missing().contains("\"三公经费\"控制率"));

        IndicatorResult quality = en.items().stream().filter(i -> i.code().equals("task-quality-rate")).findFirst()
                .orElseThrow().calculation();
        assertEquals("performance goals", quality.inputs().get(0).source());
        assertEquals("quality indicators that met their target / all quality indicators × 100%", quality.formula());
    }

    @Test
    void projectSentencesAreEnglishWithUnitsInWords() throws Exception {
        BudgetSheet.Project reward = sample().projects().get(3);
        List<ProjectScorer.Indicator> indicators = List.of(
                new ProjectScorer.Indicator("QUANTITY", "表彰见义勇为人员", "QUANTITATIVE", "人次", "GE", new BigDecimal("20"),
                        new BigDecimal("13"), null, null, null),
                new ProjectScorer.Indicator("TIMELINESS", "奖励发放时限", "QUANTITATIVE", "天", "LE", new BigDecimal("30"),
                        new BigDecimal("30"), null, null, null),
                new ProjectScorer.Indicator("COST", "人均奖励", "QUANTITATIVE", "元", "EQ", new BigDecimal("10000"), null, null,
                        null, null),
                new ProjectScorer.Indicator("BENEFIT", "弘扬社会正气", "QUALITATIVE", null, null, null, null, "GOOD",
                        new BigDecimal("85"), "12 media reports"));
        ProjectScorer.ProjectCard zh = ProjectScorer.score(Template.ProjectWeights.DEFAULT, reward, indicators, "r9", Messages.ZH);
        ProjectScorer.ProjectCard en = ProjectScorer.score(Template.ProjectWeights.DEFAULT, reward, indicators, "r9",
                Locale.ENGLISH);
        assertEquals(zh.total(), en.total());

        List<String> texts = new ArrayList<>();
        for (ProjectScorer.Part p : en.parts()) {
            texts.add(p.name());
            texts.add(p.formula());
            texts.add(p.explanation());
            p.inputs().forEach(i -> texts.add(i.name()));
            p.indicators().forEach(i -> texts.add(i.explanation()));
        }
        assertEquals(List.of(), chinese(texts));
        ProjectScorer.Part output = en.parts().get(1);
        assertEquals("Output indicators", output.name());
        assertEquals("Target ≥20 person-times, actual 13 person-times: 65.00% achieved, points in proportion",
                output.indicators().get(0).explanation());
        assertEquals("Target ≤30 days, actual 30 days: met, full points", output.indicators().get(1).explanation());
        assertEquals("Qualitative self-score (good) 85%: 12 media reports", en.parts().get(2).indicators().get(0).explanation());
        assertEquals("Missing data: no satisfaction indicators set yet; counts as 0", en.parts().get(3).explanation());
        assertEquals(List.of("Output indicators: 人均奖励", "Satisfaction indicators"), en.missing());
        assertEquals(List.of("产出指标：人均奖励", "满意度指标"), zh.missing());
        assertEquals("指标值 ≥20人次，实际 13人次，完成 65.00%，按比例得分", zh.parts().get(1).indicators().get(0).explanation());
    }

    @Test
    void anEnglishNameInTheTemplateIsCheckedWithItsFieldPath() {
        Template.Indicator staff = TEMPLATE.indicator("staff-control-rate").orElseThrow();
        assertNotNull(staff.nameEn());
        Template chineseName = TemplateValidationTest.edit("staff-control-rate",
                i -> new Template.Indicator(i.code(), i.name(), "在职人员 rate", i.points(), i.rule()));
        List<FieldError> problems = TemplateLoader.validate(chineseName);
        assertEquals(List.of("levels[0].children[1].children[0].nameEn"), problems.stream().map(FieldError::field).toList());
        assertEquals("template.name-en-invalid", problems.get(0).message());
        Template blank = TemplateValidationTest.edit("staff-control-rate",
                i -> new Template.Indicator(i.code(), i.name(), " ", i.points(), i.rule()));
        assertFalse(TemplateLoader.validate(blank).isEmpty());
        Template none = TemplateValidationTest.edit("staff-control-rate",
                i -> new Template.Indicator(i.code(), i.name(), null, i.points(), i.rule()));
        assertEquals(List.of(), TemplateLoader.validate(none), "an English name is optional");
    }
}
