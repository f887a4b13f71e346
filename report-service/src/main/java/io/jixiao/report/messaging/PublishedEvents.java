package io.jixiao.report.messaging;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The event types report-service publishes on report.events (through the outbox), with their payloads;
 * their JSON schemas are src/main/resources/schemas/*.v1.json and docs/contracts.md describes them.
 */
public final class PublishedEvents {

    public static final String FILING_SUBMITTED = "FilingSubmitted";
    public static final String FILING_RETURNED = "FilingReturned";
    public static final String FILING_APPROVED = "FilingApproved";
    public static final String REPORT_GENERATED = "ReportGenerated";
    /** An in-app notice (站内通知) to a department. */
    public static final String ROUND_NOTICE = "RoundNotice";

    private PublishedEvents() {
    }

    /** FilingSubmitted, FilingReturned, FilingApproved. */
    public record FilingStepPayload(int filingVersion, String comment) {
    }

    /** ReportGenerated: one department-year's documents of a batch (预生成). */
    public record ReportGeneratedPayload(UUID jobId, long sheetRevision, Long scoreRevision, String score, String grade,
            String docxSha256, String pdfSha256, long fatal, long warnings) {
    }

    public record RoundNoticePayload(long noticeId, Long roundId, String kind, LocalDate deadline, String comment) {
    }
}
