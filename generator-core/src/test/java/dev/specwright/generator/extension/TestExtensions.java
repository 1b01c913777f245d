package dev.specwright.generator.extension;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import java.util.List;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;

/** The extensions the tests run: each public, with a public no-argument constructor, as the loader requires. */
public final class TestExtensions {

    private TestExtensions() {}

    /** {@code @Audited("<schema>")} on every model, and {@code auditedModels()} on the client. */
    public static final class AuditModels implements GeneratorExtension {
        private int audited;

        @Override
        public String name() {
            return "audit";
        }

        @Override
        public TypeSpec processType(TypeSpec type, GeneratedType info) {
            if (info.origin() instanceof GeneratedType.Model model) {
                audited++;
                return type.toBuilder().addAnnotation(AnnotationSpec.builder(Audited.class)
                        .addMember("value", "$S", model.schemaName()).build()).build();
            }
            if (info.origin() instanceof GeneratedType.Client client && client.part() == GeneratedType.ClientPart.CLIENT) {
                return type.toBuilder().addMethod(MethodSpec.methodBuilder("auditedModels")
                        .addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(int.class)
                        .addJavadoc("@return how many models carry {@code @Audited}\n")
                        .addStatement("return $L", audited).build()).build();
            }
            return type;
        }
    }

    /** A copy of every type, changing nothing: the output must stay byte-identical. */
    public static final class Rebuild implements GeneratorExtension {
        @Override
        public String name() {
            return "rebuild";
        }

        @Override
        public TypeSpec processType(TypeSpec type, GeneratedType info) {
            return type.toBuilder().build();
        }
    }

    /** A class listing the models, and a text file listing every type with its origin. */
    public static final class Catalogue implements GeneratorExtension {
        @Override
        public String name() {
            return "catalogue";
        }

        @Override
        public List<ExtensionFile> addFiles(ExtensionContext context) {
            ClassName self = ClassName.get(context.basePackage(), "ModelCatalogue");
            TypeSpec type = TypeSpec.classBuilder(self).addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                    .addJavadoc("The models of {@link $T}.\n", context.clientClass())
                    .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
                    .addMethod(MethodSpec.methodBuilder("models").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                            .addJavadoc("@return the model classes\n")
                            .returns(ParameterizedTypeName.get(ClassName.get(List.class), WildcardTypeName.subtypeOf(
                                    ParameterizedTypeName.get(ClassName.get(Class.class),
                                            WildcardTypeName.subtypeOf(Object.class)))))
                            .addStatement("return $T.of($L)", List.class, context.models().stream()
                                    .map(m -> CodeBlock.of("$T.class", m.className())).collect(CodeBlock.joining(", ")))
                            .build())
                    .build();
            String text = context.title() + " " + context.version() + "\n" + context.types().stream()
                    .map(t -> t.className().canonicalName() + " " + t.origin()).collect(Collectors.joining("\n")) + "\n";
            return List.of(ExtensionFile.java(JavaFile.builder(self.packageName(), type).build()),
                    ExtensionFile.text("docs/types.txt", text));
        }
    }

    /** Appends its name to every type's Javadoc: shows the order extensions run in. */
    public abstract static class Marker implements GeneratorExtension {
        @Override
        public TypeSpec processType(TypeSpec type, GeneratedType info) {
            return type.toBuilder().addJavadoc("<p>seen by $L\n", name()).build();
        }
    }

    public static final class MarkA extends Marker {
        @Override
        public String name() {
            return "a";
        }
    }

    public static final class MarkB extends Marker {
        @Override
        public String name() {
            return "b";
        }
    }

    public static final class MarkC extends Marker {
        @Override
        public String name() {
            return "c";
        }
    }

    public static final class MarkD extends Marker {
        @Override
        public String name() {
            return "d";
        }
    }

    /** Fails on the first model. */
    public static final class Throws implements GeneratorExtension {
        @Override
        public String name() {
            return "throws";
        }

        @Override
        public TypeSpec processType(TypeSpec type, GeneratedType info) {
            if (info.origin() instanceof GeneratedType.Model) {
                throw new IllegalArgumentException("no audit rule for " + info.simpleName());
            }
            return type;
        }
    }

    /** Renames the client. */
    public static final class Renames implements GeneratorExtension {
        @Override
        public String name() {
            return "renames";
        }

        @Override
        public TypeSpec processType(TypeSpec type, GeneratedType info) {
            return info.origin() instanceof GeneratedType.Client ? TypeSpec.classBuilder("Renamed").build() : type;
        }
    }

    /** Adds the file the test puts in {@link #FILE}. */
    public static final class AddsPath implements GeneratorExtension {
        static final ThreadLocal<ExtensionFile> FILE = new ThreadLocal<>();

        @Override
        public String name() {
            return "adds-path";
        }

        @Override
        public List<ExtensionFile> addFiles(ExtensionContext context) {
            return List.of(FILE.get());
        }
    }

    /** Not constructible by the loader. */
    public static final class NoDefaultConstructor implements GeneratorExtension {
        public NoDefaultConstructor(String unused) {}

        @Override
        public String name() {
            return "no-constructor";
        }
    }
}
