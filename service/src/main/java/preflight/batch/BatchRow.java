package preflight.batch;

import preflight.check.CheckRequest;

/**
 * One listing of a batch: its line in the file and the check request read from it, or why it could not be
 * read ({@code problem}, with {@code request} null).
 */
public record BatchRow(int line, CheckRequest request, String problem) {

    public boolean refused() {
        return problem != null;
    }
}
