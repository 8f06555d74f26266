package preflight.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The officers' commands as they run them, over the project's own packs, data and golden cases. */
class RulesCommandTest {

    static String run(String... args) throws Exception {
        PrintStream out = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            int code = Main.run(args);
            return code + "\n" + captured.toString(StandardCharsets.UTF_8);
        } finally {
            System.setOut(out);
        }
    }

    @Test
    void rulesTestRunsTheGoldenCasesWithTheIpScreenAndPasses() throws Exception {
        String out = run("rules", "test", "global");
        assertThat(out).startsWith("0\n").contains("ok   global/ip-aaa-replica-bag").containsPattern("\\d+ passed, 0 failed");
    }

    @Test
    void ipValidateLoadsTheData() throws Exception {
        assertThat(run("ip", "validate")).startsWith("0\n").contains("marks").contains("counterfeit phrases");
    }

    @Test
    void explainShowsWhereARuleIsWrittenItsConditionAndTheFactsThatMadeItFire() throws Exception {
        String out = run("rules", "explain", "test-cases/US/cpc-missing.json");
        assertThat(out).startsWith("0\n")
                .contains("US-CPSC-CPC  HIGH  US  in force  (rules/US/children.drl:")
                .contains("!hasCertification(\"CPC\")")
                .contains("product.attributes.ageRange: \"1-3\"");
    }

    @Test
    void testWithCoverageListsUnfiredRulesAndUncitedRegulations() throws Exception {
        String out = run("rules", "test", "--coverage");
        assertThat(out).startsWith("0\n").contains("coverage: every rule is fired by a golden case")
                .contains("coverage: every regulation is cited");
    }
}
