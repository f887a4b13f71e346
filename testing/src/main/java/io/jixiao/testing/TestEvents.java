package io.jixiao.testing;

import java.util.UUID;

/**
 * Events as another service publishes them, for the consumers' tests: the envelope of platform's
 * outbox around a payload, and the small events every service's tests send (filing steps, lock
 * confirmations), each checked against its producer's JSON Schema before it is used.
 */
public final class TestEvents {

    private TestEvents() {
    }

    /** The envelope with a fresh eventId; the payload is raw JSON. */
    public static String envelope(String type, int schemaVersion, String departmentId, int fiscalYear, String actor,
            String payloadJson) {
        return envelope(UUID.randomUUID(), type, schemaVersion, "2026-11-26T09:00:00Z", departmentId, fiscalYear, actor,
                payloadJson);
    }

    /** The envelope with every field given (a test that sends the same event twice keeps its eventId). */
    public static String envelope(UUID eventId, String type, int schemaVersion, String occurredAt, String departmentId,
            int fiscalYear, String actor, String payloadJson) {
        return """
                {"eventId":"%s","type":"%s","schemaVersion":%d,"occurredAt":"%s",
                 "departmentId":"%s","fiscalYear":%d,"actor":"%s","payload":%s}"""
                .formatted(eventId, type, schemaVersion, occurredAt, departmentId, fiscalYear, actor, payloadJson);
    }

    /**
     * BudgetFiguresChanged as budget-service publishes it: the sheet after a change of {@code section}.
     * Version 1 is checked against budget-service's schema; other versions are for the "unknown version" tests.
     */
    public static String budgetFigures(UUID eventId, int schemaVersion, String departmentId, int fiscalYear, String actor,
            long revision, String section, String sheetJson) {
        String e = envelope(eventId, "BudgetFiguresChanged", schemaVersion, "2026-11-25T10:00:00Z", departmentId,
                fiscalYear, actor, "{\"revision\":%d,\"section\":\"%s\",\"sheet\":%s}".formatted(revision, section, sheetJson));
        if (schemaVersion == 1) {
            SchemaAssert.assertValid(SchemaAssert.producerSchema("budget-service", "BudgetFiguresChanged", 1), e);
        }
        return e;
    }

    /** BudgetFiguresChanged v1 with a fresh eventId. */
    public static String budgetFigures(String departmentId, int fiscalYear, String actor, long revision, String section,
            String sheetJson) {
        return budgetFigures(UUID.randomUUID(), 1, departmentId, fiscalYear, actor, revision, section, sheetJson);
    }

    /** BasicExpenditureChanged v1 as budget-service publishes it (amounts and rate as decimal text, rate may be null). */
    public static String basicExpenditure(String departmentId, int fiscalYear, String actor, String budget, String actual,
            String variance, String executionRate, long version) {
        String e = envelope(UUID.randomUUID(), "BasicExpenditureChanged", 1, "2026-11-25T10:00:00Z", departmentId,
                fiscalYear, actor, "{\"budget\":\"%s\",\"actual\":\"%s\",\"variance\":\"%s\",\"executionRate\":%s,\"version\":%d}"
                        .formatted(budget, actual, variance, executionRate == null ? "null" : "\"" + executionRate + "\"",
                                version));
        SchemaAssert.assertValid(SchemaAssert.producerSchema("budget-service", "BasicExpenditureChanged", 1), e);
        return e;
    }

    /**
     * IndicatorsComputed v1 as evaluation-service publishes it, a second after the figures it scored; the
     * payload (sourceVersion, revision, total, grade, indicators, items ...) is raw JSON.
     */
    public static String indicatorsComputed(UUID eventId, String departmentId, int fiscalYear, String payloadJson) {
        String e = envelope(eventId, "IndicatorsComputed", 1, "2026-11-25T10:00:01Z", departmentId, fiscalYear,
                "evaluation-service", payloadJson);
        SchemaAssert.assertValid(SchemaAssert.producerSchema("evaluation-service", "IndicatorsComputed", 1), e);
        return e;
    }

    /** IndicatorsComputed v1 with a fresh eventId. */
    public static String indicatorsComputed(String departmentId, int fiscalYear, String payloadJson) {
        return indicatorsComputed(UUID.randomUUID(), departmentId, fiscalYear, payloadJson);
    }

    /**
     * FilingSubmitted, FilingReturned or FilingApproved as report-service publishes them. Version 1 is
     * checked against report-service's schema; other versions are for the "unknown version" tests.
     */
    public static String filing(String type, int schemaVersion, String departmentId, int fiscalYear, int filingVersion) {
        String e = envelope(type, schemaVersion, departmentId, fiscalYear, "reviewer",
                "{\"filingVersion\":" + filingVersion + ",\"comment\":null}");
        if (schemaVersion == 1) {
            SchemaAssert.assertValid(SchemaAssert.producerSchema("report-service", type, 1), e);
        }
        return e;
    }

    /**
     * FilingLockConfirmed of budget-service ("budget") or evaluation-service ("evaluation"): the revision
     * it froze; evaluation's also names the budget revision it scored.
     */
    public static String lockConfirmed(String service, String departmentId, int fiscalYear, int filingVersion,
            long revision, long budgetRevision) {
        String e = envelope("FilingLockConfirmed", 1, departmentId, fiscalYear, service + "-service",
                "{\"filingVersion\":%d,\"service\":\"%s\",\"revision\":%d%s}".formatted(filingVersion, service, revision,
                        "evaluation".equals(service) ? ",\"budgetRevision\":" + budgetRevision : ""));
        SchemaAssert.assertValid(SchemaAssert.producerSchema(service + "-service", "FilingLockConfirmed", 1), e);
        return e;
    }

    /** Sends the event keyed by its department-year, as the producers' relays do. */
    public static void send(String topic, String departmentId, int fiscalYear, String event) {
        TopicReader.send(topic, departmentId + ":" + fiscalYear, event);
    }
}
