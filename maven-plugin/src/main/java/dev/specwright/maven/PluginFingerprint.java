package dev.specwright.maven;

import java.io.File;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.descriptor.PluginDescriptor;

/**
 * Identifies the code that would generate: the plugin's coordinates, plus size and modification time of every SNAPSHOT
 * jar on its class path. A release version names immutable bytes; a SNAPSHOT does not, and while the toolkit itself is
 * being developed a rebuilt plugin or generator-core must regenerate even though its version string is unchanged.
 */
final class PluginFingerprint {

    private PluginFingerprint() {
    }

    static String of(PluginDescriptor plugin) {
        StringBuilder fingerprint = new StringBuilder(plugin.getId());
        List<Artifact> artifacts = new ArrayList<>();
        if (plugin.getPluginArtifact() != null) {
            artifacts.add(plugin.getPluginArtifact());
        }
        if (plugin.getArtifacts() != null) {
            artifacts.addAll(plugin.getArtifacts());
        }
        artifacts.sort(Comparator.comparing(Artifact::getId));
        for (Artifact artifact : artifacts) {
            File file = artifact.getFile();
            if (artifact.isSnapshot() && file != null) {
                fingerprint.append('\n').append(artifact.getId())
                        .append(' ').append(file.length())
                        .append(' ').append(file.lastModified());
            }
        }
        return fingerprint.toString();
    }
}
