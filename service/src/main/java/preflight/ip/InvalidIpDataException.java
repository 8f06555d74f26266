package preflight.ip;

import java.util.List;

/** The IP data (marks, phrases, examples) has problems; every one is listed as "file: message". */
public final class InvalidIpDataException extends RuntimeException {

    private final List<String> problems;

    public InvalidIpDataException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
