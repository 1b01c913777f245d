package dev.specwright.generator.write;

import java.io.IOException;

/**
 * The output folder, or what is in it, is not Specwright's to write: the user must change an argument or the folder.
 * Front ends map it to exit 2 (CLI) or a build failure (Maven plugin). Nothing was written.
 */
public class OutputRefusedException extends IOException {

    private static final long serialVersionUID = 1L;

    public OutputRefusedException(String message) {
        super(message);
    }
}
