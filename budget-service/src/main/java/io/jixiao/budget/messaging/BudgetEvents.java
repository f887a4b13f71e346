package io.jixiao.budget.messaging;

/**
 * Event types budget-service publishes on budget.events. Each has a JSON Schema of its payload in
 * src/main/resources/schemas/&lt;type&gt;.v&lt;schemaVersion&gt;.json; consumers test against it.
 */
public final class BudgetEvents {

    public static final String BASIC_EXPENDITURE_CHANGED = "BasicExpenditureChanged";
    public static final int BASIC_EXPENDITURE_CHANGED_VERSION = 1;

    /** The whole department-year after any change: consumers need no other source. Payload: {@link BudgetFiguresChangedV1}. */
    public static final String BUDGET_FIGURES_CHANGED = "BudgetFiguresChanged";
    public static final int BUDGET_FIGURES_CHANGED_VERSION = 1;

    /** The answer to FilingSubmitted: the department-year is locked at this revision; nothing changes it until a return. */
    public static final String FILING_LOCK_CONFIRMED = "FilingLockConfirmed";
    public static final int FILING_LOCK_CONFIRMED_VERSION = 1;

    private BudgetEvents() {
    }

    /** Payload of BasicExpenditureChanged v1: amounts in 元 as decimal strings. */
    public record BasicExpenditureChanged(String budget, String actual, String variance, String executionRate,
            long version) {
    }

    /** Payload of FilingLockConfirmed v1: which submission (filingVersion) was locked, by which service, at which revision. */
    public record FilingLockConfirmed(int filingVersion, String service, long revision) {
    }
}
