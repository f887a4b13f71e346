package io.jixiao.evaluation.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import io.jixiao.evaluation.domain.GoalIndicator;
import io.jixiao.evaluation.scoring.GoalOutcome.Category;
import io.jixiao.evaluation.domain.GoalIndicator.Direction;

/** The 产出 rates from goal indicators: which indicators count for each, met or not, and 数据缺失. */
class GoalFormulasTest {

    static GoalOutcome goal(Category category, Direction direction, String target, String actual, boolean keyTask) {
        GoalIndicator g = new GoalIndicator();
        g.category = category;
        g.direction = direction;
        g.target = new BigDecimal(target);
        g.actual = actual == null ? null : new BigDecimal(actual);
        g.keyTask = keyTask;
        return g.outcome();
    }

    /** Three 产出 indicators with an actual (two met), one without, and 效益/满意度 ones that never count as 产出. */
    static final List<GoalOutcome> GOALS = List.of(
            goal(Category.QUANTITY, Direction.GE, "100", "100.00", true), // met on the boundary
            goal(Category.QUALITY, Direction.LE, "2", "3", false), // above a ceiling: not met
            goal(Category.TIMELINESS, Direction.EQ, "12", "12.0", false), // equal at another scale: met
            goal(Category.COST, Direction.LE, "50000", null, false), // no actual: not counted
            goal(Category.BENEFIT, Direction.GE, "90", "95", false),
            goal(Category.SATISFACTION, Direction.GE, "90", "80", true));

    static void assertRate(String expected, String met, String entered, IndicatorResult r) {
        assertEquals(new BigDecimal(expected), r.value(), r.code());
        assertEquals("%", r.unit());
        assertFalse(r.missing());
        assertEquals(met, r.inputs().get(0).value());
        assertEquals(entered, r.inputs().get(1).value());
    }

    @Test
    void eachRateCountsItsOwnKindOfIndicator() {
        // 实际完成率: 产出 (数量, 质量, 时效, 成本) with an actual: 2 of 3
        assertRate("66.67", "2", "3", GoalFormulas.compute("task-completion-rate", GOALS));
        // 完成及时率: 时效 only
        assertRate("100.00", "1", "1", GoalFormulas.compute("task-timeliness-rate", GOALS));
        // 质量达标率: 质量 only
        assertRate("0.00", "0", "1", GoalFormulas.compute("task-quality-rate", GOALS));
        // 重点工作办结率: key tasks of any category, 满意度 included
        assertRate("50.00", "1", "2", GoalFormulas.compute("key-task-completion-rate", GOALS));
    }

    @Test
    void noIndicatorWithAnActualIsMissingDataNotZero() {
        for (List<GoalOutcome> goals : List.of(List.<GoalOutcome>of(),
                List.of(goal(Category.QUALITY, Direction.GE, "1", null, true)))) {
            IndicatorResult r = GoalFormulas.compute("task-quality-rate", goals);
            assertNull(r.value());
            assertTrue(r.missing());
            assertNull(r.inputs().get(0).value());
            assertNull(r.inputs().get(1).value());
        }
        // a kind with none of its indicators: 数据缺失 as well
        assertTrue(GoalFormulas.compute("task-timeliness-rate",
                List.of(goal(Category.QUANTITY, Direction.GE, "1", "1", false))).missing());
    }

    @Test
    void theFormulaIsExplainedInTheLocaleAndOnlyItsCodesAreComputed() {
        IndicatorResult zh = GoalFormulas.compute("task-quality-rate", GOALS);
        assertEquals("质量达标率", zh.name());
        assertEquals("达到目标值的质量指标 / 质量指标总数 × 100%", zh.formula());
        assertEquals("达到目标值的质量指标（个）", zh.inputs().get(0).name());
        assertEquals("绩效目标", zh.inputs().get(0).source());
        IndicatorResult en = GoalFormulas.compute("task-quality-rate", GOALS, Locale.ENGLISH);
        assertEquals("Quality rate", en.nameEn());
        assertEquals("quality indicators that met their target / all quality indicators × 100%", en.formula());
        assertEquals("quality indicators with an actual value (count)", en.inputs().get(1).name());
        assertEquals(zh.value(), en.value());

        assertTrue(GoalFormulas.computes("key-task-completion-rate"));
        assertFalse(GoalFormulas.computes("budget-execution-rate"));
    }
}
