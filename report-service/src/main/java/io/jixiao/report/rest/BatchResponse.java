package io.jixiao.report.rest;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.jixiao.report.service.BatchService;

/** A batch (批量生成) as the bureau polls it: counts, percent and each department that failed, with why. */
@Schema(description = "A batch generation (批量生成) of every department's report of a year, and its progress")
public record BatchResponse(UUID id, @Schema(example = "2020") int fiscalYear,
        @Schema(enumeration = { "RUNNING", "DONE", "FAILED" }, description = "FAILED: cut off by a restart", example = "RUNNING")
        String status,
        @Schema(description = "departments with figures for the year", example = "7") int total,
        @Schema(description = "reports generated and stored", example = "3") int done,
        @Schema(description = "departments whose report could not be generated", example = "0") int failed,
        @Schema(description = "(done + failed) / total in percent, 2 decimals rounded down", example = "42.85") BigDecimal percent,
        List<BatchFailureResponse> failures,
        @Schema(example = "reviewer") String requestedBy, OffsetDateTime createdAt,
        @Schema(nullable = true) OffsetDateTime finishedAt) {

    @Schema(description = "A department whose report failed, and the reason in words")
    public record BatchFailureResponse(@Schema(example = "d0000000-0000-4000-8000-000000000001") String departmentId,
            @Schema(example = "中共长沙市望城区委政法委员会") String departmentName,
            @Schema(example = "生成失败：IllegalStateException") String message) {
    }

    static BatchResponse of(BatchService.Progress p) {
        return new BatchResponse(p.id(), p.fiscalYear(), p.status(), p.total(), p.done(), p.failed(), p.percent(),
                p.failures().stream().map(f -> new BatchFailureResponse(f.get("departmentId"), f.get("departmentName"),
                        f.get("message"))).toList(),
                p.requestedBy(), p.createdAt(), p.finishedAt());
    }
}
