package dev.specwright.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Everything the runtime logs during one test (System.Logger goes to java.util.logging by default), at every level:
 * {@code @RegisterExtension final CapturedLogs logs = new CapturedLogs();} then {@code logs.lines()}.
 */
final class CapturedLogs implements BeforeEachCallback, AfterEachCallback {

    private final List<String> lines = new ArrayList<>();
    private final Logger logger = Logger.getLogger(ApiClient.class.getName());
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            synchronized (lines) {
                lines.add(record.getMessage());
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        logger.setLevel(Level.ALL);
        logger.addHandler(handler);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        logger.removeHandler(handler);
        logger.setLevel(null);
    }
}
