package dev.specwright.generator.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.specwright.generator.model.ApiGroup;
import dev.specwright.generator.model.ApiModel;
import dev.specwright.generator.naming.DerivedNames;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.lang.model.element.Modifier;
import javax.net.ssl.SSLContext;

/** The entry point of one run: {@code <Name>Client} with its builder, {@code Environment} and {@code <Name>Credentials}. */
final class ClientClasses {

    /** The generated client's constant for the spec's {@code x-rate-limit}: upper case, so no member from the spec takes it. */
    static final String DEFAULT_RATE_LIMIT = "DEFAULT_RATE_LIMIT";

    private final ApiModel api;
    private final JavaTypes types;
    private final ClassName client;
    private final ClassName environment;

    ClientClasses(ApiModel api, JavaTypes types) {
        this.api = api;
        this.types = types;
        this.client = types.base(api.clientClassName());
        this.environment = types.base(api.baseTypes().environment());
    }

    Stream<JavaFile> emit() {
        return Stream.of(clientClass(), environmentClass(), credentialsClass());
    }

    private JavaFile clientClass() {
        ClassName builder = client.nestedClass(DerivedNames.BUILDER);
        TypeSpec.Builder type = TypeSpec.classBuilder(client).addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addAnnotation(JavaTypes.GENERATED)
                .addJavadoc(Javadoc.of("The " + api.title() + " client" + (api.version().isEmpty() ? "" : " (API version " + api.version() + ")") + ".")
                        .toBuilder().add("\n<p>Build one with {@link #builder()} and share it: it is immutable and thread-safe, and so are its API objects.\n")
                        .build())
                .addField(FieldSpec.builder(JavaTypes.API_CLIENT, "apiClient", Modifier.PRIVATE, Modifier.FINAL).build());
        api.rateLimit().ifPresent(limit -> type.addField(FieldSpec.builder(JavaTypes.RATE_LIMIT, DEFAULT_RATE_LIMIT,
                        Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("The API's own limit ({@code x-rate-limit}): $L requests/s with a burst of $L, the builder's default.\n"
                        + "Start from it to change where the bucket lives, e.g.\n"
                        + "{@code rateLimit(DEFAULT_RATE_LIMIT.distributed(store))} for a fleet of JVMs sharing one caller.\n",
                        JavaText.javadoc(rateText(limit.requestsPerSecond())), Math.min(limit.burst(), Integer.MAX_VALUE))
                .initializer("$T.of($L, $L)", JavaTypes.RATE_LIMIT, limit.requestsPerSecond(), Math.min(limit.burst(), Integer.MAX_VALUE))
                .build()));
        MethodSpec.Builder constructor = MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE)
                .addParameter(JavaTypes.API_CLIENT, "apiClient")
                .addStatement("this.apiClient = apiClient");
        for (ApiGroup g : api.apis()) {
            ClassName apiClass = types.api(g.className());
            type.addField(apiClass, g.accessorName(), Modifier.PRIVATE, Modifier.FINAL);
            constructor.addStatement("this.$N = new $T(apiClient)", g.accessorName(), apiClass);
            type.addMethod(MethodSpec.methodBuilder(g.accessorName()).addModifiers(Modifier.PUBLIC).returns(apiClass)
                    .addJavadoc("@return the $L operations\n", JavaText.javadoc(g.tag()))
                    .addStatement("return $N", g.accessorName()).build());
        }
        type.addMethod(constructor.build())
                .addMethod(MethodSpec.methodBuilder("apiClient").addModifiers(Modifier.PUBLIC).returns(JavaTypes.API_CLIENT)
                        .addJavadoc("The engine under this client, for calls to endpoints the spec does not describe:\n"
                                + "they go through the same credentials and error decoding.\n\n@return the engine\n")
                        .addStatement("return apiClient").build())
                .addMethod(MethodSpec.methodBuilder("builder").addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(builder)
                        .addJavadoc("@return a builder; set at least the credentials\n")
                        .addStatement("return new $T()", builder).build())
                .addType(builderType(builder));
        return ModelEmitter.file(client.packageName(), type.build());
    }

