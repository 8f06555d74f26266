package preflight.regulations;

import java.util.List;

/** The regulation catalog has files that cannot be read or entries that are incomplete. */
public final class InvalidCatalogException extends RuntimeException {

    private final List<String> problems;

    public InvalidCatalogException(List<String> problems) {
        super("invalid regulation catalog:\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
