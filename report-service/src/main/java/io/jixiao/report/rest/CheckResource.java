package io.jixiao.report.rest;

import java.io.InputStream;
import java.time.Duration;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.jixiao.report.checker.Finding;
import io.jixiao.report.checker.ReportChecker;
import io.jixiao.report.service.UploadedReport;
import io.jixiao.platform.problem.FieldError;
import io.jixiao.platform.problem.ProblemException;
import io.jixiao.platform.security.Roles;
import io.jixiao.report.checker.CheckDeadline;
import io.jixiao.report.config.ReportConfig;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The consistency checker on any report: a legacy or hand-written .txt or .docx. For 预算单位 and
 * 财政局 reviewers only (it is CPU work on an upload); size, rate and time are limited (CheckLimits,
 * jixiao.report.checks.*).
 */
@Path("/api/v1/checks")
@Tag(name = "一致性检查 Checker")
@SecurityRequirement(name = "SecurityScheme")
@RolesAllowed({Roles.DEPARTMENT, Roles.FINANCE_REVIEWER})
public class CheckResource {

    /** Findings listed in one answer; fatal and warnings count all of them. */
    static final int FINDINGS_LISTED = 1000;

    /** truncated: more findings than FINDINGS_LISTED; the list holds the first ones in document order. */
    @Schema(description = "The checker's findings on an uploaded report")
    public record CheckResponse(@Schema(description = "how the file was read: docx, text/utf-8 or text/gbk", example = "docx") String format,
            @Schema(description = "non-blank paragraphs read") int paragraphs,
            @Schema(description = "FATAL findings, all of them") long fatal,
            @Schema(description = "WARNING findings, all of them") long warnings,
            @Schema(description = "the first " + FINDINGS_LISTED + " findings in document order") List<FindingResponse> findings,
            @Schema(description = "true: more findings than listed") boolean truncated) {
    }

    @Inject
    ReportConfig config;

    @POST
    @Consumes({MediaType.APPLICATION_OCTET_STREAM, MediaType.TEXT_PLAIN,
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document"})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Check an uploaded report (.txt in UTF-8 or GBK, or .docx; the file as the request body)",
            description = "Returns every finding with severity, tag, section, paragraph, the text and what was expected.")
    @RequestBody(content = @Content(mediaType = MediaType.TEXT_PLAIN,
            examples = @ExampleObject(name = "a report as UTF-8 text (shortened)", value = Examples.CHECK_INPUT)))
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CheckResponse.class),
            examples = @ExampleObject(name = "the sample's defects (three of them)", value = Examples.CHECK_RESULT)))
    @APIResponse(responseCode = "400", description = "empty or corrupt file")
    @APIResponse(responseCode = "403", description = "not a 预算单位 user or a 财政局 reviewer")
    @APIResponse(responseCode = "413", description = "larger than 10 MB, or too complex to check within the time budget")
    @APIResponse(responseCode = "422", description = "a .docx without any text (a scanned report, or an empty document): "
            + "problem+json upload.no-text")
    @APIResponse(responseCode = "429", description = "too many checks by this caller; see Retry-After")
    @APIResponse(responseCode = "415", description = "not text or .docx (binary, legacy .doc, password-protected)",
            content = @Content(mediaType = "application/problem+json",
                    examples = @ExampleObject(name = "legacy .doc", value = Examples.UPLOAD_UNSUPPORTED)))
    public CheckResponse check(InputStream body) {
        // The budget starts before the upload is read and unpacked, so a slow .docx uses it up too. The check
        // stops a tenth early: the rest is for counting, writing and sending the answer, so the caller has it
        // within the budget (a 10 MB text checked just inside the whole budget was answered after 2.004 s).
        Duration budget = config.checks().timeBudget();
        CheckDeadline deadline = CheckDeadline.after(budget.minus(budget.dividedBy(10)));
        UploadedReport.Text text = UploadedReport.read(CheckLimits.read(body));
        List<Finding> findings;
        long paragraphs;
        try {
            findings = ReportChecker.check(text.text(), deadline);
            paragraphs = text.text().lines().filter(l -> !l.isBlank()).count();
            deadline.check();
        } catch (CheckDeadline.TooComplex e) {
            throw new ProblemException(413, "check.too-complex", List.of(new FieldError("file", "check.too-complex.short")),
                    budget.toSeconds());
        }
        return new CheckResponse(text.format(), (int) paragraphs,
                findings.stream().filter(f -> f.severity() == Finding.Severity.FATAL).count(),
                findings.stream().filter(f -> f.severity() == Finding.Severity.WARNING).count(),
                FindingResponse.of(findings.size() > FINDINGS_LISTED ? findings.subList(0, FINDINGS_LISTED) : findings),
                findings.size() > FINDINGS_LISTED);
    }
}
