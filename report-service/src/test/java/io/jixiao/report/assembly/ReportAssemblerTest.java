package io.jixiao.report.assembly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.jixiao.report.checker.Finding;
import io.jixiao.report.checker.ReportChecker;
import io.jixiao.report.domain.Narrative;
import io.jixiao.report.messaging.ReportEvents;

class ReportAssemblerTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final ReportAssembler.NarrativeText WRITTEN = new ReportAssembler.NarrativeText(
            "全年目标为社会治理有效、政法队伍稳定。",
            "社会治安防控体系进一步完善。\n\n矛盾纠纷调处机制运转顺畅",
            List.of(new Narrative.Problem("部分项目资金年初预算不足。", "年中新增专项任务，年初未能预见"),
                    new Narrative.Problem("人员超编问题尚未解决。", null)),
            List.of(new Narrative.Measure("完善项目预算编制，年初足额安排。", 1),
                    new Narrative.Measure("按编制核定人员，逐步消化超编", 2)), "");

    static Report assemble(String personnel, String rescueReason) throws Exception {
        BudgetSheet sheet = JSON.readValue(ReportFixtures.sheet("d1", 2020, 9, personnel, rescueReason), BudgetSheet.class);
        List<ReportEvents.ScoredItem> items = JSON.readValue(ReportFixtures.scoreItems(), new TypeReference<>() { });
        return ReportAssembler.assemble(sheet, new ReportAssembler.ScoreInput("6.82", "差", items), WRITTEN,
                LocalDate.of(2021, 1, 25));
    }

    /** The sample with the whole template's score card: the report as the bureau would see it. */
    static Report assembleFull() throws Exception {
        BudgetSheet sheet = JSON.readValue(ReportFixtures.sheet("d1", 2020, 9, "6095300.00", "700300.00"), BudgetSheet.class);
        List<ReportEvents.ScoredItem> items = ReportFixtures.fullScoreItems();
        return ReportAssembler.assemble(sheet, new ReportAssembler.ScoreInput(ReportFixtures.fullScoreTotal(items), "中", items),
                WRITTEN, LocalDate.of(2021, 1, 25));
    }

    @Test
    void everyFigureOfTheTextComesFromTheData() throws Exception {
        Report r = assemble("6095300.00", "700300.00");
        String text = r.toText();
        assertTrue(text.startsWith("2020 年度中共长沙市望城区委政法委员会整体支出绩效自评报告"), text);
        assertTrue(text.contains("内设综合治理科、维稳指导科、执法监督科、政工室、防范协调科办公室 5 个科室。"));
        assertTrue(text.contains("单位编制数 20 人，年末实有在职在编 22 人，较上年增加 4 人。另有退役士官 1 人、临聘人员 4 人、派驻人员 2 人。"));
        assertTrue(text.contains("②组织社会治安综合治理；"));
        assertTrue(text.contains("本年度基本支出预算 637.88 万元，实际支出 699.13 万元，超出预算 61.25 万元，预算完成率 109.60%。"
                + "其中：工资福利支出 609.53 万元，对个人和家庭的补助 55.79 万元，公用经费 33.81 万元。"), text);
        assertTrue(text.contains("本年度项目支出预算 1154.00 万元，实际支出 455.41 万元，另有 776.00 万元由财政直接支付。"
                + "调整后实际项目支出为 1231.41 万元，超出预算 77.41 万元，预算完成率 106.71%。"), text);
        assertTrue(text.contains("平安望城保险：保险结算高于预算，增加支出 5.28 万元；"));
        assertTrue(text.contains("经自评，本单位 2020 年度整体支出绩效得分 6.82 分，评价等级为“差”。"));
        assertTrue(text.contains("四、存在的问题及原因\n\n（一）部分项目资金年初预算不足。原因：年中新增专项任务，年初未能预见。\n\n"
                + "（二）人员超编问题尚未解决。\n\n"), text);
        assertTrue(text.contains("五、下一步改进措施\n\n（一）完善项目预算编制，年初足额安排（针对问题一）。\n\n"
                + "（二）按编制核定人员，逐步消化超编（针对问题二）。\n\n"), text);
        assertTrue(text.endsWith("中共长沙市望城区委政法委员会\n\n2021年1月25日\n"));
        assertEquals(3, r.score().rows().size());
        assertEquals(6, r.projects().size());
    }

    @Test
    void consistentDataGiveACleanReportExceptRealDataProblems() throws Exception {
        List<Finding> findings = ReportChecker.check(assemble("6095300.00", "700300.00").toText());
        // the only finding is a real data problem: 22 staff against 20 authorised
        assertEquals(List.of("staff.over-authorized"), findings.stream().map(Finding::rule).toList(), findings.toString());
    }

    @Test
    void theSamplesOwnInconsistenciesShowInTheGeneratedReport() throws Exception {
        List<String> rules = ReportChecker.check(assemble("6095200.00", "701400.00").toText()).stream()
                .map(Finding::rule).toList();
        assertTrue(rules.contains("parts.mismatch"), rules.toString());
        assertTrue(rules.contains("variance.explanations-mismatch"), rules.toString());
        assertTrue(rules.contains("staff.over-authorized"), rules.toString());
        // nothing the system controls: outline, numbering, wording, cut-off text
        assertTrue(rules.stream().noneMatch(r -> r.startsWith("outline") || r.startsWith("numbering")
                || r.startsWith("paragraph") || r.startsWith("wording") || r.startsWith("heading")
                || r.startsWith("passage")), rules.toString());
    }

    @Test
    void htmlSaysTheSameAsTheText() throws Exception {
        Report r = assemble("6095300.00", "700300.00");
        String html = HtmlRenderer.render(r);
        for (String para : r.toText().split("\n\n")) {
            assertTrue(html.contains(HtmlRenderer.esc(para.strip())), "missing in HTML: " + para);
        }
        assertTrue(html.contains("<td class=\"n\">6.82</td><td>等级：差</td>"));
    }

    @Test
    void aMeasureWithoutAValidProblemIsPrintedWithoutALink() throws Exception {
        BudgetSheet sheet = JSON.readValue(ReportFixtures.sheet("d1", 2020, 9, "6095300.00", "700300.00"), BudgetSheet.class);
        ReportAssembler.NarrativeText converted = new ReportAssembler.NarrativeText("目标。", "成效。",
                List.of(new Narrative.Problem("问题甲。", null)),
                List.of(new Narrative.Measure("措施甲；", null), new Narrative.Measure("措施乙", 3)), "");
        String text = ReportAssembler.assemble(sheet, null, converted, LocalDate.of(2021, 1, 25)).toText();
        assertTrue(text.contains("（一）措施甲。\n\n（二）措施乙。\n\n"), text);
        assertTrue(!text.contains("针对问题"), text);
    }
}
