package dev.specwright.generator.emit;

import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import dev.specwright.generator.naming.JavaNames;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.lang.model.SourceVersion;

/**
 * The last word on the names of the generated files, so the output is the same and usable on Linux, macOS and Windows:
 * every type name is a legal Java identifier, no file or folder is a Windows device name, no two files of a folder
 * differ only by case, and no class file name (nested ones included) is longer than {@value #MAX_FILE_NAME_BYTES}
 * bytes. The names are made so where they are allocated ({@code NameScope.forTypes()}); a name failing here is a
 * generator bug, stopped before anything is written.
 */
final class FileNames {

    static final int MAX_FILE_NAME_BYTES = 200;

    /** Folded (lower-case) qualified name of each file seen so far → the name as written. */
    private final Map<String, String> byFolded = new HashMap<>();

    /**
     * Checks one file against the rules and against every file checked before it. One file at a time, so the emitter
     * can render each file as it goes instead of holding every JavaPoet tree of a large spec at once.
     */
    void check(JavaFile file) {
        for (String segment : file.packageName().split("\\.")) {
            require(!JavaNames.isWindowsReserved(segment), "package folder " + segment + " is a Windows device name");
            require(utf8(segment) <= MAX_FILE_NAME_BYTES, "package folder " + segment + " is too long");
        }
        TypeSpec type = file.typeSpec();
        require(SourceVersion.isIdentifier(type.name()) && !SourceVersion.isKeyword(type.name()),
                type.name() + " is not a Java identifier");
        require(!JavaNames.isWindowsReserved(type.name()), type.name() + ".java is a Windows device name");
        String path = file.packageName() + "." + type.name();
        String earlier = byFolded.putIfAbsent(path.toLowerCase(Locale.ROOT), path);
        require(earlier == null, path + " and " + earlier + " differ only by case");
        checkClassFiles(type, type.name());
    }

    static void check(List<JavaFile> files) {
        FileNames names = new FileNames();
        files.forEach(names::check);
    }

    private static void checkClassFiles(TypeSpec type, String binaryName) {
        require(utf8(binaryName + ".java") <= MAX_FILE_NAME_BYTES && utf8(binaryName + ".class") <= MAX_FILE_NAME_BYTES,
                binaryName + ".class is longer than " + MAX_FILE_NAME_BYTES + " bytes");
        for (TypeSpec nested : type.typeSpecs()) {
            checkClassFiles(nested, binaryName + "$" + nested.name());
        }
    }

    private static int utf8(String name) {
        return name.getBytes(StandardCharsets.UTF_8).length;
    }

    private static void require(boolean ok, String problem) {
        if (!ok) {
            throw new IllegalStateException("generator bug, a generated file name is unusable: " + problem);
        }
    }
}
