package io.jixiao.report.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.jixiao.platform.api.Requests;
import io.jixiao.platform.security.Caller;
import io.jixiao.report.assembly.HtmlRenderer;
import io.jixiao.report.domain.Narrative;
import io.jixiao.report.service.ReportDocuments;
import io.jixiao.report.service.ReportService;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.quarkus.security.Authenticated;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The self-evaluation report of a department-year: assembled from the data, checked, previewed. */
@Path("/api/v1/reports/{departmentId}/{fiscalYear}")
@Tag(name = "自评报告 Report")
@SecurityRequirement(name = "SecurityScheme")
@Authenticated
public class ReportResource {

    private final ReportService service;
    private final ReportDocuments documents;
    private final Caller caller;

    public ReportResource(ReportService service, ReportDocuments documents, Caller caller) {
        this.service = service;
        this.documents = documents;
        this.caller = caller;
    }

    /** The narrative as saved; problemRef of a measure is the number of the problem (1 = 问题一) it answers. */
    @Schema(description = "The department's own words in the report (三 目标与成效, 四 问题, 五 措施, 六 其他)")
    public record NarrativeResponse(String goals, String achievements, List<Narrative.Problem> problems,
            List<Narrative.Measure> measures, String other,
            @Schema(nullable = true, description = "null: nothing saved yet") Long version,
            @Schema(nullable = true, description = "who saved last, null: nothing saved yet") String updatedBy) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The report (outline 一 … 六, unit, date, annexes) with the checker's findings")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ReportResponse.class),
            examples = @ExampleObject(name = "2020 (shortened)", value = Examples.REPORT)))
    @APIResponse(responseCode = "404", description = "No figures received for this year yet", content = @Content(
            mediaType = "application/problem+json", examples = @ExampleObject(name = "no figures", value = Examples.NOT_FOUND_REPORT)))
    @APIResponse(responseCode = "403", description = "Another department", content = @Content(
            mediaType = "application/problem+json", examples = @ExampleObject(name = "another department", value = Examples.FORBIDDEN_DEPARTMENT)))
    public ReportResponse get(@PathParam("departmentId") String d, @PathParam("fiscalYear") int y) {
        return ReportResponse.of(service.assemble(caller, d, y));
    }

    @GET
    @Path("/preview")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The report as an HTML page, laid out like the printed document")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.TEXT_HTML,
            schema = @Schema(type = SchemaType.STRING), examples = @ExampleObject(name = "2020 (shortened)", value = Examples.PREVIEW)))
    @APIResponse(responseCode = "404", description = "No figures received for this year yet", content = @Content(
            mediaType = "application/problem+json", examples = @ExampleObject(name = "no figures", value = Examples.NOT_FOUND_REPORT)))
    @APIResponse(responseCode = "403", description = "Another department", content = @Content(
            mediaType = "application/problem+json", examples = @ExampleObject(name = "another department", value = Examples.FORBIDDEN_DEPARTMENT)))
    public String preview(@PathParam("departmentId") String d, @PathParam("fiscalYear") int y) {
        return HtmlRenderer.render(service.report(caller, d, y));
    }

    @GET
    @Path("/report.docx")
    @Produces(ReportDocuments.DOCX)
    @Operation(summary = "The report as an editable Word document (A4, 公文 layout)")
    @APIResponse(responseCode = "200", description = "the .docx file",
            content = @Content(mediaType = ReportDocuments.DOCX, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", description = "No figures received for this year yet", content = @Content(
            mediaType = "application/problem+json", examples = @ExampleObject(name = "no figures", value = Examples.NOT_FOUND_REPORT)))
    @APIResponse(responseCode = "403", description = "Another department", content = @Content(
            mediaType = "application/problem+json", examples = @ExampleObject(name = "another department", value = Examples.FORBIDDEN_DEPARTMENT)))
    public Response docx(@PathParam("departmentId") String d, @PathParam("fiscalYear") int y) {
        return file(documents.docx(service.report(caller, d, y)), ReportDocuments.DOCX,
                "report-" + d + "-" + y + ".docx");
    }

    @GET
    @Path("/report.pdf")
    @Produces(ReportDocuments.PDF)
    @Operation(summary = "The report as a PDF with its Chinese fonts embedded (renders the same on any machine)",
            description = "Same text and figures as the preview and the DOCX; A4, 公文 layout, page numbers.")
    @APIResponse(responseCode = "200", description = "the .pdf file",
            content = @Content(mediaType = ReportDocuments.PDF, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", description = "No figures received for this year yet", content = @Content(
            mediaType = "application/problem+json", examples = @ExampleObject(name = "no figures", value = Examples.NOT_FOUND_REPORT)))
    @APIResponse(responseCode = "403", description = "Another department", content = @Content(
            mediaType = "application/problem+json", examples = @ExampleObject(name = "another department", value = Examples.FORBIDDEN_DEPARTMENT)))
    @APIResponse(responseCode = "503", description = "A configured PDF font is missing (the problem names the file and the Debian package)",
            content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(name = "fonts missing",
                    value = "{\"status\":503,\"code\":\"report.pdf-fonts-missing\",\"detail\":\"PDF 字体缺失：/usr/share/fonts/truetype/arphic/uming.ttc（请安装 fonts-arphic-uming）。\"}")))
    public Response pdf(@PathParam("departmentId") String d, @PathParam("fiscalYear") int y) {
        return file(documents.pdf(service.report(caller, d, y)), ReportDocuments.PDF,
                "report-" + d + "-" + y + ".pdf");
    }

    @GET
    @Path("/score.xlsx")
    @Produces(ReportDocuments.XLSX)
    @Operation(summary = "The scoring table (评分表): every indicator with points, value, score, the total and the grade, as a spreadsheet")
    @APIResponse(responseCode = "200", description = "the .xlsx file; figures are numbers, 数据缺失 shows as —",
            content = @Content(mediaType = ReportDocuments.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", description = "No figures or no score yet", content = @Content(
            mediaType = "application/problem+json", examples = @ExampleObject(name = "no figures", value = Examples.NOT_FOUND_REPORT)))
    public Response scoreXlsx(@PathParam("departmentId") String d, @PathParam("fiscalYear") int y) {
        return file(documents.scoreXlsx(service.report(caller, d, y)), ReportDocuments.XLSX,
                "score-" + d + "-" + y + ".xlsx");
    }

    static Response file(byte[] bytes, String type, String name) {
        return Response.ok(bytes, type).header("Content-Disposition", Requests.attachment(name)).build();
    }

    @GET
    @Path("/narrative")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The department's own words in the report (三 目标与成效, 四 问题, 五 措施, 六 其他)",
            description = "problems: the items of 四 (text, optional cause); measures: the items of 五, each with problemRef, "
                    + "the number of the problem it answers (1 = 问题一). version null: nothing saved yet.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = NarrativeResponse.class), examples = @ExampleObject(name = "2020", value = Examples.NARRATIVE)))
    @APIResponse(responseCode = "403", description = "Another department", content = @Content(
            mediaType = "application/problem+json", examples = @ExampleObject(name = "another department", value = Examples.FORBIDDEN_DEPARTMENT)))
    public NarrativeResponse narrative(@PathParam("departmentId") String d, @PathParam("fiscalYear") int y) {
        return view(service.narrative(caller, d, y));
    }

    @PUT
    @Path("/narrative")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Save the narrative (own department; send the version read)",
            description = "goals, achievements, other: plain text, paragraphs separated by blank lines. problems: 四 as items "
                    + "{text, cause}; measures: 五 as items {text, problemRef}, problemRef the 1-based number of an existing "
                    + "problem. The report numbers the items and prints each measure with the problem it answers "
                    + "(“（针对问题一）”). Every changed item field is audited.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "two problems, three measures", value = Examples.NARRATIVE_INPUT)))
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = NarrativeResponse.class), examples = @ExampleObject(name = "saved", value = Examples.NARRATIVE)))
    @APIResponse(responseCode = "400", description = "Invalid items, each with its field path (e.g. measures[2].problemRef); nothing stored",
            content = @Content(mediaType = "application/problem+json",
                    examples = @ExampleObject(name = "measure names no existing problem", value = Examples.NARRATIVE_INVALID)))
    @APIResponse(responseCode = "403", description = "Another department", content = @Content(
            mediaType = "application/problem+json", examples = @ExampleObject(name = "another department", value = Examples.FORBIDDEN_DEPARTMENT)))
    @APIResponse(responseCode = "409", description = "Stale version: someone saved in between", content = @Content(
            mediaType = "application/problem+json", examples = @ExampleObject(name = "stale version", value = Examples.VERSION_CONFLICT)))
    public NarrativeResponse saveNarrative(@PathParam("departmentId") String d, @PathParam("fiscalYear") int y,
            @NotNull ReportService.NarrativeInput input) {
        return view(service.saveNarrative(caller, d, y, input));
    }

    private static NarrativeResponse view(Narrative n) {
        return n == null ? new NarrativeResponse("", "", List.of(), List.of(), "", null, null)
                : new NarrativeResponse(n.goals, n.achievements, n.problems, n.measures, n.otherNotes, n.version, n.updatedBy);
    }
}
