package io.jixiao.budget.rest;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.jixiao.platform.api.Requests;
import io.jixiao.budget.domain.ImportJob;
import io.jixiao.budget.imports.ImportLayout;
import io.jixiao.budget.imports.ImportService;
import io.jixiao.budget.imports.YearWorkbook;
import io.jixiao.budget.service.SpendingLines;
import io.jixiao.budget.imports.ImportTemplate;
import io.jixiao.budget.service.BudgetSheet;
import io.jixiao.platform.problem.FieldError;
import io.jixiao.platform.problem.Messages;
import io.jixiao.platform.problem.ProblemException;
import io.jixiao.platform.security.Caller;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

/** Excel/CSV: the template, imports as background jobs, the XLSX export, and the 支出明细 read page by page. */
@Path("/api/v1/budgets")
@Tag(name = "导入导出 Excel/CSV import and export")
@SecurityRequirement(name = "SecurityScheme")
@Authenticated
@Blocking
public class ImportResource {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final ImportService imports;
    private final ImportTemplate template;
    private final YearWorkbook workbook;
    private final SpendingLines lines;
    private final Caller caller;

    public ImportResource(ImportService imports, ImportTemplate template, YearWorkbook workbook, SpendingLines lines,
            Caller caller) {
        this.imports = imports;
        this.template = template;
        this.workbook = workbook;
        this.lines = lines;
        this.caller = caller;
    }

