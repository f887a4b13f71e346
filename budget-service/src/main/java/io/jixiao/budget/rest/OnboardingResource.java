package io.jixiao.budget.rest;

import java.net.URI;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.jixiao.budget.rest.OnboardingInput;
import io.jixiao.budget.service.OnboardingService;
import io.jixiao.platform.security.Caller;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Onboarding of a 预算单位 by an admin: the department and its first Keycloak user, both or neither. */
@Path("/api/v1/departments")
@Tag(name = "预算单位 Departments")
@SecurityRequirement(name = "SecurityScheme")
@Authenticated
@Blocking
public class OnboardingResource {

    private final OnboardingService service;
    private final Caller caller;

    public OnboardingResource(OnboardingService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @Schema(name = "OnboardingResult")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record OnboardingResult(DepartmentResponse department, User user) {
        @Schema(name = "OnboardingResultUser")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        public record User(@Schema(example = "0b6f7a52-3c55-4f43-9a57-2f57a4b7d1c3") String id,
                @Schema(example = "sjj") String username,
                @Schema(description = "the user must change the password at the first login") boolean temporaryPassword,
                @Schema(description = "only when generated: shown this once, never stored here", example = "k7Qm-3xRt-Pw9a-Hn2e")
                String initialPassword) {
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Onboard a department with its first user (role admin)",
            description = "Creates the 预算单位 and a Keycloak user in realm jixiao with realm role department and "
                    + "attribute department_id (mapped into the token's department_id claim). Both or neither: an "
                    + "existing username or code is a 409 and leaves nothing behind.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = OnboardingInput.class),
            examples = @ExampleObject(name = "audit bureau", value = "{\"code\":\"408001\",\"name\":\"长沙市望城区审计局\","
                    + "\"jurisdiction\":\"望城区\",\"firstFiscalYear\":2020,\"duties\":[\"负责全区审计监督工作\"],"
                    + "\"divisions\":[\"办公室\",\"财政审计股\"],\"user\":{\"username\":\"sjj\",\"email\":\"sjj@wangcheng.example\","
                    + "\"firstName\":\"审计\",\"lastName\":\"孙\"}}")))
    @APIResponse(responseCode = "201", description = "created; Location is the department",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = OnboardingResult.class),
                    examples = @ExampleObject(name = "created", value = "{\"department\":{\"id\":\"5d1c2b3a-0f4e-4c6d-8a7b-9e0f1a2b3c4d\","
                            + "\"code\":\"408001\",\"name\":\"长沙市望城区审计局\",\"jurisdiction\":\"望城区\",\"firstFiscalYear\":2020,"
                            + "\"duties\":[\"负责全区审计监督工作\"],\"divisions\":[\"办公室\",\"财政审计股\"],\"version\":0},"
                            + "\"user\":{\"id\":\"0b6f7a52-3c55-4f43-9a57-2f57a4b7d1c3\",\"username\":\"sjj\","
                            + "\"temporaryPassword\":true,\"initialPassword\":\"k7Qm-3xRt-Pw9a-Hn2e\"}}")))
    @APIResponse(responseCode = "400", description = "a field is missing or malformed (errors[].field names it)",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "403", description = "not an admin", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "409", description = "the username or the department code exists already; nothing was created",
            content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(name = "user exists",
                    value = "{\"type\":\"urn:jixiao:problem:onboarding.user-exists\",\"title\":\"数据冲突\",\"status\":409,"
                            + "\"detail\":\"用户名 zfw 已被使用：请换一个用户名。未创建任何单位或用户。\",\"code\":\"onboarding.user-exists\","
                            + "\"errors\":[{\"field\":\"user.username\",\"message\":\"用户名已存在。\"}]}")))
    @APIResponse(responseCode = "503", description = "Keycloak unreachable or the admin client not configured",
            content = @Content(mediaType = "application/problem+json"))
    public Response onboard(OnboardingInput input) {
        OnboardingService.Result r = service.onboard(caller, input);
        OnboardingResult body = new OnboardingResult(DepartmentResponse.of(r.department()),
                new OnboardingResult.User(r.userId(), r.username(), r.temporaryPassword(), r.generatedPassword()));
        return Response.created(URI.create("/api/v1/departments/" + r.department().id)).entity(body).build();
    }
}
