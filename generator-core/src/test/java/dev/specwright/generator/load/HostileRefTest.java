package dev.specwright.generator.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpServer;
import dev.specwright.generator.Generator;
import dev.specwright.generator.GeneratorOptions;
import dev.specwright.generator.SpecProblem;
import dev.specwright.generator.SpecProblemsException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code $ref} that reaches the network or a file outside the spec's folder: a located problem saying how to allow
 * it, nothing fetched (a real server on loopback counts every request), nothing read, nothing written.
 */
class HostileRefTest {

    private static final String HEAD = "openapi: 3.0.3\ninfo: {title: T, version: '1'}\n";
    private static final String PET_SCHEMA = "type: object\nproperties:\n  name: {type: string}\n";

    @TempDir
    Path tmp;

    private Path folder;
    private HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();

    @BeforeEach
    void serve() throws Exception {
        folder = Files.createDirectories(tmp.resolve("api"));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.add(exchange.getRequestURI().toString());
            byte[] body = PET_SCHEMA.getBytes(StandardCharsets.UTF_8);
            boolean flip = exchange.getRequestURI().getPath().equals("/flip.yaml")
                    && requests.stream().filter("/flip.yaml"::equals).count() > 1;
            boolean jump = exchange.getRequestURI().getPath().equals("/jump.yaml")
                    && requests.stream().filter("/jump.yaml"::equals).count() > 1;
            if (jump) {
                // answers the guard's fetch, then redirects a second fetch to a host that is not allowed
                exchange.getResponseHeaders().add("Location", "http://localhost:" + server.getAddress().getPort() + "/evil.yaml");
                exchange.sendResponseHeaders(302, -1);
            } else if (flip) {
                // answers the guard's fetch with a plain schema, then a second fetch with one that refers to a host not allowed
                body = ("type: object\nproperties:\n  evil: {$ref: 'http://localhost:" + server.getAddress().getPort()
                        + "/evil.yaml'}\n").getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            } else if (exchange.getRequestURI().getPath().equals("/moved.yaml")) {
                exchange.getResponseHeaders().add("Location", "http://" + host() + "/pet.yaml");
                exchange.sendResponseHeaders(302, -1);
            } else {
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String host() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** A spec whose one operation answers the schema {@code ref} points to. */
    private static String specReferring(String ref) {
        return HEAD + "paths:\n  /pet:\n    get:\n      operationId: getPet\n      responses:\n        '200':\n          description: ok\n"
                + "          content:\n            application/json:\n              schema: {$ref: '" + ref + "'}\n";
    }

    private static final String REF_POINTER = "/paths/~1pet/get/responses/200/content/application~1json/schema/$ref";

    private Path spec(String yaml) throws Exception {
        return Files.writeString(folder.resolve("api.yaml"), yaml);
    }

    private SpecProblem refused(Path spec, UnaryOperator<GeneratorOptions.Builder> allow) {
        Path out = tmp.resolve("out");
        GeneratorOptions options = allow.apply(GeneratorOptions.builder(spec, out)).build();
        SpecProblemsException e = catchThrowableOfType(SpecProblemsException.class, () -> new Generator().generate(options));
        assertThat(e).as("generation must be refused").isNotNull();
        assertThat(out).doesNotExist();
        assertThat(e.problems()).hasSize(1);
        return e.problems().get(0);
    }

    private SpecProblem refused(Path spec) {
        return refused(spec, b -> b);
    }

    @Test
    void anHttpRefInTheSpecIsRefusedAndNothingIsFetched() throws Exception {
        Path spec = spec(specReferring("http://" + host() + "/pet.yaml"));
        SpecProblem problem = refused(spec);
        assertThat(problem.file()).isEqualTo(spec.toString());
        assertThat(problem.pointer()).isEqualTo(REF_POINTER);
        assertThat(problem.rule()).contains("reaches the network", "127.0.0.1");
        assertThat(problem.fix()).contains("--allow-remote-refs", "allowRemoteRefs", "allowedRefHosts");
        assertThat(requests).isEmpty();
    }

    @Test
    void anHttpsRefInTheSpecIsRefusedAndNothingIsFetched() throws Exception {
        SpecProblem problem = refused(spec(specReferring("https://" + host() + "/pet.yaml#/")));
        assertThat(problem.pointer()).isEqualTo(REF_POINTER);
        assertThat(problem.rule()).contains("reaches the network");
        assertThat(requests).isEmpty();
    }

    @Test
    void aRemoteRefInAReferencedFileIsRefusedThereAndNothingIsFetched() throws Exception {
        Path pet = Files.writeString(folder.resolve("pet.yaml"), "type: object\nproperties:\n  owner: {$ref: 'https://"
                + host() + "/owner.yaml'}\n");
        SpecProblem problem = refused(spec(specReferring("./pet.yaml")));
        assertThat(problem.file()).isEqualTo(pet.toString());
        assertThat(problem.pointer()).isEqualTo("/properties/owner/$ref");
        assertThat(requests).isEmpty();
    }

    @Test
    void aRemoteRefUnderAPropertyCalledDefaultIsStillFollowed() throws Exception {
        // `default` is data in a schema, but a property may be called `default`: its $ref is a reference.
        SpecProblem problem = refused(spec(HEAD + "paths: {}\ncomponents:\n  schemas:\n    Pet:\n      type: object\n"
                + "      properties:\n        default: {$ref: 'http://" + host() + "/pet.yaml'}\n"));
        assertThat(problem.pointer()).isEqualTo("/components/schemas/Pet/properties/default/$ref");
        assertThat(requests).isEmpty();
    }

    @Test
    void aRemoteRefInAnExampleCalledDefaultIsRefusedAndNothingIsFetched() throws Exception {
        // `examples` is a map of names: an Example called `default` is an Example, and swagger-parser resolves its $ref
        SpecProblem problem = refused(spec(HEAD + "paths:\n  /pet:\n    get:\n      operationId: getPet\n      responses:\n"
                + "        '200':\n          description: ok\n          content:\n            application/json:\n"
                + "              schema: {type: string}\n              examples:\n"
                + "                default: {$ref: 'http://" + host() + "/ex.json#/Ex'}\n"));
        assertThat(problem.pointer()).isEqualTo("/paths/~1pet/get/responses/200/content/application~1json/examples/default/$ref");
        assertThat(problem.rule()).contains("reaches the network");
        assertThat(requests).isEmpty();
    }

    @Test
    void anOutsideFileInAComponentExampleCalledConstIsRefused() throws Exception {
        Files.createDirectories(tmp.resolve("outside"));
        Path outside = Files.writeString(tmp.resolve("outside/ex.json"), "{\"Ex\": {\"value\": \"OUTSIDE\"}}");
        SpecProblem problem = refused(spec(HEAD + "paths: {}\ncomponents:\n  examples:\n"
                + "    const: {$ref: '../outside/ex.json#/Ex'}\n"));
        assertThat(problem.pointer()).isEqualTo("/components/examples/const/$ref");
        assertThat(problem.rule()).contains(outside.toRealPath().toString(), "outside the spec's folder");
    }

    @Test
    void aRemoteRefInAParameterExampleCalledEnumIsRefusedAndNothingIsFetched() throws Exception {
        SpecProblem problem = refused(spec(HEAD + "paths:\n  /pet:\n    get:\n      operationId: getPet\n      parameters:\n"
                + "        - name: q\n          in: query\n          schema: {type: string}\n          examples:\n"
                + "            enum: {$ref: 'http://" + host() + "/ex.json#/Ex'}\n"
                + "      responses:\n        '200': {description: ok}\n"));
        assertThat(problem.pointer()).isEqualTo("/paths/~1pet/get/parameters/0/examples/enum/$ref");
        assertThat(requests).isEmpty();
    }

    @Test
    void aRemoteRefInsideASchemasDefaultValueIsCheckedToo() throws Exception {
        // whether or not swagger-parser would resolve it, a $ref is checked wherever it stands: refusing one is cheap
        SpecProblem problem = refused(spec(HEAD + "paths: {}\ncomponents:\n  schemas:\n    Pet:\n      type: object\n"
                + "      default: {$ref: 'http://" + host() + "/pet.yaml'}\n"));
        assertThat(problem.pointer()).isEqualTo("/components/schemas/Pet/default/$ref");
        assertThat(requests).isEmpty();
    }

    @Test
    void aRemoteDiscriminatorMappingIsRefusedAndNothingIsFetched() throws Exception {
        SpecProblem problem = refused(spec(HEAD + "paths: {}\ncomponents:\n  schemas:\n    Pet:\n      type: object\n"
                + "      properties: {kind: {type: string}}\n      discriminator:\n        propertyName: kind\n"
                + "        mapping: {dog: 'http://" + host() + "/dog.yaml'}\n"));
        assertThat(problem.pointer()).isEqualTo("/components/schemas/Pet/discriminator/mapping/dog");
        assertThat(requests).isEmpty();
    }

    @Test
    void aRemoteRefInASwagger2DefinitionIsRefusedAndNothingIsFetched() throws Exception {
        Path spec = spec("swagger: '2.0'\ninfo: {title: T, version: '1'}\npaths:\n  /pet:\n    get:\n      operationId: getPet\n"
                + "      responses:\n        '200': {description: ok, schema: {$ref: 'http://" + host() + "/pet.yaml'}}\n");
        SpecProblem problem = refused(spec);
        assertThat(problem.pointer()).isEqualTo("/paths/~1pet/get/responses/200/schema/$ref");
        assertThat(problem.rule()).contains("reaches the network");
        assertThat(requests).isEmpty();
    }

    @Test
    void aRemoteRefInASwagger2DefinitionIsRefusedEvenFromAnAllowedHost() throws Exception {
        // the 2.0 resolver fetches with no allow-list and follows redirects: remote refs are not safe to hand it
        Path spec = spec("swagger: '2.0'\ninfo: {title: T, version: '1'}\npaths:\n  /pet:\n    get:\n      operationId: getPet\n"
                + "      produces: [application/json]\n"
                + "      responses:\n        '200': {description: ok, schema: {$ref: 'http://" + host() + "/pet.yaml'}}\n");
        SpecProblem problem = refused(spec, b -> b.allowedRefHosts(Set.of("127.0.0.1")));
        assertThat(problem.pointer()).isEqualTo("/paths/~1pet/get/responses/200/schema/$ref");
        assertThat(problem.rule()).contains("Swagger 2.0", "remote");
        assertThat(problem.fix()).contains("OpenAPI 3", "copy the document");
        assertThat(requests).isEmpty();
    }

    @Test
    void aRefOnlySwaggerParsersOwnDownloadHoldsIsNotFetched() throws Exception {
        // the guard checked the first answer; swagger-parser downloads the document again and gets another one
        Path spec = spec(specReferring("http://" + host() + "/flip.yaml"));
        catchThrowableOfType(SpecProblemsException.class, () -> new Generator().files(
                GeneratorOptions.builder(spec, tmp.resolve("out")).allowedRefHosts(Set.of("127.0.0.1")).build()));
        assertThat(requests).contains("/flip.yaml").doesNotContain("/evil.yaml");
    }

    @Test
    void aRedirectOnSwaggerParsersOwnFetchIsNotFollowed() throws Exception {
        // the guard's fetch is answered; swagger-parser fetches again and is redirected to a host not allowed
        Path spec = spec(specReferring("http://" + host() + "/jump.yaml"));
        catchThrowableOfType(SpecProblemsException.class, () -> new Generator().files(
                GeneratorOptions.builder(spec, tmp.resolve("out")).allowedRefHosts(Set.of("127.0.0.1")).build()));
        assertThat(requests).contains("/jump.yaml").doesNotContain("/evil.yaml");
        assertThat(java.net.HttpURLConnection.getFollowRedirects()).as("the JVM-wide default is put back").isTrue();
    }

    @Test
    void aSpecThatMixesRemoteDocumentsAndFilesIsRefused() throws Exception {
        // swagger-parser checks hosts only in its safe mode, which reads no file: a mix cannot be resolved safely
        Files.writeString(folder.resolve("owner.yaml"), PET_SCHEMA);
        SpecProblem problem = refused(spec(specReferring("http://" + host() + "/pet.yaml") + "components:\n  schemas:\n"
                + "    Owner: {$ref: './owner.yaml'}\n"), b -> b.allowedRefHosts(Set.of("127.0.0.1")));
        assertThat(problem.pointer()).isEqualTo(REF_POINTER);
        assertThat(problem.rule()).contains("remote document", "other files");
        assertThat(problem.fix()).contains("copy the remote documents next to the spec");
    }

    @Test
    void aBareComponentNameIsNotTakenForAFile() throws Exception {
        // swagger-core reads `$ref: Pet` and a mapping value `dog: Dog` as #/components/schemas/...: no file is opened
        Path spec = spec(specReferring("Pet") + "components:\n  schemas:\n    Pet:\n      type: object\n"
                + "      properties: {kind: {type: string}}\n      discriminator: {propertyName: kind, mapping: {pet: Pet}}\n");
        assertThat(new SpecLoader().load(spec).getComponents().getSchemas()).containsKey("Pet");
    }

    @Test
    void aDottedMappingValueIsAFileAsSwaggerParserReadsIt() throws Exception {
        SpecProblem problem = refused(spec(HEAD + "paths: {}\ncomponents:\n  schemas:\n    Pet:\n      type: object\n"
                + "      properties: {kind: {type: string}}\n      discriminator: {propertyName: kind, mapping: {dog: v1.Dog}}\n"));
        assertThat(problem.pointer()).isEqualTo("/components/schemas/Pet/discriminator/mapping/dog");
        assertThat(problem.rule()).contains("does not exist");
    }

    @Test
    void anIdThatMovesALocalLookingRefOntoTheNetworkIsRefusedIn31() throws Exception {
        // in 3.1 a schema's $id is the base of the $refs inside it: `#/defs/Name` would be fetched from the $id's host
        SpecProblem problem = refused(spec(HEAD.replace("3.0.3", "3.1.0") + "paths: {}\ncomponents:\n  schemas:\n"
                + "    Pet:\n      $id: 'http://" + host() + "/pet.json'\n      type: object\n"
                + "      properties:\n        name: {$ref: '#/$defs/Name'}\n"));
        assertThat(problem.pointer()).isEqualTo("/components/schemas/Pet/properties/name/$ref");
        assertThat(problem.rule()).contains("reaches the network", "$id base");
        assertThat(requests).isEmpty();
    }

    @Test
    void aRelativeIdInsideTheFolderKeepsRefsLocalIn31() throws Exception {
        Files.createDirectories(folder.resolve("schemas"));
        Files.writeString(folder.resolve("schemas/name.yaml"), "type: string\n");
        Path spec = spec(HEAD.replace("3.0.3", "3.1.0") + "paths: {}\ncomponents:\n  schemas:\n"
                + "    Pet:\n      $id: 'schemas/pet.yaml'\n      type: object\n"
                + "      properties:\n        name: {$ref: 'name.yaml'}\n");
        // the guard lets it through (it stays in the folder); whatever swagger-parser makes of it, nothing is fetched
        catchThrowableOfType(SpecProblemsException.class, () -> new SpecLoader().load(spec));
        assertThat(requests).isEmpty();
        Path outside = Files.writeString(tmp.resolve("name.yaml"), "type: string\n");
        SpecProblem problem = refused(spec(HEAD.replace("3.0.3", "3.1.0") + "paths: {}\ncomponents:\n  schemas:\n"
                + "    Pet:\n      $id: 'schemas/pet.yaml'\n      type: object\n"
                + "      properties:\n        name: {$ref: '../../name.yaml'}\n"));
        assertThat(problem.rule()).contains(outside.toRealPath().toString(), "outside the spec's folder");
    }

    @Test
    void anAllowedLoopbackHostIsFetched() throws Exception {
        Path spec = spec(specReferring("http://" + host() + "/pet.yaml"));
        var files = new Generator().files(GeneratorOptions.builder(spec, tmp.resolve("out"))
                .allowedRefHosts(Set.of("127.0.0.1")).build());
        assertThat(requests).contains("/pet.yaml");
        assertThat(files).anySatisfy(f -> assertThat(f.content()).contains("getPet"));
    }

    @Test
    void anAllowedHostIsFetchedOverHttpsOnly() throws Exception {
        SpecProblem problem = refused(spec(specReferring("http://specs.example.invalid/pet.yaml")),
                b -> b.allowedRefHosts(Set.of("specs.example.invalid")));
        assertThat(problem.rule()).contains("over http", "https only");
        assertThat(problem.fix()).contains("https://specs.example.invalid");
    }

    @Test
    void aRedirectFromAnAllowedHostIsNotFollowed() throws Exception {
        SpecProblem problem = refused(spec(specReferring("http://" + host() + "/moved.yaml")),
                b -> b.allowedRefHosts(Set.of("127.0.0.1")));
        assertThat(problem.rule()).contains("HTTP 302", "redirects are not followed");
        assertThat(requests).containsExactly("/moved.yaml");
    }

    @Test
    void aHostThatIsNotAHostNameIsABadArgument() {
        assertThat(catchThrowableOfType(IllegalArgumentException.class, () -> GeneratorOptions.builder(tmp, tmp)
                .allowedRefHosts(Set.of("https://example.com/x")).build()))
                .hasMessageContaining("must be a host name such as api.example.com");
    }

    @Test
    void aDotDotRefToEtcPasswdIsRefusedNotRead() throws Exception {
        String up = "../".repeat(tmp.getNameCount() + 2);
        SpecProblem problem = refused(spec(specReferring(up + "etc/passwd")));
        assertThat(problem.pointer()).isEqualTo(REF_POINTER);
        assertThat(problem.rule()).contains("outside the spec's folder");
        assertThat(problem.fix()).contains("--allow-refs-outside", "allowRefsOutside", "allowedRefFolders");
    }

    @Test
    void aHashInTheFilePartOfARefIsRefusedNotRead() throws Exception {
        // swagger-parser splits at `#/`: `x#../../outside/secret.json` is a relative path that leads out of the folder
        Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(tmp.resolve("outside/secret.json"), "{\"Secret\": {\"type\": \"string\", \"description\": \"OUTSIDE\"}}");
        SpecProblem problem = refused(spec(specReferring("x#../../outside/secret.json#/Secret")));
        assertThat(problem.pointer()).isEqualTo(REF_POINTER);
        assertThat(problem.rule()).contains("`#`");
        assertThat(problem.fix()).contains("#/");
    }

    @Test
    void aHashInTheFilePartOfASwagger2RefIsRefusedNotRead() throws Exception {
        Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(tmp.resolve("outside/secret.json"), "{\"Secret\": {\"type\": \"string\", \"description\": \"OUTSIDE\"}}");
        SpecProblem problem = refused(spec("swagger: '2.0'\ninfo: {title: T, version: '1'}\npaths:\n  /pet:\n    get:\n"
                + "      operationId: getPet\n      produces: [application/json]\n      responses:\n"
                + "        '200': {description: ok, schema: {$ref: 'x#../../outside/secret.json#/Secret'}}\n"));
        assertThat(problem.pointer()).isEqualTo("/paths/~1pet/get/responses/200/schema/$ref");
        assertThat(problem.rule()).contains("`#`");
    }

    @Test
    void anAbsolutePathRefOutsideTheFolderIsRefused() throws Exception {
        Path outside = Files.writeString(tmp.resolve("pet.yaml"), PET_SCHEMA);
        SpecProblem problem = refused(spec(specReferring(outside.toAbsolutePath().toString())));
        assertThat(problem.rule()).contains(outside.toRealPath().toString(), "outside the spec's folder");
    }

    @Test
    void aFileUrlRefOutsideTheFolderIsRefused() throws Exception {
        Path outside = Files.writeString(tmp.resolve("pet.yaml"), PET_SCHEMA);
        SpecProblem problem = refused(spec(specReferring(outside.toUri().toString())));
        assertThat(problem.pointer()).isEqualTo(REF_POINTER);
        assertThat(problem.rule()).contains("outside the spec's folder");
    }

    @Test
    void aFileUrlWithAHostIsRefusedAsSuch() throws Exception {
        // on Windows file://attacker/share/x.yaml is a UNC path: opening it would reach the network
        SpecProblem problem = refused(spec(specReferring("file://attacker/share/x.yaml")));
        assertThat(problem.pointer()).isEqualTo(REF_POINTER);
        assertThat(problem.rule()).contains("names the host `attacker`");
    }

    @Test
    void aDoubleSlashPathIsRefusedAsOutsideBeforeAnyFileIsLookedAt() throws Exception {
        // on Windows //attacker/share/x.yaml is a UNC path: even Files.exists on it would open SMB
        SpecProblem problem = refused(spec(specReferring("//attacker/share/x.yaml")));
        assertThat(problem.pointer()).isEqualTo(REF_POINTER);
        assertThat(problem.rule()).contains("outside the spec's folder").doesNotContain("does not exist");
    }

    @Test
    void anIdThatIsAFileUrlWithAHostIsALocatedProblemIn31() throws Exception {
        SpecProblem problem = refused(spec(HEAD.replace("3.0.3", "3.1.0") + "paths: {}\ncomponents:\n  schemas:\n"
                + "    Pet:\n      $id: 'file://attacker/share/'\n      type: object\n"
                + "      properties:\n        name: {$ref: 'name.yaml'}\n"));
        assertThat(problem.pointer()).isEqualTo("/components/schemas/Pet/properties/name/$ref");
        assertThat(problem.rule()).contains("names the host `attacker`");
    }

    @Test
    void aSymlinkInsideTheFolderPointingOutsideIsRefused() throws Exception {
        Path outside = Files.writeString(tmp.resolve("pet.yaml"), PET_SCHEMA);
        Files.createSymbolicLink(folder.resolve("pet.yaml"), outside);
        SpecProblem problem = refused(spec(specReferring("./pet.yaml")));
        assertThat(problem.rule()).contains("reads " + outside.toRealPath(), "outside the spec's folder");
    }

    @Test
    void aSymlinkedFolderInsidePointingOutsideIsRefused() throws Exception {
        Path outsideDir = Files.createDirectories(tmp.resolve("elsewhere"));
        Files.writeString(outsideDir.resolve("pet.yaml"), PET_SCHEMA);
        Files.createSymbolicLink(folder.resolve("shared"), outsideDir);
        SpecProblem problem = refused(spec(specReferring("shared/pet.yaml")));
        assertThat(problem.rule()).contains("outside the spec's folder");
    }

    @Test
    void aSecondRouteThroughASymlinkToAFileAlreadyReadIsCheckedFromTheLinksPath() throws Exception {
        // l -> sub/inner: the same a.json by two paths; swagger-parser resolves its `../../z.json` from each, and from
        // the link's path that is a file outside the folder
        Files.createDirectories(folder.resolve("sub/inner"));
        Files.writeString(folder.resolve("sub/inner/a.json"), "{\"A\": {\"$ref\": \"../../z.json#/Z\"}}");
        Files.writeString(folder.resolve("z.json"), "{\"Z\": {\"type\": \"string\"}}");
        Path outside = Files.writeString(tmp.resolve("z.json"), "{\"Z\": {\"type\": \"string\", \"description\": \"OUTSIDE\"}}");
        Files.createSymbolicLink(folder.resolve("l"), folder.resolve("sub/inner"));
        SpecProblem problem = refused(spec(specReferring("sub/inner/a.json#/A") + "components:\n  schemas:\n"
                + "    Other: {$ref: 'l/a.json#/A'}\n"));
        assertThat(problem.file()).isEqualTo(folder.resolve("l/a.json").toString());
        assertThat(problem.pointer()).isEqualTo("/A/$ref");
        assertThat(problem.rule()).contains(outside.toRealPath().toString(), "outside the spec's folder");
    }

    @Test
    void aSymlinkLoopEndsInAProblemNotAnEndlessWalk() throws Exception {
        // l -> . and a.json names l/a.json: every route is a new path (l/l/l/...) until the system refuses the path
        Files.writeString(folder.resolve("a.json"), "{\"A\": {\"$ref\": \"l/a.json#/A\"}}");
        Files.createSymbolicLink(folder.resolve("l"), Path.of("."));
        SpecProblem problem = refused(spec(specReferring("a.json#/A")));
        assertThat(problem.rule()).contains("l/l/l/l/a.json");
    }

    @Test
    void anAllowedOutsideFolderIsRead() throws Exception {
        Path shared = Files.createDirectories(tmp.resolve("shared"));
        Files.writeString(shared.resolve("pet.yaml"), PET_SCHEMA);
        Path spec = spec(specReferring("../shared/pet.yaml"));
        var files = new Generator().files(GeneratorOptions.builder(spec, tmp.resolve("out"))
                .allowedRefFolders(List.of(shared)).build());
        assertThat(files).anySatisfy(f -> assertThat(f.content()).contains("getPet"));
    }

    @Test
    void aRefToAMissingFileIsLocated() throws Exception {
        SpecProblem problem = refused(spec(specReferring("./nope.yaml#/Pet")));
        assertThat(problem.pointer()).isEqualTo(REF_POINTER);
        assertThat(problem.rule()).contains("does not exist", folder.resolve("nope.yaml").toString());
    }

    @Test
    void aRefToAFileThatIsNotJsonOrYamlIsLocated() throws Exception {
        Files.writeString(folder.resolve("notes.txt"), "root:x:0:0:root:/root:/bin/bash\n");
        SpecProblem problem = refused(spec(specReferring("notes.txt")));
        assertThat(problem.pointer()).isEqualTo(REF_POINTER);
        assertThat(problem.rule()).contains("is not a JSON or YAML document");
    }

    @Test
    void aRefToBinaryIsLocated() throws Exception {
        Files.write(folder.resolve("logo.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, (byte) 0xff, (byte) 0xfe, 0});
        SpecProblem problem = refused(spec(specReferring("logo.png")));
        assertThat(problem.pointer()).isEqualTo(REF_POINTER);
        assertThat(problem.rule()).contains("logo.png");
    }

    @Test
    void aRefWithAnotherSchemeIsRefused() throws Exception {
        SpecProblem problem = refused(spec(specReferring("jar:file:/tmp/x.jar!/pet.yaml")));
        assertThat(problem.rule()).contains("scheme `jar:`");
    }

    @Test
    void aRefToAFolderIsRefused() throws Exception {
        Files.createDirectories(folder.resolve("schemas"));
        SpecProblem problem = refused(spec(specReferring("./schemas")));
        assertThat(problem.rule()).contains("which is not a file");
    }

    @Test
    void aBillionLaughsInAReferencedFileIsRefusedQuickly() throws Exception {
        Path laughs = Files.writeString(folder.resolve("pet.yaml"), HostileYamlTest.billionLaughs());
        long start = System.nanoTime();
        SpecProblem problem = refused(spec(specReferring("pet.yaml")));
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("billion laughs in a referenced file refused in " + millis + " ms");
        assertThat(millis).isLessThan(5_000);
        assertThat(problem.file()).isEqualTo(laughs.toString());
        assertThat(problem.rule()).contains("billion laughs", "reached by the $ref at");
    }
}
