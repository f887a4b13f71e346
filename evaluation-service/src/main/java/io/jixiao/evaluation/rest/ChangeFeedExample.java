package io.jixiao.evaluation.rest;

import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * The change feed operation is declared once in platform's ChangeFeedResource; its items differ per service,
 * so this service adds its own example (IndicatorsComputed) to the document at build time.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ChangeFeedExample implements OASFilter {

    static final String PATH = "/api/v1/evaluations/changes";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        PathItem item = openAPI.getPaths() == null ? null : openAPI.getPaths().getPathItem(PATH);
        APIResponse ok = item == null || item.getGET() == null || item.getGET().getResponses() == null ? null
                : item.getGET().getResponses().getAPIResponse("200");
        MediaType json = ok == null || ok.getContent() == null ? null
                : ok.getContent().getMediaType(jakarta.ws.rs.core.MediaType.APPLICATION_JSON);
        if (json == null) {
            throw new IllegalStateException("the change feed operation " + PATH + " is not in the OpenAPI document");
        }
        json.addExample("one IndicatorsComputed", OASFactory.createExample().summary("payload shortened").value(parse()));
    }

    private static Object parse() {
        try {
            return new ObjectMapper().readValue(Examples.CHANGES, Map.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Examples.CHANGES is not JSON", e);
        }
    }
}
