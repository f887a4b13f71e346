package io.jixiao.report.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.jixiao.platform.api.Requests;
import io.jixiao.platform.security.Caller;
import io.jixiao.report.service.PublicationService;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** 信息公开 for reviewers: publish the public version of an approved filing, or unpublish it. */
@Path("/api/v1/publications")
@Tag(name = "信息公开 Publication")
@SecurityRequirement(name = "SecurityScheme")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class PublicationResource {

    private final PublicationService service;
    private final Caller caller;

    public PublicationResource(PublicationService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "The publications of a year, published or unpublished (finance reviewer)")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "one published", value = PublicationExamples.LIST),
            schema = @Schema(type = SchemaType.ARRAY, implementation = PublicationService.PublicationResponse.class)))
    @APIResponse(responseCode = "403", description = "not a finance reviewer", content = @Content(
            mediaType = "application/problem+json", examples = @ExampleObject(name = "department user",
                    value = PublicationExamples.REVIEWER_ONLY)))
    public List<PublicationService.PublicationResponse> list(
            @Parameter(description = "财政年度", example = "2020") @QueryParam("fiscalYear") Integer fiscalYear) {
        return service.list(caller, Requests.requireYear(fiscalYear));
    }

    @POST
    @Path("/{departmentId}/{fiscalYear}/publish")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Publish the public version of an approved filing (finance reviewer; audited)",
            description = "Freezes a snapshot: the report without personal data (phone numbers, e-mail addresses, ID "
                    + "numbers and contact names masked), its figures and score, and the PDF rendered from it. version: "
                    + "the publication's version read, null for a first publish.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "first publish", value = "{\"version\":null}")))
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "published", value = PublicationExamples.PUBLISHED),
            schema = @Schema(implementation = PublicationService.PublicationResponse.class)))
    @APIResponse(responseCode = "403", description = "not a finance reviewer", content = @Content(
            mediaType = "application/problem+json", examples = @ExampleObject(name = "department user",
                    value = PublicationExamples.REVIEWER_ONLY)))
    @APIResponse(responseCode = "409", description = "the filing is not approved (a draft, under review or returned), "
            + "the report is already public, or version is not the current one", content = @Content(
                    mediaType = "application/problem+json", examples = @ExampleObject(name = "returned",
                            value = PublicationExamples.NOT_APPROVED)))
    public PublicationService.PublicationResponse publish(@PathParam("departmentId") String departmentId,
            @PathParam("fiscalYear") int fiscalYear, PublicationService.VersionInput input) {
        return service.publish(caller, departmentId, fiscalYear, input);
    }

    @POST
    @Path("/{departmentId}/{fiscalYear}/unpublish")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Unpublish: the report leaves the public API at once (finance reviewer; audited)")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "version read", value = "{\"version\":0}")))
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "unpublished", value = PublicationExamples.UNPUBLISHED),
            schema = @Schema(implementation = PublicationService.PublicationResponse.class)))
    @APIResponse(responseCode = "403", description = "not a finance reviewer", content = @Content(
            mediaType = "application/problem+json", examples = @ExampleObject(name = "department user",
                    value = PublicationExamples.REVIEWER_ONLY)))
    @APIResponse(responseCode = "409", description = "not public, or version is not the current one", content = @Content(
            mediaType = "application/problem+json", examples = @ExampleObject(name = "not public",
                    value = PublicationExamples.NOT_PUBLISHED)))
    public PublicationService.PublicationResponse unpublish(@PathParam("departmentId") String departmentId,
            @PathParam("fiscalYear") int fiscalYear, PublicationService.VersionInput input) {
        return service.unpublish(caller, departmentId, fiscalYear, input);
    }
}
