package io.jixiao.evaluation;

import java.util.UUID;

import io.jixiao.evaluation.scoring.SampleSheet;
import io.jixiao.testing.SchemaAssert;
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
        String e = """
                {"eventId":"%s","type":"BudgetFiguresChanged","schemaVersion":1,"occurredAt":"2026-11-25T10:00:00Z",
                 "departmentId":"%s","fiscalYear":%d,"actor":"clerk",
                 "payload":{"revision":%d,"section":"basic_expenditure","sheet":%s}}"""
                .formatted(UUID.randomUUID(), departmentId, year, revision, sheet);
        SchemaAssert.assertValid(SchemaAssert.producerSchema("budget-service", "BudgetFiguresChanged", 1), e);
        return e;
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
