package io.jixiao.testing;

import static io.restassured.RestAssured.given;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.OutputFormat;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.Validator;

/**
 * A live response against the schema the service's served contract (/q/openapi) gives it, read strictly:
 * every property the schema names is there and no other, null only where the schema allows it, each value
 * of its type. So a documented response cannot drift from the JSON the service sends (the SPA's types are
 * generated from these schemas).
 */
public final class ContractAssert {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Keywords whose values are data, not schemas: left as they are. */
    private static final Set<String> DATA = Set.of("example", "examples", "enum", "const", "default");

    private ContractAssert() {
    }

    /** The JSON object {@code live} matches components.schemas.{@code schemaName}. */
    public static void assertMatches(String schemaName, String live) {
        validate(schemaName, one(schemaName), live);
    }

    /** The JSON array {@code live} holds only items matching components.schemas.{@code schemaName}. */
    public static void assertEachMatches(String schemaName, String live) {
        validate(schemaName, each(schemaName), live);
    }

    private static void validate(String schemaName, ObjectNode root, String live) {
        try {
            validate(JSON.readTree(given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                    .extract().asString()), schemaName, root, live);
        } catch (java.io.IOException e) {
            throw new AssertionError("cannot read the served contract", e);
        }
    }

    /** {@code live} against {@code root}, whose $refs name the contract's schemas as #/$defs/{name}. */
    static void validate(JsonNode contract, String schemaName, ObjectNode root, String live) {
        JsonNode schemas = contract.path("components").path("schemas").deepCopy();
        if (!schemas.has(schemaName)) {
            throw new AssertionError("the contract has no schema " + schemaName);
        }
        strict(schemas);
        try {
            root.set("$defs", JSON.readTree(schemas.toString().replace("\"#/components/schemas/", "\"#/$defs/")));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        Validator validator = Validator.create(JsonSchema.of(new JsonObject(root.toString())),
                new JsonSchemaOptions().setDraft(Draft.DRAFT202012).setBaseUri("https://jixiao.local/openapi/")
                        .setOutputFormat(OutputFormat.Basic));
        OutputUnit result = validator.validate(Json.decodeValue(live));
        if (!result.getValid()) {
            String errors = result.getErrors() == null ? String.valueOf(result.getError()) : result.getErrors().stream()
                    .map(e -> e.getInstanceLocation() + " " + e.getError()).collect(Collectors.joining("; "));
            throw new AssertionError("response does not match schema " + schemaName + ": " + errors + "\n" + live);
        }
    }

    static ObjectNode one(String schemaName) {
        return JSON.createObjectNode().put("$ref", "#/$defs/" + schemaName);
    }

    static ObjectNode each(String schemaName) {
        ObjectNode root = JSON.createObjectNode().put("type", "array");
        root.putObject("items").put("$ref", "#/$defs/" + schemaName);
        return root;
    }

    /** Every object schema with properties, at any depth: all of them required, no other allowed. */
    private static void strict(JsonNode node) {
        if (node instanceof ObjectNode o) {
            if (o.get("properties") instanceof ObjectNode properties) {
                ArrayNode required = o.putArray("required");
                properties.fieldNames().forEachRemaining(required::add);
                o.put("additionalProperties", false);
            }
            for (Iterator<Map.Entry<String, JsonNode>> fields = o.fields(); fields.hasNext();) {
                Map.Entry<String, JsonNode> f = fields.next();
                if (f.getKey().equals("properties")) {
                    f.getValue().forEach(ContractAssert::strict); // names of fields, any of them a keyword
                } else if (!DATA.contains(f.getKey())) {
                    strict(f.getValue());
                }
            }
        } else if (node.isArray()) {
            node.forEach(ContractAssert::strict);
        }
    }
}
