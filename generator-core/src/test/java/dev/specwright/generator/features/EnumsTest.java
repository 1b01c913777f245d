package dev.specwright.generator.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Open enums: final classes whose constants keep working like enum constants and whose unknown values are kept. */
class EnumsTest {

    private static Feature f;

    @BeforeAll
    static void generate() throws Exception {
        f = Feature.generate("enums.yaml");
    }

    @Test
    void everyAwkwardValueReadsAsItsConstantAndWritesBackTheSameJson() throws Exception {
        Class<?> odd = f.model("Odd");
        assertThat(constantNames(odd)).containsExactly("_1", "EMPTY", "A_B", "A_B2", "_1ST", "CLASS", "UNKNOWN2", "OK");
        String[] wires = {"+1", "", "a-b", "A-B", "1st", "class", "UNKNOWN", "ok"};
        for (int i = 0; i < wires.length; i++) {
            String json = Feature.JSON.writeValueAsString(wires[i]);
            Object read = Feature.JSON.readValue(json, odd);
            assertThat(read).as(json).isSameAs(constant(odd, constantNames(odd).get(i))).isSameAs(fromValue(odd, wires[i]));
            assertThat(Feature.get(read, "isKnown")).isEqualTo(true);
            assertThat(Feature.JSON.writeValueAsString(read)).isEqualTo(json);
        }
        assertThat(fromValue(odd, "+1")).isSameAs(constant(odd, "_1"));
    }

    @Test
    void theNestedKnownEnumNamesTheSameValuesPlusUnknownForSwitch() throws Exception {
        Class<?> odd = f.model("Odd");
        Class<?> known = f.model("Odd$Known");
        assertThat(known.isEnum()).isTrue();
        assertThat(Arrays.stream(known.getEnumConstants()).map(c -> ((Enum<?>) c).name()))
                .containsExactly("_1", "EMPTY", "A_B", "A_B2", "_1ST", "CLASS", "UNKNOWN2", "OK", "UNKNOWN");
        assertThat(((Enum<?>) Feature.get(constant(odd, "UNKNOWN2"), "known")).name()).isEqualTo("UNKNOWN2");
        assertThat(((Enum<?>) Feature.get(fromValue(odd, "a-b"), "known")).name()).isEqualTo("A_B");
    }

    @Test
    void anUnknownStringKeepsItsRawValue() throws Exception {
        Class<?> mode = f.model("SignalMode");
        Object turbo = Feature.JSON.readValue("\"turbo\"", mode);
        assertThat(((Enum<?>) Feature.get(turbo, "known")).name()).isEqualTo("UNKNOWN");
        assertThat(Feature.get(turbo, "isKnown")).isEqualTo(false);
        assertThat(Feature.get(turbo, "value")).isEqualTo("turbo");
        assertThat(turbo).hasToString("turbo");
        assertThat(Feature.JSON.writeValueAsString(turbo)).isEqualTo("\"turbo\"");
        assertThat(values(mode)).doesNotContain(turbo);
    }

    @Test
    void anUnknownIntegerKeepsItsRawValue() throws Exception {
        Class<?> level = f.model("Level");
        Object answer = Feature.JSON.readValue("42", level);
        assertThat(((Enum<?>) Feature.get(answer, "known")).name()).isEqualTo("UNKNOWN");
        assertThat(Feature.get(answer, "isKnown")).isEqualTo(false);
        assertThat(Feature.get(answer, "value")).isEqualTo(42L);
        assertThat(Feature.JSON.writeValueAsString(answer)).isEqualTo("42");
        assertThat(Feature.JSON.readValue("-1", level)).isSameAs(constant(level, "V_1"));
        assertThat(Feature.JSON.readValue("10", level)).isSameAs(constant(level, "V10"));
        assertThat(Feature.JSON.writeValueAsString(constant(level, "V_1"))).isEqualTo("-1");
    }