    @GET
    @Path("/import-template")
    @Produces({XLSX, "text/csv"})
    @Operation(summary = "Download the import template (基本支出, 项目支出, 支出明细) with Chinese headers and an example row",
            description = "format=xlsx (default): one workbook with a 填写说明 sheet and the three data sheets; the row "
                    + "whose 序号 is 示例 is skipped on import. format=csv with sheet=basic|projects|lines: that sheet "
                    + "as CSV (UTF-8 with BOM); a CSV is recognised on import by its header row, in UTF-8 or GBK.")
    @APIResponse(responseCode = "200", description = "the template", content = {
            @Content(mediaType = XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING), examples = @ExampleObject(name = "lines",
                    value = "序号,支付日期,项目名称,经济分类/用途,支付方式,金额（元）,摘要\r\n"
                            + "示例,2020-03-15,平安望城意外伤害及监护人责任保险,保险费,单位自有,52800.00,一季度意外伤害保险保费\r\n")) })
    @APIResponse(responseCode = "400", description = "unknown format or sheet",
            content = @Content(mediaType = "application/problem+json"))
    public Response template(
            @Parameter(description = "xlsx or csv", example = "xlsx") @QueryParam("format") @DefaultValue("xlsx") String format,
            @Parameter(description = "with format=csv: basic, projects or lines", example = "lines") @QueryParam("sheet") String sheet) {
        if ("xlsx".equals(format)) {
            StreamingOutput body = template::templateXlsx;
            return Response.ok(body, XLSX).header("Content-Disposition", Requests.attachment("预算支出导入模板.xlsx")).build();
        }
        if (!"csv".equals(format)) {
            throw new ProblemException(400, "request.invalid", List.of(new FieldError("format", "import.template.format")));
        }
        ImportLayout.Kind kind = ImportLayout.Kind.byKey(sheet == null ? "" : sheet).orElseThrow(
                () -> new ProblemException(400, "request.invalid", List.of(new FieldError("sheet", "import.template.sheet"))));
        StreamingOutput body = out -> template.templateCsv(kind, out);
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header("Content-Disposition", Requests.attachment(kind.sheetName + "导入模板.csv")).build();
    }

    @io.jixiao.platform.security.OwnDepartmentWrite
    @POST
    @Path("/{departmentId}/{fiscalYear}/imports")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import an Excel (.xlsx) or CSV file into the department-year, as a background job",
            description = "The file type is read from the content, not the name. The upload is checked at once "
                    + "(empty, too large, not a spreadsheet, unknown encoding or layout: problem+json). The job then "
                    + "validates every row of every sheet and saves all or nothing in one transaction: 基本支出 and "
                    + "项目支出 (by name) are updated, the year's 支出明细 are replaced. Poll the Location for progress "
                    + "and errors. Optional form field revision: the sheet revision the file was based on (409 in the "
                    + "job when it changed meanwhile).")
    @APIResponse(responseCode = "202", description = "queued; Location is the job",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ImportJobResponse.class),
                    examples = @ExampleObject(name = "queued", value = "{\"id\":\"5f0c6c1e-7c1a-4d0e-9a53-2f1f3f0b8e11\","
                            + "\"departmentId\":\"d0000000-0000-4000-8000-000000000001\",\"fiscalYear\":2020,"
                            + "\"fileName\":\"2020年支出明细.xlsx\",\"fileType\":\"XLSX\",\"fileBytes\":183422,"
                            + "\"state\":\"QUEUED\",\"phase\":null,\"totalRows\":null,\"processedRows\":0,\"percent\":0,"
                            + "\"errorCount\":0,\"errors\":[],\"failure\":null,\"summary\":null}")))
    @APIResponse(responseCode = "400", description = "empty file, damaged .xlsx, no known sheet, unknown CSV layout",
            content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(name = "empty",
                    value = "{\"type\":\"urn:jixiao:problem:upload.empty\",\"title\":\"请求有误\",\"status\":400,"
                            + "\"detail\":\"上传的文件是空的。\",\"code\":\"upload.empty\",\"errors\":[{\"field\":\"file\",\"message\":\"文件是空的。\"}]}")))
    @APIResponse(responseCode = "403", description = "not the caller's department (only its own members import)")
    @APIResponse(responseCode = "409", description = "the year's filing is submitted (locked), or an import of this "
            + "department is already waiting (one runs and one waits per department)")
    @APIResponse(responseCode = "413", description = "larger than the limit (default 20 MB)",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "503", description = "the import queue (or its disk budget) is full; retry after Retry-After seconds",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "415", description = "not XLSX or CSV: a legacy .xls, a password-protected workbook, "
            + "a binary file, text in an encoding other than UTF-8 or GBK",
            content = @Content(mediaType = "application/problem+json"))
    public Response upload(@PathParam("departmentId") String departmentId, @PathParam("fiscalYear") int fiscalYear,
            @RestForm("file") @Schema(type = SchemaType.STRING, format = "binary") FileUpload file,
            @RestForm("revision") Long revision, @Context HttpHeaders headers) {
        if (file == null || file.uploadedFile() == null) {
            throw new ProblemException(400, "request.invalid", List.of(new FieldError("file", "import.file.required")));
        }
        ImportJob job;
        try {
            job = imports.submit(caller, departmentId, fiscalYear, file.uploadedFile(), file.fileName(), revision);
        } catch (io.jixiao.budget.imports.ImportQueue.Full full) {
            // a problem with Retry-After, which a ProblemException alone cannot carry
            java.util.Locale locale = Messages.of(headers);
            io.jixiao.platform.problem.Problem body = new io.jixiao.platform.problem.Problem(
                    "urn:jixiao:problem:" + full.code(), Messages.text(locale, "status.503"), 503,
                    Messages.text(locale, full.code(), full.retryAfterSeconds()),
                    "/api/v1/budgets/" + departmentId + "/" + fiscalYear + "/imports", full.code(),
                    List.of(new FieldError("file", Messages.text(locale, full.code() + ".short"))));
            return Response.status(503).type(io.jixiao.platform.problem.Problem.MEDIA_TYPE)
                    .header("Retry-After", full.retryAfterSeconds()).entity(body).build();
        }
        return Response.accepted(ImportJobResponse.of(job, Messages.of(headers)))
                .location(URI.create("/api/v1/budgets/" + departmentId + "/" + fiscalYear + "/imports/" + job.id))
                .build();
    }

    @GET
    @Path("/{departmentId}/{fiscalYear}/imports/{jobId}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "State, progress and errors of an import job",
            description = "percent runs over both phases (validating 0–49, saving 50–99, finished 100). A FAILED job "
                    + "lists every kept error with sheet, row, column and a message in the caller's language; "
                    + "nothing of the file was saved.")
    @APIResponse(responseCode = "200", description = "the job",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ImportJobResponse.class),
                    examples = @ExampleObject(name = "one bad row", value = "{\"state\":\"FAILED\",\"percent\":100,"
                            + "\"errorCount\":1,\"errors\":[{\"sheet\":\"支出明细\",\"row\":7,\"column\":\"F\","
                            + "\"header\":\"金额（元）\",\"code\":\"import.amount.negative\",\"message\":\"金额不能为负数。\"}],"
                            + "\"failure\":{\"code\":\"import.invalid\",\"message\":\"文件中有 1 处错误，未导入任何数据：请按错误列表修改后重新导入。\"}}")))
    @APIResponse(responseCode = "404", description = "no such job for this department-year")
    public ImportJobResponse job(@PathParam("departmentId") String departmentId, @PathParam("fiscalYear") int fiscalYear,
            @PathParam("jobId") UUID jobId, @Context HttpHeaders headers) {
        return ImportJobResponse.of(imports.get(caller, departmentId, fiscalYear, jobId),
                Messages.of(headers));
    }

    @GET
    @Path("/{departmentId}/{fiscalYear}/imports")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The department-year's last 20 imports, newest first")
    @APIResponse(responseCode = "200", description = "jobs",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(type = SchemaType.ARRAY, implementation = ImportJobResponse.class),
                    examples = @ExampleObject(name = "one",
                    value = "[{\"id\":\"5f0c6c1e-7c1a-4d0e-9a53-2f1f3f0b8e11\",\"state\":\"SUCCEEDED\",\"percent\":100,"
                            + "\"summary\":{\"linesSaved\":100000,\"linesTotal\":\"5012345.00\",\"revision\":7}}]")))
    public List<ImportJobResponse> jobs(@PathParam("departmentId") String departmentId,
            @PathParam("fiscalYear") int fiscalYear, @Context HttpHeaders headers) {
        var locale = Messages.of(headers);
        return imports.recent(caller, departmentId, fiscalYear).stream().map(j -> ImportJobResponse.of(j, locale)).toList();
    }

    @GET
    @Path("/{departmentId}/{fiscalYear}/workbook")
    @Produces(XLSX)
    @Operation(summary = "Export the department-year to Excel: 汇总 (万元, totals, checks), 基本支出, 项目支出, 支出明细 (元), 差异原因",
            description = "Streamed (SXSSF). The 基本支出/项目支出/支出明细 sheets use the import layout plus derived "
                    + "columns, so a corrected export can be imported again.")
    @APIResponse(responseCode = "200", description = "the workbook",
            content = @Content(mediaType = XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "403", description = "another department's year")
    public Response workbook(@PathParam("departmentId") String departmentId, @PathParam("fiscalYear") int fiscalYear) {
        BudgetSheet sheet = workbook.sheetFor(caller, departmentId, fiscalYear);
        StreamingOutput body = out -> workbook.exportXlsx(sheet, out);
        String code = sheet.department() == null ? departmentId : sheet.department().code();
        return Response.ok(body, XLSX).header("Content-Disposition", Requests.attachment(code + "-" + fiscalYear + ".xlsx")).build();
    }

    @GET
    @Path("/{departmentId}/{fiscalYear}/spending-lines")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "支出明细 of the year, in file order, keyset-paginated (follow nextCursor until null)")
    @APIResponse(responseCode = "200", description = "a page",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SpendingLines.Page.class), examples = @ExampleObject(name = "page",
                    value = "{\"items\":[{\"lineNo\":1,\"paidOn\":\"2020-03-15\",\"projectId\":12,"
                            + "\"project\":\"平安望城意外伤害及监护人责任保险\",\"economicClass\":\"保险费\",\"channel\":\"OWN\","
                            + "\"amount\":\"52800.00\",\"description\":\"一季度保费\"}],\"nextCursor\":\"MTAw\"}")))
    public SpendingLines.Page spendingLines(@PathParam("departmentId") String departmentId,
            @PathParam("fiscalYear") int fiscalYear, @QueryParam("cursor") String cursor,
            @Parameter(description = "1..1000") @QueryParam("limit") @DefaultValue("100") int limit) {
        return lines.page(caller, departmentId, fiscalYear, cursor, limit);
    }
}
