package dev.specwright.generator.load;

import java.util.Map;
import java.util.Set;

/**
 * Where in an OpenAPI document a Reference Object may stand, and what each member of each object holds — the part of
 * the OpenAPI grammar {@link Bundler} walks. A schema, a parameter, a response, a request body, a header, an example, a
 * link, a callback, a security scheme and a path item may be a {@code $ref}; an operation, {@code info}, a tag, a
 * server, a security requirement, a media type, a whole map or list of any of them may not.
 */
final class RefPositions {

    private RefPositions() {}

    /** What a place of the document holds, and so whether a Reference Object may stand there. */
    enum Kind {
        ROOT("the document", "documents", false), PATH_ITEM("a path item", "path items", true),
        OPERATION("an operation", "operations", false), PARAMETER("a parameter", "parameters", true),
        REQUEST_BODY("a request body", "request bodies", true), RESPONSES("the responses of an operation", "responses", false),
        RESPONSE("a response", "responses", true), HEADER("a header", "headers", true),
        MEDIA_TYPE("a media type", "media types", false), ENCODING("an encoding", "encodings", false),
        EXAMPLE("an example", "examples", true), LINK("a link", "links", true), CALLBACK("a callback", "callbacks", true),
        SECURITY_SCHEME("a security scheme", "security schemes", true), SCHEMA("a schema", "schemas", true),
        COMPONENTS("the components", "components", false),
        INFO("the info object", "info objects", false), TAG("a tag", "tags", false), SERVER("a server", "servers", false),
        SECURITY("a security requirement", "security requirements", false),
        DOCS("an externalDocs object", "externalDocs objects", false),
        /** the rest: objects inside those above, a discriminator, an xml object, OAuth flows... */
        OTHER("an object OpenAPI never lets a $ref stand for", "such objects", false);

        final String label;
        final String plural;
        final boolean referable;

        Kind(String label, String plural, boolean referable) {
            this.label = label;
            this.plural = plural;
            this.referable = referable;
        }
    }

    /** One node, a map of nodes of a kind, or a list of them (a map or a list is never a Reference Object). */
    enum Form { ONE, MAP, LIST }

    record Shape(Kind kind, Form form) {}

    /** Which kind of node each member of each kind holds (null: data, or nothing a $ref could stand in). */
    private static final class Grammar {