    @Test
    void aModelWithUnknownValuesWritesThemBackUnchanged() throws Exception {
        String json = "{\"odd\":\"a-b\",\"level\":42,\"mode\":\"turbo\",\"levels\":[10,7,-1]}";
        Object signal = Feature.JSON.readValue(json, f.model("Signal"));
        assertThat(Feature.get(signal, "odd")).isSameAs(constant(f.model("Odd"), "A_B"));
        assertThat(Feature.get(signal, "mode")).hasToString("turbo");
        assertThat(Feature.JSON.writeValueAsString(signal)).isEqualTo(json);
        Object nulls = Feature.JSON.readValue("{\"odd\":null}", f.model("Signal"));
        assertThat(Feature.get(nulls, "odd")).isNull();
    }

    @Test
    void valuesListsTheKnownConstantsInSpecOrder() throws Exception {
        Class<?> level = f.model("Level");
        assertThat(values(level)).containsExactly(constant(level, "V_1"), constant(level, "V0"), constant(level, "V1"), constant(level, "V10"));
        assertThatThrownBy(() -> values(level).add(constant(level, "V0"))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void equalityIsByValue() throws Exception {
        Class<?> mode = f.model("SignalMode");
        Object one = Feature.JSON.readValue("\"turbo\"", mode);
        Object two = fromValue(mode, "turbo");
        assertThat(one).isNotSameAs(two).isEqualTo(two).hasSameHashCodeAs(two);
        assertThat(one).isNotEqualTo(fromValue(mode, "Turbo")).isNotEqualTo("turbo");
        assertThat(fromValue(mode, "auto")).isEqualTo(constant(mode, "AUTO"));
    }

    @Test
    void fromValueRefusesNullSayingWhy() throws Exception {
        Class<?> odd = f.model("Odd");
        assertThatThrownBy(() -> fromValue(odd, null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("Odd.fromValue(null)");
    }

    @Test
    void constantNamesNeverTakeWhatTheClassDeclaresItself() throws Exception {
        Class<?> clash = f.model("Clash");
        // "ok" is listed twice in the spec: one constant
        assertThat(constantNames(clash)).containsExactly("VALUES2", "BY_VALUE2", "KNOWN", "UNKNOWN2", "VALUE", "KNOWN2", "OK");
        assertThat(Feature.JSON.readValue("\"values\"", clash)).isSameAs(constant(clash, "VALUES2"));
        // an enum named Known cannot hold a nested type of its own name
        Class<?> known = f.model("Known");
        assertThat(known.getDeclaredClasses()).extracting(Class::getSimpleName).containsExactly("Known2");
        assertThat(((Enum<?>) Feature.get(Feature.JSON.readValue("\"maybe\"", known), "known")).name()).isEqualTo("UNKNOWN");
        // enums named like the JDK types the generated class uses compiled (-Werror) and work
        assertThat(Feature.JSON.readValue("\"last\"", f.model("List"))).isSameAs(constant(f.model("List"), "LAST"));
        assertThat(Feature.JSON.readValue("2", f.model("Collectors"))).isSameAs(constant(f.model("Collectors"), "V2"));
    }

    @Test
    void aUnionPicksTheEnumThatKnowsTheValueElseThePlainString() throws Exception {
        Class<?> choice = f.model("Choice");
        assertThat(Feature.JSON.readValue("\"a-b\"", choice).getClass().getSimpleName()).isEqualTo("OfOdd");
        assertThat(Feature.JSON.readValue("\"turbo\"", choice).getClass().getSimpleName()).isEqualTo("OfString");
        assertThat(Feature.JSON.readValue("10", choice).getClass().getSimpleName()).isEqualTo("OfLevel");
        Object unknownLevel = Feature.JSON.readValue("42", choice);
        assertThat(unknownLevel.getClass().getSimpleName()).isEqualTo("OfLevel");
        assertThat(Feature.JSON.writeValueAsString(unknownLevel)).isEqualTo("42");
        assertThat(Feature.JSON.readValue("true", choice).getClass().getSimpleName()).isEqualTo("Unknown");
    }

    @Test
    void enumParametersAreSentAsTheirWireValueKnownOrNot() throws Exception {
        AtomicReference<URI> uri = new AtomicReference<>();
        AtomicReference<String> header = new AtomicReference<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            uri.set(exchange.getRequestURI());
            header.set(exchange.getRequestHeaders().getFirst("odd"));
            byte[] body = "{\"level\":42,\"mode\":\"turbo\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            Object builder = f.loader.loadClass("feature.EnumsClient").getMethod("builder").invoke(null);
            builder.getClass().getMethod("baseUri", URI.class)
                    .invoke(builder, URI.create("http://127.0.0.1:" + server.getAddress().getPort()));
            builder.getClass().getMethod("allowPlainHttpToLoopback", boolean.class).invoke(builder, true);
            Object client = builder.getClass().getMethod("build").invoke(builder);
            Object api = Feature.get(client, "enums");
            Class<?> params = f.loader.loadClass("feature.api.GetSignalParams");
            Object paramsBuilder = params.getMethod("builder").invoke(null);
            paramsBuilder.getClass().getMethod("level", f.model("Level")).invoke(paramsBuilder, constant(f.model("Level"), "V_1"));
            paramsBuilder.getClass().getMethod("odd", f.model("Odd")).invoke(paramsBuilder, fromValue(f.model("Odd"), "x-new"));
            Object signal = api.getClass().getMethod("getSignal", params)
                    .invoke(api, paramsBuilder.getClass().getMethod("build").invoke(paramsBuilder));
            assertThat(uri.get().getRawQuery()).isEqualTo("level=-1");
            assertThat(header.get()).isEqualTo("x-new");
            assertThat(Feature.get(Feature.get(signal, "level"), "value")).isEqualTo(42L);
            assertThat(Feature.get(signal, "mode")).hasToString("turbo");
        } finally {
            server.stop(0);
        }
        assertThat(f.source("api/EnumsApi.java")).contains(".query(\"level\", params.level())");
    }

    @Test
    void theGeneratedClassIsCompactBecauseTheRuntimeBaseClassDoesTheRest() throws Exception {
        // 4 lines per constant (its field, its Known constant, each with JavaPoet's blank line) plus about 48
        assertThat(f.source("model/SignalMode.java").lines().count()).isLessThan(60); // 2 values; 128 before
        assertThat(f.source("model/Odd.java").lines().count()).isLessThan(85); // 8 values; 188 before
        Class<?> odd = f.model("Odd");
        assertThat(odd.getSuperclass().getName()).isEqualTo("dev.specwright.runtime.OpenEnum");
        assertThat(Arrays.stream(odd.getDeclaredMethods()).map(java.lang.reflect.Method::getName).filter(n -> !n.startsWith("lambda$")))
                .containsExactlyInAnyOrder("fromValue", "values");
        // enums named like the runtime classes the generated class uses compiled (-Werror) and work
        assertThat(Feature.JSON.readValue("\"open\"", f.model("OpenEnum"))).isSameAs(constant(f.model("OpenEnum"), "OPEN"));
        assertThat(Feature.JSON.readValue("4", f.model("OpenEnumValues"))).isSameAs(constant(f.model("OpenEnumValues"), "V4"));
    }

    /** The public static constants of an open enum, in declaration order, as {@code values()} lists them. */
    private static List<String> constantNames(Class<?> type) throws Exception {
        List<String> names = new ArrayList<>();
        for (Object value : values(type)) {
            for (var field : type.getFields()) {
                if (Modifier.isStatic(field.getModifiers()) && field.getType() == type && field.get(null) == value) {
                    names.add(field.getName());
                }
            }
        }
        return names;
    }

    private static Object constant(Class<?> type, String name) throws Exception {
        return type.getField(name).get(null);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> values(Class<?> type) throws Exception {
        return (List<Object>) type.getMethod("values").invoke(null);
    }

    private static Object fromValue(Class<?> type, Object value) throws Exception {
        var method = Arrays.stream(type.getMethods()).filter(m -> m.getName().equals("fromValue")).findFirst().orElseThrow();
        try {
            return method.invoke(null, value);
        } catch (InvocationTargetException e) {
            throw (Exception) e.getCause();
        }
    }
}
