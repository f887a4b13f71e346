package io.jixiao.evaluation.scoring;

/**
 * What the goal formulas read of one indicator of a performance goal (绩效目标): its category, whether it
 * is a key task (重点工作), and whether its actual met the target (null while no actual is given).
 */
public record GoalOutcome(Category category, boolean keyTask, Boolean met) {

    /** 产出: 数量, 质量, 时效, 成本; 效益; 满意度 (stored by name in goal_indicator.category). */
    public enum Category { QUANTITY, QUALITY, TIMELINESS, COST, BENEFIT, SATISFACTION }
}
