package io.jixiao.report.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.jixiao.report.checker.Finding;
import io.jixiao.report.checker.ReportChecker;
import io.jixiao.report.service.UploadedReport;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The consistency checker on any report: a legacy or hand-written .txt or .docx. */
@Path("/api/v1/checks")
@Tag(name = "一致性检查 Checker")
@SecurityRequirement(name = "SecurityScheme")
@Authenticated
public class CheckResource {

    public record CheckResult(String format, int paragraphs, long fatal, long warnings, List<Finding> findings) {
    }

    @POST
    @Consumes({MediaType.APPLICATION_OCTET_STREAM, MediaType.TEXT_PLAIN,
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document"})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Check an uploaded report (.txt in UTF-8 or GBK, or .docx; the file as the request body)",
            description = "Returns every finding with severity, tag, section, paragraph, the text and what was expected.")
    @RequestBody(content = @Content(mediaType = MediaType.TEXT_PLAIN,
            examples = @ExampleObject(name = "a report as UTF-8 text (shortened)", value = Examples.CHECK_INPUT)))
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "the sample's defects (three of them)", value = Examples.CHECK_RESULT)))
    @APIResponse(responseCode = "400", description = "empty or corrupt file")
    @APIResponse(responseCode = "413", description = "larger than 10 MB")
    @APIResponse(responseCode = "415", description = "not text or .docx (binary, legacy .doc, password-protected)",
            content = @Content(mediaType = "application/problem+json",
                    examples = @ExampleObject(name = "legacy .doc", value = Examples.UPLOAD_UNSUPPORTED)))
    public CheckResult check(byte[] body) {
        UploadedReport.Text text = UploadedReport.read(body);
        List<Finding> findings = ReportChecker.check(text.text());
        long paragraphs = text.text().lines().filter(l -> !l.isBlank()).count();
        return new CheckResult(text.format(), (int) paragraphs,
                findings.stream().filter(f -> f.severity() == Finding.Severity.FATAL).count(),
                findings.stream().filter(f -> f.severity() == Finding.Severity.WARNING).count(), findings);
    }
}
