package dev.specwright.maven;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Whether the class a {@code typeMappings} or {@code schemaMappings} value names exists where the generated code will
 * be compiled: the JDK, the project's compile classpath, or a {@code .java} file in one of its source roots. Nothing
 * is loaded or initialised: the project's classes are looked up as resources.
 */
final class ClassCheck implements AutoCloseable {

    private static final Set<String> PRIMITIVES = Set.of("boolean", "byte", "char", "short", "int", "long", "float",
            "double");

    private final URLClassLoader project;
    private final List<Path> sourceRoots;

    ClassCheck(List<String> classpath, List<String> sourceRoots) throws MalformedURLException {
        List<URL> urls = new ArrayList<>();
        for (String element : classpath) {
            urls.add(Path.of(element).toUri().toURL());
        }
        this.project = new URLClassLoader(urls.toArray(URL[]::new), null);
        this.sourceRoots = sourceRoots.stream().map(Path::of).toList();
    }

    /**
     * Null when {@code type} names a class that exists (or a primitive, or a {@code java.lang} type by its simple
     * name); else why not, for the failure message.
     */
    String problem(String type) {
        String name = type.strip();
        int generic = name.indexOf('<');
        if (generic >= 0) {
            name = name.substring(0, generic).strip();
        }
        while (name.endsWith("[]")) {
            name = name.substring(0, name.length() - 2).strip();
        }
        if (PRIMITIVES.contains(name)) {
            return null;
        }
        if (!name.matches("[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*"
                + "(\\.[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*)*")) {
            return "is not a Java class name";
        }
        if (!name.contains(".")) {
            return inJdk("java.lang." + name) ? null
                    : "is a simple name and not a java.lang type: give the qualified name (e.g. com.example.Money)";
        }
        if (inJdk(name) || onClasspath(name) || inSources(name)) {
            return null;
        }
        return "names a class that is neither in the JDK, nor on the project's compile classpath, nor in its source"
                + " roots";
    }

    private static boolean inJdk(String name) {
        for (String binary : binaryNames(name)) {
            try {
                Class.forName(binary, false, ClassLoader.getPlatformClassLoader());
                return true;
            } catch (ClassNotFoundException | LinkageError e) {
                // try the next reading of the dots (a nested class)
            }
        }
        return false;
    }

    private boolean onClasspath(String name) {
        for (String binary : binaryNames(name)) {
            if (project.findResource(binary.replace('.', '/') + ".class") != null) {
                return true;
            }
        }
        return false;
    }

    /** A {@code .java} file for the class or for the top-level class it is nested in. */
    private boolean inSources(String name) {
        String[] parts = name.split("\\.");
        for (Path root : sourceRoots) {
            for (int top = parts.length; top >= 1; top--) {
                Path file = root;
                for (int i = 0; i < top - 1; i++) {
                    file = file.resolve(parts[i]);
                }
                file = file.resolve(parts[top - 1] + ".java");
                if (Files.isRegularFile(file)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@code a.b.C.D} as {@code a.b.C.D}, {@code a.b.C$D}, {@code a.b$C$D}, ...: which dots are nesting is unknown. */
    private static List<String> binaryNames(String name) {
        List<String> names = new ArrayList<>();
        String current = name;
        names.add(current);
        int dot;
        while ((dot = current.lastIndexOf('.')) > 0) {
            current = current.substring(0, dot) + "$" + current.substring(dot + 1);
            names.add(current);
        }
        return names;
    }

    @Override
    public void close() throws IOException {
        project.close();
    }
}
