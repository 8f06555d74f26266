package preflight.rules;

/** One thing wrong with a rule pack, in compiler style so an editor can jump to it. */
public record PackProblem(String file, int line, String message) {

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
    }
}
