package io.jixiao.evaluation.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** 项目支出绩效自评 with the default weights 10/50/30/10 on the sample department's 2020 projects. */
class ProjectScorerTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static BudgetSheet.Project project(long id) throws Exception {
        BudgetSheet s = JSON.readValue(SampleSheet.sample2020("d1", 9, 0, "6991300.00"), BudgetSheet.class);
        return s.projects().stream().filter(p -> p.id() == id).findFirst().orElseThrow();
    }

    static ProjectScorer.Part part(ProjectScorer.ProjectCard c, String code) {
        return c.parts().stream().filter(p -> p.code().equals(code)).findFirst().orElseThrow();
    }

    @Test
    void budgetExecutionIsCappedAndTheRestIsMissingWithoutIndicators() throws Exception {
        Template.ProjectWeights w = Template.ProjectWeights.DEFAULT;
        // 保险: 65.28 / 60 = 108.80% → capped at the 10 points
        ProjectScorer.ProjectCard insurance = ProjectScorer.score(w, project(1), List.of(), "r9");
        assertEquals(new BigDecimal("108.80"), part(insurance, "budget-execution").value());
        assertEquals(new BigDecimal("10.00"), part(insurance, "budget-execution").score());
        // 上级补助: no 年初 budget, 70.14 added: 70.14 / 70.14 against the adjusted budget
        assertEquals(new BigDecimal("100.00"), part(ProjectScorer.score(w, project(2), List.of(), "r9"), "budget-execution").value());
        // 见义勇为: 13.1 / 20 = 65.50% → 6.55; 产出, 效益, 满意度 not set: 数据缺失, 0
        ProjectScorer.ProjectCard reward = ProjectScorer.score(w, project(4), List.of(), "r9");
        assertEquals(new BigDecimal("6.55"), reward.total());
        assertEquals("差", reward.grade());
        assertEquals(List.of("产出指标", "效益指标", "满意度指标"), reward.missing());
        assertEquals("MISSING", part(reward, "output").status());
        assertEquals("131000.00", part(reward, "budget-execution").inputs().get(0).value());
    }

    @Test
    void indicatorsScoreInProportionToAttainment() throws Exception {
        List<ProjectScorer.Indicator> indicators = List.of(
                new ProjectScorer.Indicator("QUANTITY", "表彰见义勇为人员", "QUANTITATIVE", "人次", "GE", new BigDecimal("20"), new BigDecimal("13"), null, null, null),
                new ProjectScorer.Indicator("TIMELINESS", "奖励发放时限", "QUANTITATIVE", "天", "LE", new BigDecimal("30"), new BigDecimal("40"), null, null, null),
                new ProjectScorer.Indicator("COST", "人均奖励", "QUANTITATIVE", "元", "EQ", new BigDecimal("10000"), null, null, null, null),
                new ProjectScorer.Indicator("BENEFIT", "弘扬社会正气", "QUALITATIVE", null, null, null, null, "GOOD", new BigDecimal("85"), "媒体报道 12 次"),
                new ProjectScorer.Indicator("SATISFACTION", "受表彰人员满意度", "QUANTITATIVE", "%", "GE", new BigDecimal("90"), new BigDecimal("95"), null, null, null));
        ProjectScorer.ProjectCard c = ProjectScorer.score(Template.ProjectWeights.DEFAULT, project(4), indicators, "r9");
        // 产出: 50 × (13/20 + 30/40 + 0 [数据缺失]) / 3 = 50 × 1.40 / 3 = 23.33
        ProjectScorer.Part output = part(c, "output");
        assertEquals(new BigDecimal("23.33"), output.score());
        assertEquals(new BigDecimal("65.00"), output.indicators().get(0).attainment());
        assertEquals(new BigDecimal("75.00"), output.indicators().get(1).attainment());
        assertEquals("MISSING", output.indicators().get(2).status());
        assertEquals(new BigDecimal("16.67"), output.indicators().get(0).weight());
        // 效益: 30 × 85%; 满意度: 95% ≥ 90%: full
        assertEquals(new BigDecimal("25.50"), part(c, "benefit").score());
        assertEquals(new BigDecimal("10.00"), part(c, "satisfaction").score());
        assertEquals(new BigDecimal("65.38"), c.total());
        assertEquals("中", c.grade());
        assertEquals(List.of("产出指标：人均奖励"), c.missing());
    }

    @Test
    void aZeroAdjustedBudgetIsMissing() {
        BudgetSheet.Project p = new BudgetSheet.Project(9L, "x", BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal("5.00"), false);
        ProjectScorer.Part e = part(ProjectScorer.score(Template.ProjectWeights.DEFAULT, p, List.of(), "t"), "budget-execution");
        assertEquals("MISSING", e.status());
        assertNull(e.value());
    }
}
