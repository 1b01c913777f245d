package dev.specwright.generator.load;

/**
 * Runs a parse on a thread of its own with a deep stack. The parsers (SnakeYAML's composer and constructor, Jackson's
 * writer, swagger-parser's deserializer) recurse once or more per level of nesting; at {@link LoadLimits#MAX_DEPTH}
 * that can overflow a default 512 KB–1 MB stack, and the limit must be the refusal, never a StackOverflowError.
 * The stack is only reserved: a shallow document touches no more of it than it would of any thread's.
 */
final class DeepStack {

    private static final long STACK_BYTES = 256L * 1024 * 1024;

    private DeepStack() {}

    @FunctionalInterface
    interface Work<T, E extends Exception> {
        T run() throws E;
    }

    static <T, E extends Exception> T call(Work<T, E> work) throws E {
        Object[] outcome = new Object[2];
        Thread thread = new Thread(null, () -> {
            try {
                outcome[0] = work.run();
            } catch (Throwable t) { // handed to the caller's thread below
                outcome[1] = t;
            }
        }, "specwright-load", STACK_BYTES);
        thread.start();
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true; // the parse is not interruptible; finish it, then keep the caller's interrupt
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        rethrow(outcome[1]);
        @SuppressWarnings("unchecked")
        T result = (T) outcome[0];
        return result;
    }

    @SuppressWarnings("unchecked")
    private static <E extends Exception> void rethrow(Object failure) throws E {
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        if (failure != null) {
            throw (E) failure;
        }
    }
}
