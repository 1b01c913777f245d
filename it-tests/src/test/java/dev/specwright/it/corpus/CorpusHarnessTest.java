package dev.specwright.it.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specwright.generator.emit.GeneratedFile;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The harness itself, without the corpus: it must see a warning as a failure, and choose the sample the same way. */
class CorpusHarnessTest {

    @Test
    void theSampleIsSpreadEvenlyAndDeterministic() {
        List<String> specs = IntStream.range(0, 2639).mapToObj(i -> String.format("s%04d.json", i)).toList();
        List<String> sample = CorpusSpecs.sample(specs, 300);
        assertEquals(300, sample.size());
        assertEquals("s0000.json", sample.get(0));
        assertEquals("s2630.json", sample.get(299));
        assertEquals(sample, CorpusSpecs.sample(specs, 300));
        assertEquals(300, sample.stream().distinct().count());
    }

    @Test
    void packagesAreLegalAndUnique() {
        Map<String, String> packages = CorpusSpecs.packages(List.of("1forge.com.json", "adyen.com/CheckoutService-v71.json",
                "x/new.json", "x/New.json", "a-b/c.json", "a_b/c.json"));
        assertEquals("corpus._1forge_com", packages.get("1forge.com.json"));
        assertEquals("corpus.adyen_com.checkoutservice_v71", packages.get("adyen.com/CheckoutService-v71.json"));
        assertEquals("corpus.x.new_", packages.get("x/new.json"));
        assertEquals("corpus.x.new__2", packages.get("x/New.json"));
        assertEquals("corpus.a_b.c", packages.get("a-b/c.json"));
        assertEquals("corpus.a_b.c_2", packages.get("a_b/c.json"));
    }

    @Test
    void cleanCodeCompilesAndAWarningIsAFailureWithItsLocation() throws Exception {
        InMemoryJavac javac = new InMemoryJavac();
        InMemoryJavac.Result clean = javac.compile(List.of(new GeneratedFile("src/main/java/p/A.java",
                "package p;\npublic final class A {\n    private A() {}\n}\n")));
        assertTrue(clean.success(), clean.firstProblem());

        InMemoryJavac.Result warned = javac.compile(List.of(new GeneratedFile("src/main/java/p/B.java",
                "package p;\npublic final class B {\n    private B() {}\n    static java.util.List raw() { return null; }\n}\n")));
        assertFalse(warned.success());
        assertEquals(0, warned.errors());
        assertTrue(warned.firstProblem().startsWith("p/B.java:4: warning: found raw type"), warned.firstProblem());

        InMemoryJavac.Result broken = javac.compile(List.of(new GeneratedFile("src/main/java/p/C.java",
                "package p;\npublic final class C {\n    Missing m;\n}\n")));
        assertFalse(broken.success());
        assertTrue(broken.firstProblem().startsWith("p/C.java:3: error: cannot find symbol"), broken.firstProblem());
    }

    @Test
    void causesGroupAcrossSpecs() {
        assertEquals(SpecRunner.mask("clone() has protected access in java.lang.Object"),
                SpecRunner.mask("clone() has protected access in java.lang.String"));
        assertEquals(SpecRunner.mask("variable fooBar is already defined in class Pet_2"),
                SpecRunner.mask("variable bazQux is already defined in class Order3"));
    }
}
