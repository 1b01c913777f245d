package dev.specwright.generator.load;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.parser.SwaggerResolver;
import io.swagger.parser.util.SwaggerDeserializationResult;
import io.swagger.parser.util.SwaggerDeserializer;
import io.swagger.v3.parser.converter.SwaggerConverter;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

/**
 * A Swagger 2.0 definition, converted to OpenAPI 3.0 by swagger-parser's own converter (as the design says 2.0 comes
 * in). It is given the tree already read within the limits and checked by {@link RefGuard}, not the file: the 2.0
 * parser would read the file again with its own YAML settings. Its resolver then opens only the files the guard let
 * through; it would fetch any URL and follow any redirect, so the guard refuses every remote $ref of a 2.0 definition.
 */
final class Swagger2 {

    private Swagger2() {}

    static boolean is(JsonNode tree) {
        return tree.has("swagger") && !tree.has("openapi");
    }

    /** The converted definition, with the 2.0 parser's messages and the converter's. */
    static SwaggerParseResult convert(JsonNode tree, String location) {
        SwaggerDeserializationResult parsed = new SwaggerDeserializer().deserialize(tree);
        if (parsed.getSwagger() != null) {
            parsed.setSwagger(new SwaggerResolver(parsed.getSwagger(), null, location).resolve());
        }
        return new SwaggerConverter().convert(parsed);
    }
}
