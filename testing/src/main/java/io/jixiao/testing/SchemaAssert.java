package io.jixiao.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.Validator;

/**
 * Checks an event against the JSON Schema its producer owns. Consumers point at the producer's file
 * in the producer's module (e.g. ../budget-service/src/main/resources/schemas/...), so a producer's
 * change breaks the consumer's build, not production.
 */
public final class SchemaAssert {

    private SchemaAssert() {
    }

    public static void assertValid(Path schemaFile, String json) {
        try {
            JsonSchema schema = JsonSchema.of(new JsonObject(Files.readString(schemaFile)));
            Validator validator = Validator.create(schema,
                    new JsonSchemaOptions().setDraft(Draft.DRAFT202012).setBaseUri("https://jixiao.local/schemas/"));
            OutputUnit result = validator.validate(new JsonObject(json));
            if (!result.getValid()) {
                throw new AssertionError("event does not match " + schemaFile.getFileName() + ": "
                        + result.getErrors() + "\n" + json);
            }
        } catch (IOException e) {
            throw new AssertionError("cannot read schema " + schemaFile, e);
        }
    }

    /** The schema file of a producer module, from a consumer module's working directory. */
    public static Path producerSchema(String producerModule, String type, int version) {
        return Path.of(System.getProperty("user.dir")).resolve("..").resolve(producerModule)
                .resolve("src/main/resources/schemas").resolve(type + ".v" + version + ".json").normalize();
    }
}
