package preflight.rules;

import java.util.List;

/** A pack (or several) failed to load; every problem is listed as {@code file:line: message}. */
public final class UnableToCompilePackException extends RuntimeException {

    private final List<PackProblem> problems;

    public UnableToCompilePackException(List<PackProblem> problems) {
        super("rule packs failed to load:\n  " + String.join("\n  ", problems.stream().map(PackProblem::toString).toList()));
        this.problems = List.copyOf(problems);
    }

    public List<PackProblem> problems() {
        return problems;
    }
}
