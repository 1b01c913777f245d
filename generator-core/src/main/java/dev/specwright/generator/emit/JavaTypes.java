package dev.specwright.generator.emit;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.specwright.generator.model.ApiModel;
import dev.specwright.generator.model.TypeRef;

/** TypeRef → JavaPoet types, and the runtime and library classes generated code refers to. */
final class JavaTypes {

    static final String RUNTIME = "dev.specwright.runtime";
    static final ClassName API_CLIENT = ClassName.get(RUNTIME, "ApiClient");
    static final ClassName API_REQUEST = ClassName.get(RUNTIME, "ApiRequest");
    static final ClassName API_EXCEPTION = ClassName.get(RUNTIME, "ApiException");
    static final ClassName CLIENT_OPTIONS = ClassName.get(RUNTIME, "ClientOptions");
    static final ClassName CREDENTIALS = ClassName.get(RUNTIME, "Credentials");
    static final ClassName USER_AGENT = ClassName.get(RUNTIME, "UserAgent");
    static final ClassName RATE_LIMIT = ClassName.get(RUNTIME, "RateLimit");
    static final ClassName CLIENT_LISTENER = ClassName.get(RUNTIME, "ClientListener");
    static final ClassName RATE_LIMIT_SCOPE = ClassName.get(RUNTIME, "RateLimitScope");
    static final ClassName REQUEST_OPTIONS = ClassName.get(RUNTIME, "RequestOptions");
    static final ClassName OAUTH2_CLIENT_CREDENTIALS = ClassName.get(RUNTIME, "OAuth2ClientCredentials");
    static final ClassName RETRY_POLICY = ClassName.get(RUNTIME, "RetryPolicy");
    static final ClassName ERROR_DECODER = ClassName.get(RUNTIME, "ErrorDecoder");
    static final ClassName HTTP_FAILURE = ClassName.get(RUNTIME, "HttpFailure");
    static final ClassName FIELD_SELECTOR = ClassName.get(RUNTIME, "FieldSelector");
    static final ClassName BINARY = ClassName.get(RUNTIME, "Binary");
    static final ClassName DOWNLOAD = ClassName.get(RUNTIME, "Download");
    static final ClassName RESPONSE = ClassName.get(RUNTIME, "Response");
    static final ClassName OPEN_ENUM = ClassName.get(RUNTIME, "OpenEnum");
    static final ClassName OPEN_ENUM_VALUES = ClassName.get(RUNTIME, "OpenEnumValues");

    static final ClassName JSON_NODE = ClassName.get("com.fasterxml.jackson.databind", "JsonNode");
    static final ClassName OBJECT_MAPPER = ClassName.get("com.fasterxml.jackson.databind", "ObjectMapper");
    static final ClassName TYPE_REFERENCE = ClassName.get("com.fasterxml.jackson.core.type", "TypeReference");
    static final ClassName JSON_PROCESSING_EXCEPTION = ClassName.get("com.fasterxml.jackson.core", "JsonProcessingException");
    static final ClassName JSON_PROPERTY = ClassName.get("com.fasterxml.jackson.annotation", "JsonProperty");
    static final ClassName JSON_INCLUDE = ClassName.get("com.fasterxml.jackson.annotation", "JsonInclude");
    static final ClassName JSON_IGNORE_PROPERTIES = ClassName.get("com.fasterxml.jackson.annotation", "JsonIgnoreProperties");
    static final ClassName JSON_VALUE = ClassName.get("com.fasterxml.jackson.annotation", "JsonValue");
    static final ClassName JSON_ANY_SETTER = ClassName.get("com.fasterxml.jackson.annotation", "JsonAnySetter");
    static final ClassName JSON_ANY_GETTER = ClassName.get("com.fasterxml.jackson.annotation", "JsonAnyGetter");
    static final ClassName JSON_CREATOR = ClassName.get("com.fasterxml.jackson.annotation", "JsonCreator");
    static final ClassName JSON_DESERIALIZE = ClassName.get("com.fasterxml.jackson.databind.annotation", "JsonDeserialize");
    static final ClassName JSON_POJO_BUILDER = ClassName.get("com.fasterxml.jackson.databind.annotation", "JsonPOJOBuilder");

    static final AnnotationSpec GENERATED = AnnotationSpec.builder(ClassName.get("javax.annotation.processing", "Generated"))
            .addMember("value", "$S", "dev.specwright")
            .build();

    /**
     * An annotation with named members on one line: JavaPoet writes {@code @A(name = x)} on three lines, but a lone
     * {@code value} member inline, so the members go in as the code of {@code value}.
     */
    static AnnotationSpec inline(ClassName type, String members, Object... args) {
        return AnnotationSpec.builder(type).addMember("value", members, args).build();
    }

    private final ApiModel.Packages packages;

    JavaTypes(ApiModel.Packages packages) {
        this.packages = packages;
    }

    ClassName model(String simpleName) {
        return ClassName.get(packages.model(), simpleName);
    }

    ClassName api(String simpleName) {
        return ClassName.get(packages.api(), simpleName);
    }

    ClassName base(String simpleName) {
        return ClassName.get(packages.base(), simpleName);
    }

    TypeName of(TypeRef ref) {
        if (ref instanceof TypeRef.Named named) {
            return model(named.className());
        }
        if (ref instanceof TypeRef.Base base) {
            return base(base.className());
        }
        if (ref instanceof TypeRef.External external) {
            return external(external.qualifiedName());
        }
        if (ref instanceof TypeRef.ListOf list) {
            return ParameterizedTypeName.get(ClassName.get("java.util", "List"), of(list.element()));
        }
        if (ref instanceof TypeRef.MapOf map) {
            return ParameterizedTypeName.get(ClassName.get("java.util", "Map"), ClassName.get(String.class), of(map.value()));
        }
        return switch ((TypeRef.Builtin) ref) {
            case STRING -> ClassName.get(String.class);
            case INTEGER -> ClassName.get(Integer.class);
            case LONG -> ClassName.get(Long.class);
            case DOUBLE -> ClassName.get(Double.class);
            case DECIMAL -> ClassName.get(java.math.BigDecimal.class);
            case BOOLEAN -> ClassName.get(Boolean.class);
            case DATE -> ClassName.get(java.time.LocalDate.class);
            case DATE_TIME -> ClassName.get(java.time.OffsetDateTime.class);
            case UUID -> ClassName.get(java.util.UUID.class);
            case URI -> ClassName.get(java.net.URI.class);
            case BYTES -> ArrayTypeName.of(TypeName.BYTE);
            case JSON -> JSON_NODE;
            case BINARY -> BINARY;
            case DOWNLOAD -> DOWNLOAD;
        };
    }

    /**
     * A user's class by its qualified name: the package is the segments before the first capitalised one (so
     * {@code com.example.Outer.Inner} is a nested class), or all but the last when none is capitalised.
     */
    static ClassName external(String qualifiedName) {
        String[] segments = qualifiedName.split("\\.");
        int first = segments.length - 1;
        for (int i = 0; i < segments.length - 1; i++) {
            if (Character.isUpperCase(segments[i].charAt(0))) {
                first = i;
                break;
            }
        }
        String pkg = String.join(".", java.util.Arrays.copyOfRange(segments, 0, first));
        return ClassName.get(pkg, segments[first], java.util.Arrays.copyOfRange(segments, first + 1, segments.length));
    }

    /** Whether a {@code Class} literal can carry the type (no type arguments): then no {@code TypeReference} is needed. */
    static boolean isReifiable(TypeRef ref) {
        return !(ref instanceof TypeRef.ListOf) && !(ref instanceof TypeRef.MapOf);
    }
}