    private TypeSpec builderType(ClassName builder) {
        TypeSpec.Builder b = TypeSpec.classBuilder(builder).addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("Configures a {@link $T}: everything is set once, here.\n", client)
                .addField(FieldSpec.builder(JavaTypes.CLIENT_OPTIONS.nestedClass("Builder"), "options", Modifier.PRIVATE, Modifier.FINAL)
                        .initializer("$T.builder()", JavaTypes.CLIENT_OPTIONS).build())
                .addField(FieldSpec.builder(environment, "environment", Modifier.PRIVATE)
                        .initializer(defaultEnvironment()).build())
                .addMethod(builderConstructor())
                .addMethod(setter(builder, "environment", environment, "environment",
                        "Where to send requests: one of the API's servers, or {@link Environment#custom(URI)}.",
                        CodeBlock.of("this.environment = $T.requireNonNull(environment, $S)", Objects.class, "environment")))
                .addMethod(setter(builder, "baseUri", ClassName.get(URI.class), "baseUri",
                        "Shorthand for {@code environment(Environment.custom(baseUri))}.",
                        CodeBlock.of("this.environment = $T.custom(baseUri)", environment)))
                .addMethod(MethodSpec.methodBuilder("baseUri").addModifiers(Modifier.PUBLIC).returns(builder)
                        .addParameter(String.class, "baseUri")
                        .addJavadoc("Shorthand for {@code baseUri(URI.create(baseUri))}.\n\n@param baseUri the URI paths are appended"
                                + " to, e.g. {@code https://localhost:8443/api}\n@return this builder\n"
                                + "@throws IllegalArgumentException when the text is not a URI\n")
                        .addStatement("return baseUri($T.create(baseUri))", URI.class).build())
                .addMethod(setter(builder, "credentials", JavaTypes.CREDENTIALS, "credentials",
                        "The credentials sent with every request; see {@link " + api.baseTypes().credentials() + "}.",
                        CodeBlock.of("options.credentials(credentials)")))
                .addMethod(MethodSpec.methodBuilder("userAgent").addModifiers(Modifier.PUBLIC).returns(builder)
                        .addParameter(String.class, "product").addParameter(String.class, "version").addParameter(String.class, "contact")
                        .addJavadoc("Identifies your application, as {@code product/version (contact)} (RFC 7231).\n\n"
                                + "@param product your application's name, e.g. my-app\n@param version its version, e.g. 1.0\n"
                                + "@param contact how to reach you, e.g. an e-mail address\n@return this builder\n")
                        .addStatement("options.userAgent($T.of(product, version, contact))", JavaTypes.USER_AGENT)
                        .addStatement("return this").build())
                .addMethod(setter(builder, "userAgent", JavaTypes.USER_AGENT, "userAgent", "The User-Agent, prebuilt.",
                        CodeBlock.of("options.userAgent(userAgent)")))
                .addMethod(setter(builder, "allowPlainHttpToLoopback", com.palantir.javapoet.TypeName.BOOLEAN, "allow",
                        "Allows {@code http://} to a loopback address (tests against a local server); any other plain HTTP is refused.",
                        CodeBlock.of("options.allowPlainHttpToLoopback(allow)")))
                .addMethod(setter(builder, "sslContext", ClassName.get(SSLContext.class), "sslContext",
                        "The TLS context, e.g. one trusting a private CA. Certificates are always verified.",
                        CodeBlock.of("options.sslContext(sslContext)")))
                .addMethod(MethodSpec.methodBuilder("truststore").addModifiers(Modifier.PUBLIC).returns(builder)
                        .addParameter(java.nio.file.Path.class, "path").addParameter(char[].class, "password")
                        .addJavadoc("Trusts exactly the certificates of a PKCS12 or JKS file (a private CA) instead of the JVM's CAs.\n\n"
                                + "@param path the {@code .p12} or {@code .jks} file\n@param password its password, not kept\n"
                                + "@return this builder\n@throws IllegalArgumentException when the file cannot be read with the password\n")
                        .addStatement("options.truststore(path, password)").addStatement("return this").build())
                .addMethod(setter(builder, "trustedCertificates", ClassName.get(String.class), "pem",
                        "Trusts exactly the X.509 certificates of PEM text (one or more BEGIN CERTIFICATE blocks) instead of the JVM's CAs.",
                        CodeBlock.of("options.trustedCertificates(pem)")))
                .addMethod(setter(builder, "rateLimit", JavaTypes.RATE_LIMIT, "rateLimit",
                        rateLimitDoc(), CodeBlock.of("options.rateLimit(rateLimit)")))
                .addMethod(setter(builder, "proxy", ClassName.get(java.net.ProxySelector.class), "proxy",
                        "Sends requests through the proxy the selector chooses (HTTPS as a CONNECT tunnel); default: the JDK's.",
                        CodeBlock.of("options.proxy(proxy)")))
                .addMethod(setter(builder, "executor", ClassName.get(java.util.concurrent.Executor.class), "executor",
                        "The executor the HTTP client runs its asynchronous work on; default: the JDK's own pool.",
                        CodeBlock.of("options.executor(executor)")))
                .addMethod(setter(builder, "listener", JavaTypes.CLIENT_LISTENER, "listener",
                        "Told of every attempt, retry, rate-limit wait and credential refusal, for metrics and traces; see {@link ClientListener}.",
                        CodeBlock.of("options.listener(listener)")))
                .addMethod(setter(builder, "transport", JavaTypes.TRANSPORT, "transport",
                        "Sends requests through this transport instead of the JDK's HTTP client, e.g. an {@link dev.specwright.runtime.InMemoryTransport} in a unit test; see {@link Transport}.",
                        CodeBlock.of("options.transport(transport)")))
                .addMethod(setter(builder, "retryPolicy", JavaTypes.RETRY_POLICY, "retryPolicy",
                        "When and how often to retry: 429/503 honouring Retry-After, failures of idempotent calls; {@link RetryPolicy#none()} turns retries off.",
                        CodeBlock.of("options.retryPolicy(retryPolicy)")))
                .addMethod(setter(builder, "connectTimeout", ClassName.get(Duration.class), "timeout", "How long to wait for a connection.",
                        CodeBlock.of("options.connectTimeout(timeout)")))
                .addMethod(setter(builder, "requestTimeout", ClassName.get(Duration.class), "timeout", "How long to wait for each answer.",
                        CodeBlock.of("options.requestTimeout(timeout)")))
                .addMethod(setter(builder, "maxInMemoryBodySize", com.palantir.javapoet.TypeName.LONG, "bytes",
                        "The most bytes of an answer read into memory (default 16 MiB); over it a call ends with a ResponseTooLargeException. A download streams and is not limited.",
                        CodeBlock.of("options.maxInMemoryBodySize(bytes)")));
        MethodSpec.Builder build = MethodSpec.methodBuilder("build").addModifiers(Modifier.PUBLIC).returns(client)
                .addJavadoc("@return the client\n@throws IllegalStateException when no environment or base URI was given\n"
                        + "@throws IllegalArgumentException when the options are unsafe (plain HTTP) or invalid\n")
                .beginControlFlow("if (environment == null)")
                .addStatement("throw new $T($S)", IllegalStateException.class,
                        "No base URI: call environment(...) or baseUri(...) on the builder, the spec names no absolute server.")
                .endControlFlow()
                .addStatement("options.baseUri(environment.baseUri())");
        String decoder = api.errorCatalog().isPresent() ? "new $T()" : api.jsonApi().isPresent() ? "$T.DECODER" : "$T.DEFAULT";
        ClassName decoderClass = api.errorCatalog().isPresent() ? types.base(api.baseTypes().errorDecoder())
                : api.jsonApi().isPresent() ? JsonApiEmitter.ERRORS : JavaTypes.ERROR_DECODER;
        build.addStatement("return new $T(new $T(options.build(), " + decoder + "))", client, JavaTypes.API_CLIENT, decoderClass);
        return b.addMethod(build.build()).build();
    }

