package dev.specwright.generator.emit;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The last check on generated file names refuses what allocation is meant to make impossible. */
class FileNamesTest {

    private static JavaFile file(String pkg, TypeSpec type) {
        return JavaFile.builder(pkg, type).build();
    }

    @Test
    void refusesDeviceNamesCaseTwinsAndOverlongClassFiles() {
        assertThatThrownBy(() -> FileNames.check(List.of(file("p", TypeSpec.classBuilder("Con").build()))))
                .hasMessageContaining("Con.java is a Windows device name");
        assertThatThrownBy(() -> FileNames.check(List.of(file("p.aux", TypeSpec.classBuilder("A").build()))))
                .hasMessageContaining("package folder aux");
        assertThatThrownBy(() -> FileNames.check(List.of(file("p", TypeSpec.classBuilder("Pet").build()),
                file("p", TypeSpec.classBuilder("PET").build())))).hasMessageContaining("differ only by case");
        TypeSpec nested = TypeSpec.classBuilder("A".repeat(96)).addType(TypeSpec.classBuilder("B".repeat(100)).build()).build();
        assertThatThrownBy(() -> FileNames.check(List.of(file("p", nested)))).hasMessageContaining("longer than 200 bytes");
    }

    @Test
    void acceptsWhatAllocationHandsOut() {
        TypeSpec nested = TypeSpec.classBuilder("A".repeat(96)).addType(TypeSpec.classBuilder("B".repeat(96)).build()).build();
        assertThatCode(() -> FileNames.check(List.of(file("p", nested), file("p", TypeSpec.classBuilder("Con_").build()),
                file("q", TypeSpec.classBuilder("Pet").build()), file("p", TypeSpec.classBuilder("Pet").build()))))
                .doesNotThrowAnyException();
    }
}
