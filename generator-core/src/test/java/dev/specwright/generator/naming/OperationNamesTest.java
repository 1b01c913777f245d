package dev.specwright.generator.naming;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.specwright.generator.Generator;
import dev.specwright.generator.GeneratorOptions;
import dev.specwright.generator.InProcessCompiler;
import dev.specwright.generator.emit.GeneratedFile;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Operation method names without the group's noun, and API classes whose operations take any name. */
class OperationNamesTest {

    private static final Set<String> RESERVED = Set.of("with", "async", "equals", "hashCode", "toString", "getClass");

    @TempDir
    Path tmp;

    @Test
    void theGroupsNounGoesSingularOrPlural() {
        assertThat(OperationNames.shortened("Products",
                List.of("getProduct", "listProducts", "createProduct", "updateProduct", "deleteProduct"), RESERVED))
                .containsExactly("get", "list", "create", "update", "delete");
        assertThat(OperationNames.shortened("categories", List.of("listCategories", "getCategory"), RESERVED))
                .containsExactly("list", "get");
        // GitHub: tag repos, operationId repos/get-content; a tag of two words
        assertThat(OperationNames.shortened("repos", List.of("reposGetContent", "reposGet"), RESERVED))
                .containsExactly("getContent", "get");
        assertThat(OperationNames.shortened("code-scanning", List.of("codeScanningListAlertsForRepo"), RESERVED))
                .containsExactly("listAlertsForRepo");
        assertThat(OperationNames.shortened("Log", List.of("createLogEvents"), RESERVED)).containsExactly("createEvents");
    }

    @Test
    void aNameStaysFullWhenTheShortOneIsTakenIllegalOrAmbiguous() {
        // two operations would both be "get": both keep their names; "list" is an operation's own name already
        assertThat(OperationNames.shortened("products", List.of("getProduct", "getProducts", "listProducts", "list"),
                RESERVED)).containsExactly("getProduct", "getProducts", "listProducts", "list");
        assertThat(OperationNames.shortened("products", List.of("newProduct", "product", "withProduct", "product2Get",
                "asyncProducts", "productions"), RESERVED))
                .as("a keyword, nothing left, a reserved member, words that only start like the noun")
                .containsExactly("newProduct", "product", "withProduct", "product2Get", "asyncProducts", "productions");
        assertThat(OperationNames.shortened("Reseller", List.of("listTenantUsers"), RESERVED))
                .containsExactly("listTenantUsers");
    }

    @Test
    void theDecisionDoesNotDependOnOrder() {
        List<String> names = List.of("getProduct", "getProducts", "deleteProduct", "delete2", "listProducts", "createItem");
        List<String> forward = OperationNames.shortened("products", names, RESERVED);
        List<String> reversed = new ArrayList<>(names);
        Collections.reverse(reversed);
        List<String> backward = new ArrayList<>(OperationNames.shortened("products", reversed, RESERVED));
        Collections.reverse(backward);
        assertThat(backward).isEqualTo(forward);
        assertThat(forward).containsExactly("getProduct", "getProducts", "delete", "delete2", "list", "createItem");
    }

    /**
     * Operations named like the API classes' own members ({@code async}, {@code with}, a request builder's
     * {@code getRequest}) and like {@code Object}'s methods all compile, in both classes, with names of their own.
     */
    @Test
    void operationsNamedLikeTheClassesOwnMembersCompile() throws Exception {
        List<String> ids = List.of("async", "with", "getRequest", "get", "getThing", "equals", "hashCode", "toString",
                "getClass", "wait", "notify", "listThings");
        Map<String, Object> paths = new LinkedHashMap<>();
        for (String id : ids) {
            Map<String, Object> parameters = Map.of("name", "q", "in", "query", "schema", Map.of("type", "string"));
            paths.put("/" + id, Map.of("get", Map.of("operationId", id, "tags", List.of("things"),
                    "parameters", List.of(parameters),
                    "responses", Map.of("200", Map.of("description", "ok", "content",
                            Map.of("application/json", Map.of("schema", Map.of("type", "string"))))))));
        }
        Map<String, Object> spec = Map.of("openapi", "3.0.3", "info", Map.of("title", "Things", "version", "1"),
                "paths", paths);
        Path file = Files.createDirectories(tmp.resolve("spec")).resolve("openapi.json");
        Files.write(file, new ObjectMapper().writeValueAsBytes(spec));
        List<GeneratedFile> files = new Generator().files(
                GeneratorOptions.builder(file, tmp.resolve("out")).basePackage("things").build());
        InProcessCompiler.Result compiled = InProcessCompiler.compile(files, tmp.resolve("classes"));
        assertThat(compiled.diagnostics()).as("javac -Xlint:all -Werror").isEmpty();

        Class<?> sync = compiled.classLoader().loadClass("things.api.ThingsApi");
        Class<?> async = compiled.classLoader().loadClass("things.api.ThingsAsyncApi");
        List<String> operations = List.of("async2", "with2", "getRequest", "get", "getThing", "equals2", "hashCode2",
                "toString2", "getClass2", "wait2", "notify2", "list");
        assertThat(publicNames(sync)).containsAll(operations).contains("with", "async");
        assertThat(publicNames(async)).containsAll(operations).contains("with").doesNotContain("async");
        assertThat(sync.getMethod("async").getReturnType().getName()).isEqualTo(async.getName());
        // the request builders share the sync class's namespace: get's is not the operation getRequest
        assertThat(Arrays.stream(sync.getDeclaredMethods()).filter(m -> Modifier.isStatic(m.getModifiers()))
                .map(Method::getName)).contains("getRequest2", "getRequestRequest", "async2Request");
    }

    private static List<String> publicNames(Class<?> type) {
        return Arrays.stream(type.getDeclaredMethods()).filter(m -> Modifier.isPublic(m.getModifiers()))
                .map(Method::getName).distinct().toList();
    }
}