    /**
     * The spec's {@code x-rate-limit} is the default, so a client stays under the server's bucket without configuration;
     * its scope is always passed, since it is a fact about the server whatever bucket the user sets.
     */
    private MethodSpec builderConstructor() {
        MethodSpec.Builder constructor = MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE);
        api.rateLimit().ifPresent(limit -> {
            constructor.addStatement("options.rateLimit($T.$N)", client, DEFAULT_RATE_LIMIT);
            if (!limit.scopeBy().isEmpty()) {
                constructor.addStatement("options.rateLimitScope($L)", rateLimitScope(limit.scopeBy()));
            }
        });
        return constructor.build();
    }

    /** {@code RateLimitScope.header("X-Tenant").or(RateLimitScope.header("X-Reseller"))}: the parts in the spec's order. */
    private static CodeBlock rateLimitScope(List<ApiModel.ScopePart> parts) {
        List<CodeBlock> each = parts.stream().map(part -> switch (part.kind()) {
            case "header" -> CodeBlock.of("$T.header($L)", JavaTypes.RATE_LIMIT_SCOPE, JavaText.literal(part.name()));
            case "query" -> CodeBlock.of("$T.queryParameter($L)", JavaTypes.RATE_LIMIT_SCOPE, JavaText.literal(part.name()));
            case "cookie" -> CodeBlock.of("$T.cookie($L)", JavaTypes.RATE_LIMIT_SCOPE, JavaText.literal(part.name()));
            case "authorization" -> CodeBlock.of("$T.authorization()", JavaTypes.RATE_LIMIT_SCOPE);
            default -> throw new IllegalStateException("unknown rate-limit scope part " + part);
        }).toList();
        CodeBlock.Builder out = CodeBlock.builder().add(each.get(0));
        each.subList(1, each.size()).forEach(part -> out.add(".or($L)", part));
        return out.build();
    }

    private String rateLimitDoc() {
        String shared = api.rateLimit().filter(l -> !l.scopeBy().isEmpty())
                .map(l -> "The client-side token bucket, shared by every client of the same base URI and caller"
                        + (l.scope().isEmpty() ? "" : " (" + JavaText.javadoc(l.scope()) + ")") + ": the caller is "
                        + l.scopeBy().stream().map(ClientClasses::scopePartDoc).collect(Collectors.joining(", else "))
                        + ", the first the credentials give")
                .orElse("The client-side token bucket, one per client object (the API says nothing of whom it counts)");
        return api.rateLimit()
                .map(l -> shared + "; default: the API's own limit, {@link " + client.simpleName() + "#" + DEFAULT_RATE_LIMIT + "} ("
                        + rateText(l.requestsPerSecond()) + " requests/s with a burst of " + l.burst()
                        + "). {@link RateLimit#off()} turns it off.")
                .orElse(shared + "; default: off.");
    }

    /** {@code 10} for 10.0, {@code 0.5} for 0.5: the rate as a person writes it. */
    private static String rateText(double requestsPerSecond) {
        return java.math.BigDecimal.valueOf(requestsPerSecond).stripTrailingZeros().toPlainString();
    }

    private static String scopePartDoc(ApiModel.ScopePart part) {
        return switch (part.kind()) {
            case "authorization" -> "whoever authenticates by " + JavaText.javadoc(part.scheme());
            case "query" -> "the query parameter " + JavaText.javadocCode(part.name());
            default -> "the " + part.kind() + " " + JavaText.javadocCode(part.name());
        };
    }

    private CodeBlock defaultEnvironment() {
        return api.servers().stream().filter(s -> s.variables().stream().allMatch(v -> !v.defaultValue().isEmpty()))
                .findFirst()
                .map(s -> CodeBlock.of("$T.$N($L)", environment, s.factoryName(), CodeBlock.join(s.variables().stream()
                        .map(v -> JavaText.literal(v.defaultValue())).toList(), ", ")))
                .orElse(CodeBlock.of("null"));
    }

    private static MethodSpec setter(ClassName builder, String name, com.palantir.javapoet.TypeName type, String param, String doc,
            CodeBlock statement) {
        return MethodSpec.methodBuilder(name).addModifiers(Modifier.PUBLIC).returns(builder).addParameter(type, param)
                .addJavadoc("$L\n\n@param $L the value\n@return this builder\n", Javadoc.wrap(doc, 0), param)
                .addStatement(statement).addStatement("return this").build();
    }

    private JavaFile environmentClass() {
        TypeSpec.Builder type = TypeSpec.classBuilder(environment).addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addAnnotation(JavaTypes.GENERATED)
                .addJavadoc("Where the API lives: its servers, or a custom base URI.\n")
                .addField(URI.class, "baseUri", Modifier.PRIVATE, Modifier.FINAL)
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).addParameter(URI.class, "baseUri")
                        .addStatement("this.baseUri = baseUri").build());
        for (ApiModel.ServerDef server : api.servers()) {
            MethodSpec.Builder full = MethodSpec.methodBuilder(server.factoryName()).addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                    .returns(environment)
                    .addJavadoc("$L ($L).\n\n", JavaText.javadoc(server.description().isEmpty() ? "A server" : server.description()),
                            JavaText.javadocCode(server.url()));
            CodeBlock.Builder expand = CodeBlock.builder().add("$L", JavaText.literal(server.url()));
            for (ApiModel.ServerVariable v : server.variables()) {
                full.addParameter(String.class, v.javaName());
                full.addJavadoc("@param $L the $L part$L\n", v.javaName(), JavaText.javadocCode(v.name()),
                        v.defaultValue().isEmpty() ? "" : " (default " + JavaText.javadoc(v.defaultValue()) + ")");
                expand.add(".replace($L, variable($L, $N))", JavaText.literal("{" + v.name() + "}"), JavaText.literal(v.name()), v.javaName());
            }
            full.addJavadoc("@return the environment\n").addStatement("return new $T($T.create($L))", environment, URI.class, expand.build());
            type.addMethod(full.build());
            List<ApiModel.ServerVariable> own = server.variables().stream().filter(v -> !v.shared()).toList();
            if (own.size() < server.variables().size()) {
                MethodSpec.Builder shorter = MethodSpec.methodBuilder(server.factoryName()).addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                        .returns(environment)
                        .addJavadoc("$L, with the default for every part all servers share.\n\n",
                                JavaText.javadoc(server.description().isEmpty() ? "A server" : server.description()));
                own.forEach(v -> shorter.addParameter(String.class, v.javaName())
                        .addJavadoc("@param $L the $L part\n", v.javaName(), JavaText.javadocCode(v.name())));
                shorter.addJavadoc("@return the environment\n").addStatement("return $N($L)", server.factoryName(),
                        CodeBlock.join(server.variables().stream().map(v -> v.shared() ? JavaText.literal(v.defaultValue())
                                : CodeBlock.of("$N", v.javaName())).toList(), ", "));
                type.addMethod(shorter.build());
            }
        }
        type.addMethod(MethodSpec.methodBuilder("custom").addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(environment)
                        .addParameter(URI.class, "baseUri")
                        .addJavadoc("Any base URI, e.g. a local test server.\n\n@param baseUri the URI paths are appended to\n@return the environment\n")
                        .addStatement("return new $T($T.requireNonNull(baseUri, $S))", environment, Objects.class, "baseUri").build())
                .addMethod(MethodSpec.methodBuilder("baseUri").addModifiers(Modifier.PUBLIC).returns(URI.class)
                        .addJavadoc("@return the URI paths are appended to\n").addStatement("return baseUri").build())
                .addMethod(MethodSpec.methodBuilder("variable").addModifiers(Modifier.PRIVATE, Modifier.STATIC).returns(String.class)
                        .addParameter(String.class, "name").addParameter(String.class, "value")
                        .addStatement("$T.requireNonNull(value, name)", Objects.class)
                        .beginControlFlow("if (value.isEmpty() || !value.matches($S))", "[A-Za-z0-9._:-]+")
                        .addStatement("throw new $T($S + name + $S)", IllegalArgumentException.class,
                                "server variable ", " must be a host name part (letters, digits, '.', '-', ':'), not empty")
                        .endControlFlow()
                        .addStatement("return value").build())
                .addMethod(MethodSpec.methodBuilder("toString").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                        .returns(String.class).addStatement("return $S + baseUri + $S", "Environment[", "]").build());
        return ModelEmitter.file(environment.packageName(), type.build());
    }

    /**
     * {@code tenant()}: the same credentials by name, {@code tenant().username(..).password(..).tenant(..).connectionId(..)
     * .build()}, for factories of two or more strings that are easy to swap by position. Its class is the factory's
     * name plus {@code Builder}: factory names are unique ignoring case, and no credentials class ends in {@code Builder}.
     */
    private void namedBuilder(ClassName self, ApiModel.CredentialFactory f, MethodSpec positional, TypeSpec.Builder type) {
        ClassName named = self.nestedClass(Character.toUpperCase(f.methodName().charAt(0)) + f.methodName().substring(1)
                + DerivedNames.BUILDER);
        TypeSpec.Builder nested = TypeSpec.classBuilder(named).addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("Builds {@link $T#$N}'s credentials by name; every value must be set.\n", self, positional.name())
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
        MethodSpec.Builder build = MethodSpec.methodBuilder("build").addModifiers(Modifier.PUBLIC).returns(JavaTypes.CREDENTIALS)
                .addJavadoc("@return the credentials, for {@code $T.Builder.credentials}\n"
                        + "@throws IllegalStateException naming every value not set\n", client)
                .addStatement("$T<$T> missing = new $T<>()", List.class, String.class, java.util.ArrayList.class);
        for (com.palantir.javapoet.ParameterSpec p : positional.parameters()) {
            nested.addField(String.class, p.name(), Modifier.PRIVATE);
            nested.addMethod(MethodSpec.methodBuilder(p.name()).addModifiers(Modifier.PUBLIC).returns(named)
                    .addParameter(String.class, p.name())
                    .addJavadoc("@param $N the {@code $N} of {@link $T#$N}\n@return this builder\n", p.name(), p.name(), self,
                            positional.name())
                    .addStatement("this.$N = $T.requireNonNull($N, $S)", p.name(), Objects.class, p.name(), p.name())
                    .addStatement("return this").build());
            build.beginControlFlow("if (this.$N == null)", p.name()).addStatement("missing.add($S)", p.name()).endControlFlow();
        }
        build.beginControlFlow("if (!missing.isEmpty())")
                .addStatement("throw new $T($S + $T.join($S, missing) + $S)", IllegalStateException.class,
                        self.simpleName() + "." + positional.name() + "(): set ", String.class, ", ", " before build()")
                .endControlFlow()
                .addStatement("return $T.$N($L)", self, positional.name(),
                        CodeBlock.join(positional.parameters().stream().map(p -> CodeBlock.of("this.$N", p.name())).toList(), ", "));
        type.addType(nested.addMethod(build.build()).build());
        type.addMethod(MethodSpec.methodBuilder(positional.name()).addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(named)
                .addJavadoc("The same credentials as {@link #$N($L)}, each value set by name:\n{@code $N()$L.build()}.\n\n"
                                + "@return a builder of the credentials\n", positional.name(),
                        positional.parameters().stream().map(p -> "String").collect(Collectors.joining(", ")), positional.name(),
                        positional.parameters().stream().map(p -> "." + p.name() + "(..)").collect(Collectors.joining()))
                .addStatement("return new $T()", named).build());
    }

    private JavaFile credentialsClass() {
        ClassName self = types.base(api.baseTypes().credentials());
        TypeSpec.Builder type = TypeSpec.classBuilder(self).addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addAnnotation(JavaTypes.GENERATED)
                .addJavadoc("The credentials the API's security schemes ask for: one factory per combination an operation accepts.\n")
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
        for (ApiModel.CredentialFactory f : api.credentialFactories()) {
            MethodSpec.Builder m = MethodSpec.methodBuilder(f.methodName()).addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                    .returns(JavaTypes.CREDENTIALS)
                    .addJavadoc("Credentials for the security requirement $L.\n\n", JavaText.javadocCode(String.join(" + ", f.schemes())));
            CodeBlock.Builder chain = CodeBlock.builder().add("return $T.builder()", JavaTypes.CREDENTIALS);
            for (ApiModel.CredentialPart part : f.parts()) {
                if (part instanceof ApiModel.CredentialPart.Basic) {
                    m.addParameter(String.class, "username").addParameter(String.class, "password")
                            .addJavadoc("@param username the Basic auth user\n@param password the Basic auth password\n");
                    chain.add(".basic(username, password)");
                } else if (part instanceof ApiModel.CredentialPart.Bearer bearer) {
                    m.addParameter(String.class, bearer.parameterName()).addJavadoc("@param $L the bearer token\n", bearer.parameterName());
                    chain.add(".bearer($N)", bearer.parameterName());
                } else if (part instanceof ApiModel.CredentialPart.ApiKey key) {
                    m.addParameter(String.class, key.parameterName())
                            .addJavadoc("@param $L sent as the $L $L\n", key.parameterName(), JavaText.javadocCode(key.name()),
                                    key.in().equals("header") ? "header" : key.in().equals("query") ? "query parameter" : "cookie");
                    String method = key.in().equals("header") ? "header" : key.in().equals("query") ? "queryParameter" : "cookie";
                    chain.add(".$L($L, $N)", method, JavaText.literal(key.name()), key.parameterName());
                } else if (part instanceof ApiModel.CredentialPart.OAuth2ClientCredentials oauth) {
                    m.addParameter(String.class, oauth.clientIdParameter()).addParameter(String.class, oauth.clientSecretParameter())
                            .addJavadoc("@param $L the OAuth 2.0 client id\n@param $L the OAuth 2.0 client secret (tokens are "
                                    + "fetched from $L$L, cached and refreshed before they expire)\n",
                                    oauth.clientIdParameter(), oauth.clientSecretParameter(), JavaText.javadocCode(oauth.tokenUrl()),
                                    oauth.jsonTokenRequest() ? " with a JSON request" : "");
                    CodeBlock.Builder flow = CodeBlock.builder().add("$T.builder().tokenUri($T.create($L)).clientId($N).clientSecret($N)",
                            JavaTypes.OAUTH2_CLIENT_CREDENTIALS, java.net.URI.class, JavaText.literal(oauth.tokenUrl()), oauth.clientIdParameter(),
                            oauth.clientSecretParameter());
                    if (!oauth.scopes().isEmpty()) {
                        flow.add(".scopes($L)", CodeBlock.join(oauth.scopes().stream().map(JavaText::literal).toList(), ", "));
                    }
                    if (oauth.jsonTokenRequest()) {
                        flow.add(".jsonTokenRequest(true)");
                    }
                    chain.add(".authenticator($L.build())", flow.build());
                }
            }
            MethodSpec positional = m.addJavadoc("@return the credentials, for {@code $T.Builder.credentials}\n", client)
                    .addStatement("$L.build()", chain.build()).build();
            type.addMethod(positional);
            if (positional.parameters().size() > 1) {
                namedBuilder(self, f, positional, type);
            }
        }
        return ModelEmitter.file(self.packageName(), type.build());
    }
}
