package preflight.check;

import java.util.List;

/**
 * Runs representative listings through every pack before the service says it is ready: Drools compiles
 * a constraint to bytecode only after it has been evaluated a number of times, and the first checks
 * would otherwise pay for that (see shared/STACK.md).
 */
public final class Warmup {

    /** Past Drools' jitting threshold (about 20 evaluations) with room to spare. */
    static final int ROUNDS = 60;

    private Warmup() {
    }

    public static void run(CheckService checks, List<CheckRequest> samples) {
        for (int round = 0; round < ROUNDS; round++) {
            for (CheckRequest r : samples) {
                checks.check(r);
            }
        }
    }
}
