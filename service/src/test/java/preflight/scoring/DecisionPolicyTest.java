package preflight.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import preflight.rules.Category;
import preflight.rules.Citation;
import preflight.rules.Finding;
import preflight.rules.Severity;

/** The decision policy and risk score written in the README. */
class DecisionPolicyTest {

    final DecisionPolicy policy = new DecisionPolicy();

    static List<Finding> findings(Severity... severities) {
        return Arrays.stream(severities).map(s -> new Finding("R-" + s, "US", Category.CERTIFICATION, s, "m",
                new Citation("X", "X", "https://x"), List.of(), "f", LocalDate.of(2020, 1, 1), null, 0)).toList();
    }

    @Test
    void anyCriticalFindingBlocks() {
        assertThat(policy.decide(findings(Severity.LOW, Severity.CRITICAL))).isEqualTo(Decision.BLOCK);
    }

    @Test
    void highOrMediumWarns() {
        assertThat(policy.decide(findings(Severity.MEDIUM))).isEqualTo(Decision.WARN);
        assertThat(policy.decide(findings(Severity.INFO, Severity.HIGH))).isEqualTo(Decision.WARN);
    }

    @Test
    void onlyLowAndInfoPass() {
        assertThat(policy.decide(findings(Severity.LOW, Severity.INFO))).isEqualTo(Decision.PASS);
        assertThat(policy.decide(List.of())).isEqualTo(Decision.PASS);
    }

    @Test
    void riskScoreCombinesFindingsAsIndependentChances() {
        assertThat(policy.riskScore(List.of())).isZero();
        assertThat(policy.riskScore(findings(Severity.INFO))).isZero();
        assertThat(policy.riskScore(findings(Severity.MEDIUM))).isEqualTo(25);
        assertThat(policy.riskScore(findings(Severity.HIGH))).isEqualTo(50);
        assertThat(policy.riskScore(findings(Severity.HIGH, Severity.HIGH))).isEqualTo(75);
        assertThat(policy.riskScore(findings(Severity.CRITICAL))).isEqualTo(90);
        assertThat(policy.riskScore(findings(Severity.CRITICAL, Severity.CRITICAL, Severity.HIGH))).isEqualTo(100);
    }
}
