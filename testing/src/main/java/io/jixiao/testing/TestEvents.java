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
        return """
                {"eventId":"%s","type":"%s","schemaVersion":%d,"occurredAt":"2026-11-26T09:00:00Z",
                 "departmentId":"%s","fiscalYear":%d,"actor":"%s","payload":%s}"""
                .formatted(UUID.randomUUID(), type, schemaVersion, departmentId, fiscalYear, actor, payloadJson);
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
