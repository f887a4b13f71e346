package io.jixiao.report.rest;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.jixiao.platform.security.Caller;
import io.jixiao.report.service.ReportSectionService;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("/api/v1/reports/{departmentId}/{fiscalYear}/sections")
@Tag(name = "自评报告 Report")
@SecurityRequirement(name = "SecurityScheme")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ReportSectionResource {

    private final ReportSectionService service;
    private final Caller caller;

    public ReportSectionResource(ReportSectionService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @Path("/basic-expenditure")
    @Operation(summary = "二、(一) 基本支出: the paragraph of the report, generated from the data")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ReportSectionService.SectionResponse.class), examples = @ExampleObject(name = "2020", value = Examples.SECTION)))
    @APIResponse(responseCode = "404", description = "No budget figures received for this year yet", content = @Content(
            mediaType = "application/problem+json", examples = @ExampleObject(name = "no figures", value = Examples.SECTION_NOT_FOUND)))
    public ReportSectionService.SectionResponse basicExpenditure(@PathParam("departmentId") String departmentId,
            @PathParam("fiscalYear") int fiscalYear) {
        return service.basicExpenditure(caller, departmentId, fiscalYear);
    }
}
