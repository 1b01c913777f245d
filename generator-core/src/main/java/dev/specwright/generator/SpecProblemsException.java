package dev.specwright.generator;

import java.util.List;
import java.util.stream.Collectors;

/** The inputs are wrong: every problem found, each located. Nothing was written. */
public final class SpecProblemsException extends Exception {

    private static final long serialVersionUID = 1L;

    private final List<SpecProblem> problems;

    public SpecProblemsException(List<SpecProblem> problems) {
        super(describe(problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a SpecProblemsException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public List<SpecProblem> problems() {
        return problems;
    }

    private static String describe(List<SpecProblem> problems) {
        return problems.size() + (problems.size() == 1 ? " problem" : " problems") + " in the input; nothing was written:\n"
                + problems.stream().map(p -> "  " + p.format()).collect(Collectors.joining("\n"));
    }
}
