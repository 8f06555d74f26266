package preflight.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import preflight.rules.Category;
import preflight.rules.Citation;
import preflight.rules.Finding;
import preflight.rules.Severity;

/** The forecast's arithmetic over the project's own penalty profiles, checked by hand. */
class StoreForecastTest {

    static PenaltyProfiles profiles;

    @BeforeAll
    static void load() {
        profiles = PenaltyProfiles.load(Path.of("country-regulations", "penalties"));
    }

    static Finding finding(String ruleId, Category category, Severity severity) {
        return new Finding(ruleId, "*", category, severity, "m", new Citation("R", "t", "https://x"), List.of(), "f",
                LocalDate.of(2020, 1, 1), null, 0);
    }

    static final EnforcementModel NO_HISTORY = new EnforcementModel(Map.of());

    @Test
    void everyPlatformOfTheReferenceHasAProfile() {
        assertThat(profiles.all()).extracting(PenaltyProfile::platform)
                .containsExactlyInAnyOrder("alibaba.com", "aliexpress", "amazon", "tiktok-shop");
        PenaltyProfile alibaba = profiles.find("alibaba.com").orElseThrow();
        assertThat(alibaba.ledgers().get(0).thresholds()).extracting(PenaltyProfile.Threshold::at).containsExactly(6, 12, 24, 36, 48);
        assertThat(alibaba.strikes().get(0).limit()).isEqualTo(4);
    }

    @Test
    void theWorkedExampleOfTheReadme() {
        // a store with 6 points on alibaba.com; a replica listing (counterfeit wording, CRITICAL, 6 points, p 0.6)
        // that also lacks a certificate (1 point, p 0.15)
        PenaltyProfile alibaba = profiles.find("alibaba.com").orElseThrow();
        StoreScore s = StoreForecast.forecast(alibaba, new Standing(Map.of("points", 6), Map.of()), List.of(
                finding("IP-COUNTERFEIT-WORDING", Category.IP, Severity.CRITICAL),
                finding("US-CPC", Category.CERTIFICATION, Severity.MEDIUM)), NO_HISTORY);

        assertThat(s.available()).isTrue();
        assertThat(s.currentPoints()).isEqualTo(6);
        // E[D] = 0.6 x 6 + 0.15 x 1
        assertThat(s.expectedDeduction()).isCloseTo(3.75, within(1e-9));
        assertThat(s.expectedPoints()).isCloseTo(9.75, within(1e-9));
        // 12 points need the counterfeit finding enforced (6 points): 0.6
        assertThat(s.breachProbability().get("12")).isCloseTo(0.6, within(1e-9));
        // 24 is out of reach: at most 7 points more
        assertThat(s.breachProbability().get("24")).isZero();
        assertThat(s.breachProbability()).doesNotContainKey("6"); // already reached
        assertThat(s.drivers()).extracting(StoreScore.Driver::ruleId).containsExactly("IP-COUNTERFEIT-WORDING", "US-CPC");
        assertThat(s.strikes().get(0).probabilityOfLimit()).isZero(); // one serious strike cannot reach four
        assertThat(s.unconfirmed()).isTrue();
    }

    @Test
    void theSameDayCapHoldsForIpFindings() {
        // two IP findings of 6 points, p 0.6 each: without the cap 12 points with p 0.36; with it, at most 6
        PenaltyProfile alibaba = profiles.find("alibaba.com").orElseThrow();
        StoreScore s = StoreForecast.forecast(alibaba, new Standing(Map.of(), Map.of()), List.of(
                finding("IP-A", Category.IP, Severity.CRITICAL), finding("IP-B", Category.IP, Severity.CRITICAL)), NO_HISTORY);

        assertThat(s.breachProbability().get("12")).isZero();
        // P(at least one) = 1 - 0.4^2
        assertThat(s.breachProbability().get("6")).isCloseTo(0.84, within(1e-9));
        assertThat(s.expectedDeduction()).isCloseTo(0.84 * 6, within(1e-9));
    }

    @Test
    void aRuleReportedInSeveralMarketsIsOneEnforcement() {
        PenaltyProfile alibaba = profiles.find("alibaba.com").orElseThrow();
        Finding de = new Finding("EU-CE", "DE", Category.CERTIFICATION, Severity.MEDIUM, "m", new Citation("R", "t", "u"),
                List.of(), "f", LocalDate.of(2020, 1, 1), null, 0);
        Finding fr = new Finding("EU-CE", "FR", Category.CERTIFICATION, Severity.MEDIUM, "m", new Citation("R", "t", "u"),
                List.of(), "f", LocalDate.of(2020, 1, 1), null, 0);
        StoreScore s = StoreForecast.forecast(alibaba, new Standing(Map.of(), Map.of()), List.of(de, fr), NO_HISTORY);
        assertThat(s.drivers()).hasSize(1);
    }

    @Test
    void aFallingScoreBreachesBelowItsThresholds() {
        // Amazon AHR: 200 at the start, 95 deducted -> 105; a CRITICAL IP finding costs 8 with p 0.5
        PenaltyProfile amazon = profiles.find("amazon").orElseThrow();
        StoreScore s = StoreForecast.forecast(amazon, new Standing(Map.of("ahr", 95), Map.of()), List.of(
                finding("IP-MARK-UNAUTHORISED", Category.IP, Severity.CRITICAL)), NO_HISTORY);

        assertThat(s.currentPoints()).isEqualTo(105);
        assertThat(s.expectedPoints()).isCloseTo(101.0, within(1e-9));
        assertThat(s.breachProbability().get("100")).isCloseTo(0.5, within(1e-9)); // 105 - 8 = 97 < 100
        assertThat(s.breachProbability()).doesNotContainKey("200"); // already below 200
    }

    @Test
    void outcomesMoveTheEnforcementProbability() {
        EnforcementModel model = new EnforcementModel(Map.of());
        // prior 0.6 worth 10 outcomes; 10 published listings, the rule enforced on 2
        for (int i = 0; i < 10; i++) {
            model.record("IP-COUNTERFEIT-WORDING", i < 2);
        }
        assertThat(model.probability("IP-COUNTERFEIT-WORDING", 0.6, 10)).isCloseTo((6.0 + 2) / 20, within(1e-9));
        assertThat(model.probability("OTHER", 0.6, 10)).isCloseTo(0.6, within(1e-9));
    }

    @Test
    void theConvolutionIsExact() {
        double[] d = StoreForecast.convolve(StoreForecast.convolve(new double[] {1}, 2, 0.5), 3, 0.25);
        // 0: .375, 2: .375, 3: .125, 5: .125
        assertThat(d).containsExactly(new double[] {0.375, 0, 0.375, 0.125, 0, 0.125}, within(1e-12));
    }
}
