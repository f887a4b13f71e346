package io.jixiao.report.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.jixiao.platform.security.Caller;
import io.jixiao.report.service.NoticeService;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** 站内通知: the caller's department's notices (round opened, 7 days and 1 day left, extended, returned, approved). */
@Path("/api/v1/notices")
@Tag(name = "年度自评工作 Rounds")
@SecurityRequirement(name = "SecurityScheme")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class NoticeResource {

    static final int LIMIT = 50;

    private final NoticeService service;
    private final Caller caller;

    public NoticeResource(NoticeService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "The caller's department's latest 50 notices, newest first (bureau users have none)")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "a reminder", value = SeasonExamples.NOTICES),
            schema = @Schema(type = SchemaType.ARRAY, implementation = NoticeService.NoticeResponse.class)))
    public List<NoticeService.NoticeResponse> list() {
        return service.notices(caller, LIMIT);
    }

    @POST
    @Path("/{id}/read")
    @Operation(summary = "Mark one of the own department's notices read")
    @APIResponse(responseCode = "204", description = "read")
    @APIResponse(responseCode = "404", description = "no such notice of the caller's department", content = @Content(
            mediaType = "application/problem+json", examples = @ExampleObject(name = "not found", value = SeasonExamples.NOTICE_NOT_FOUND)))
    public Response read(@PathParam("id") long id) {
        service.markRead(caller, id);
        return Response.noContent().build();
    }
}