        private static final Map<String, Shape> ROOT = Map.of("paths", map(Kind.PATH_ITEM), "webhooks", map(Kind.PATH_ITEM),
                "components", one(Kind.COMPONENTS), "info", one(Kind.INFO), "servers", list(Kind.SERVER),
                "security", list(Kind.SECURITY), "tags", list(Kind.TAG), "externalDocs", one(Kind.DOCS));
        private static final Map<String, Shape> COMPONENTS = Map.of("schemas", map(Kind.SCHEMA), "responses", map(Kind.RESPONSE),
                "parameters", map(Kind.PARAMETER), "examples", map(Kind.EXAMPLE), "requestBodies", map(Kind.REQUEST_BODY),
                "headers", map(Kind.HEADER), "securitySchemes", map(Kind.SECURITY_SCHEME), "links", map(Kind.LINK),
                "callbacks", map(Kind.CALLBACK), "pathItems", map(Kind.PATH_ITEM));
        private static final Map<String, Shape> OPERATION = Map.of("parameters", list(Kind.PARAMETER),
                "requestBody", one(Kind.REQUEST_BODY), "responses", one(Kind.RESPONSES), "callbacks", map(Kind.CALLBACK),
                "security", list(Kind.SECURITY), "servers", list(Kind.SERVER), "externalDocs", one(Kind.DOCS));
        private static final Map<String, Shape> PARAMETER = Map.of("schema", one(Kind.SCHEMA), "content", map(Kind.MEDIA_TYPE),
                "examples", map(Kind.EXAMPLE));
        private static final Map<String, Shape> RESPONSE = Map.of("headers", map(Kind.HEADER), "content", map(Kind.MEDIA_TYPE),
                "links", map(Kind.LINK));
        private static final Map<String, Shape> MEDIA_TYPE = Map.of("schema", one(Kind.SCHEMA), "examples", map(Kind.EXAMPLE),
                "encoding", map(Kind.ENCODING));
        private static final Map<String, Shape> SCHEMA = Map.ofEntries(Map.entry("properties", map(Kind.SCHEMA)),
                Map.entry("patternProperties", map(Kind.SCHEMA)), Map.entry("definitions", map(Kind.SCHEMA)),
                Map.entry("$defs", map(Kind.SCHEMA)), Map.entry("dependentSchemas", map(Kind.SCHEMA)),
                Map.entry("items", one(Kind.SCHEMA)), Map.entry("additionalProperties", one(Kind.SCHEMA)),
                Map.entry("not", one(Kind.SCHEMA)), Map.entry("if", one(Kind.SCHEMA)), Map.entry("then", one(Kind.SCHEMA)),
                Map.entry("else", one(Kind.SCHEMA)), Map.entry("contains", one(Kind.SCHEMA)),
                Map.entry("propertyNames", one(Kind.SCHEMA)), Map.entry("unevaluatedProperties", one(Kind.SCHEMA)),
                Map.entry("unevaluatedItems", one(Kind.SCHEMA)), Map.entry("additionalItems", one(Kind.SCHEMA)),
                Map.entry("allOf", list(Kind.SCHEMA)), Map.entry("anyOf", list(Kind.SCHEMA)), Map.entry("oneOf", list(Kind.SCHEMA)),
                Map.entry("prefixItems", list(Kind.SCHEMA)), Map.entry("discriminator", one(Kind.OTHER)),
                Map.entry("xml", one(Kind.OTHER)), Map.entry("externalDocs", one(Kind.DOCS)));
        private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head",
                "patch", "trace");

        static Shape child(Kind parent, String name) {
            if (name.startsWith("x-")) {
                return null;
            }
            return switch (parent) {
                case ROOT -> ROOT.get(name);
                case COMPONENTS -> COMPONENTS.get(name);
                case PATH_ITEM -> METHODS.contains(name) ? one(Kind.OPERATION) : name.equals("parameters") ? list(Kind.PARAMETER)
                        : name.equals("servers") ? list(Kind.SERVER) : null;
                case OPERATION -> OPERATION.get(name);
                case PARAMETER, HEADER -> PARAMETER.get(name);
                case REQUEST_BODY -> name.equals("content") ? map(Kind.MEDIA_TYPE) : null;
                case RESPONSES -> one(Kind.RESPONSE);
                case RESPONSE -> RESPONSE.get(name);
                case MEDIA_TYPE -> MEDIA_TYPE.get(name);
                case ENCODING -> name.equals("headers") ? map(Kind.HEADER) : null;
                case CALLBACK -> one(Kind.PATH_ITEM);
                case LINK -> name.equals("server") ? one(Kind.SERVER) : null;
                case SECURITY_SCHEME -> name.equals("flows") ? one(Kind.OTHER) : null;
                case SCHEMA -> SCHEMA.get(name);
                case INFO, TAG, SERVER, SECURITY, DOCS, OTHER -> name.equals("example") || name.equals("examples") || name.equals("default") || name.equals("enum")
                        ? null : one(Kind.OTHER);
                case EXAMPLE -> null; // its value is data
            };
        }

        private static Shape one(Kind kind) {
            return new Shape(kind, Form.ONE);
        }

        private static Shape map(Kind kind) {
            return new Shape(kind, Form.MAP);
        }

        private static Shape list(Kind kind) {
            return new Shape(kind, Form.LIST);
        }
    }

    /** What the member {@code name} of a node of kind {@code parent} holds; null: data, or nothing a $ref stands for. */
    static Shape child(Kind parent, String name) {
        return Grammar.child(parent, name);
    }
}
