package preflight.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import preflight.listing.Product;
import preflight.listing.Seller;
import preflight.rules.Finding;
import preflight.rules.LivePacks;
import preflight.rules.TempPacks;
import preflight.scoring.Decision;
import preflight.scoring.DecisionPolicy;

/** Effective dating: later rules go to upcoming and never decide; ended rules are silent. */
class AsOfTest {

    @TempDir
    Path dir;
    CheckService checks;

    @BeforeEach
    void packs() {
        String meta = "@category(\"PROHIBITED\") @severity(\"CRITICAL\") @regulation(\"T-REG\")";
        TempPacks t = new TempPacks(dir).pack("US", "")
                .drl("US", "dated.drl",
                        TempPacks.rule("In force", "@id(\"US-NOW\") " + meta.replace("CRITICAL", "MEDIUM") + " @effectiveFrom(\"2020-01-01\")", "toy")
                                + TempPacks.rule("Coming", "@id(\"US-LATER\") " + meta + " @effectiveFrom(\"2027-02-18\")", "toy")
                                + TempPacks.rule("Ended", "@id(\"US-ENDED\") " + meta + " @effectiveFrom(\"2019-01-01\") @effectiveTo(\"2025-12-31\")", "toy"));
        LivePacks live = new LivePacks();
        live.swap(t.loader().loadAll());
        checks = new CheckService(live, () -> null, new DecisionPolicy(), 2); // IP screen off: rules only
    }

    Verdict checkOn(String day) {
        Product toy = new Product("Plush toy", null, "toys", null, List.of(), Map.of(), List.of(), null, null);
        return checks.check(new CheckRequest("x", new Seller("S", null, null), toy, List.of("US"),
                new CheckRequest.Options(false, "en", LocalDate.parse(day))));
    }

    @Test
    void aRuleStartingAfterAsOfIsUpcomingAndDoesNotDecide() {
        Verdict v = checkOn("2026-11-25");
        assertThat(v.findings()).extracting(Finding::ruleId).containsExactly("US-NOW");
        assertThat(v.upcoming()).extracting(Finding::ruleId).containsExactly("US-LATER");
        assertThat(v.decision()).isEqualTo(Decision.WARN);
    }

    @Test
    void theSameRuleDecidesOnceItIsInForce() {
        Verdict v = checkOn("2027-02-18");
        assertThat(v.findings()).extracting(Finding::ruleId).containsExactlyInAnyOrder("US-NOW", "US-LATER");
        assertThat(v.upcoming()).isEmpty();
        assertThat(v.decision()).isEqualTo(Decision.BLOCK);
    }

    @Test
    void aRuleWhoseEffectiveToHasPassedIsSilent() {
        assertThat(checkOn("2025-12-31").findings()).extracting(Finding::ruleId).contains("US-ENDED");
        assertThat(checkOn("2026-01-01").findings()).extracting(Finding::ruleId).doesNotContain("US-ENDED");
        assertThat(checkOn("2026-01-01").upcoming()).extracting(Finding::ruleId).doesNotContain("US-ENDED");
    }
}
