package dev.specwright.generator.write;

import java.io.IOException;

/** Another Specwright run is writing into the same folder right now; this one wrote nothing. */
public final class OutputLockedException extends IOException {

    private static final long serialVersionUID = 1L;

    public OutputLockedException(String message) {
        super(message);
    }
}
