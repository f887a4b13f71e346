package io.jixiao.report.rest;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.jixiao.report.rest.ReportResponse.ReportDocumentResponse;
import io.jixiao.report.service.PublicationService;

/**
 * GET /public/reports/{id}: a published report as published. The service reads the stored public version
 * into the assembly's Report; this mirrors it for the contract, field for field (as ReportResponse does).
 */
@Schema(name = "PublicReport", description = "信息公开: one published report without personal data, with its total and grade")
public record PublicReportResponse(@Schema(example = "5") long id, @Schema(example = "2020") int fiscalYear,
        @Schema(example = "中共长沙市望城区委政法委员会") String departmentName,
        @Schema(nullable = true, description = "the score's total; null without a score", example = "86.5") BigDecimal total,
        @Schema(nullable = true, example = "良") String grade, OffsetDateTime publishedAt,
        @Schema(example = "/api/v1/public/reports/5/pdf") String pdfUrl, ReportDocumentResponse report) {

    static PublicReportResponse of(PublicationService.PublicContent c) {
        return new PublicReportResponse(c.id(), c.fiscalYear(), c.departmentName(), c.total(), c.grade(), c.publishedAt(),
                c.pdfUrl(), ReportDocumentResponse.of(c.report()));
    }
}
