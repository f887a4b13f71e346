package io.jixiao.evaluation;

import io.jixiao.evaluation.scoring.SampleSheet;
import io.jixiao.testing.TestEvents;
import io.jixiao.testing.TopicReader;

/** Events as the producing services publish them, each checked against the producer's JSON Schema. */
public final class Events {

    private Events() {
    }

    /** BudgetFiguresChanged v1 for any department and year with the sample department's 2020 figures. */
    public static String budget(String departmentId, int year, long revision, String basicActual) {
        String sheet = SampleSheet.sample2020(departmentId, revision, revision, basicActual)
                .replace("\"fiscalYear\":2020", "\"fiscalYear\":" + year);
        return TestEvents.budgetFigures(departmentId, year, "clerk", revision, "basic_expenditure", sheet);
    }

    /** FilingSubmitted / FilingReturned / FilingApproved as report-service publishes them (schemaVersion 1 is validated). */
    public static String filing(String type, int schemaVersion, String departmentId, int year, int filingVersion) {
        return TestEvents.filing(type, schemaVersion, departmentId, year, filingVersion);
    }

    public static void publishBudget(String departmentId, int year, String event) {
        TopicReader.send("budget.events", departmentId + ":" + year, event);
    }

    public static void publishFiling(String departmentId, int year, String event) {
        TopicReader.send("report.events", departmentId + ":" + year, event);
    }
}
