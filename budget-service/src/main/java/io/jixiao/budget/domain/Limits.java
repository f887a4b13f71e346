package io.jixiao.budget.domain;

/**
 * How much one department-year may hold. Every BudgetFiguresChanged event carries the whole year, so
 * these bounds are what keeps an event below the outbox's max-event-bytes by design (the worst case
 * is computed in BudgetSheetSizeTest), and what stops one department from stalling the others.
 */
public final class Limits {

    /** 项目支出 per year: a large 局 has around a hundred. */
    public static final int PROJECTS = 150;
    public static final int PROJECT_NAME = 200;
    public static final int ADJUSTMENT_REASON = 300;
    /** 差异原因: a few per line. */
    public static final int REASONS = 100;
    public static final int REASON = 500;
    /** 职能职责 and 内设科室. */
    public static final int DUTIES = 50;
    public static final int DUTY = 500;
    public static final int DIVISIONS = 50;
    public static final int DIVISION = 100;
    public static final int NAME = 200;

    private Limits() {
    }
}
