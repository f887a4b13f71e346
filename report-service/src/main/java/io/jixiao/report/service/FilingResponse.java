package io.jixiao.report.service;

import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A department-year's filing as the API answers it: status, the submitted versions and every step. */
@Schema(name = "Filing")
public record FilingResponse(String departmentId, int fiscalYear,
        @Schema(description = "DRAFT, SUBMITTING, SUBMITTED, RETURNED or APPROVED") String status,
        @Schema(nullable = true, description = "null before the first submission") Integer latestVersion,
        List<Version> versions, List<Step> history) {

    @Schema(name = "FilingVersionSummary")
    public record Version(int number, OffsetDateTime submittedAt, String submittedBy, String contentHash,
            long sheetRevision, @Schema(nullable = true) Long evaluationRevision, Documents documents) {
    }

    /** SHA-256 of the documents as submitted; null for a version submitted before documents were frozen. */
    @Schema(name = "FilingVersionDocuments")
    public record Documents(@Schema(nullable = true) String html, @Schema(nullable = true) String docx,
            @Schema(nullable = true) String pdf) {
    }

    @Schema(name = "FilingStep")
    public record Step(@Schema(description = "SUBMITTED, RETURNED or APPROVED") String step, int filingVersion,
            String actor, OffsetDateTime at, @Schema(nullable = true) String comment) {
    }
}
