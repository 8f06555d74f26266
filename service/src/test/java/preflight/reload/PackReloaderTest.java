package preflight.reload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import preflight.Preflight;
import preflight.check.CheckRequest;
import preflight.config.Settings;
import preflight.listing.Product;
import preflight.listing.Seller;
import preflight.rules.Finding;

/**
 * Hot reload over a copy of the project's global and US packs: an edit that compiles and passes its golden
 * cases goes live; one that does not compile, or breaks a golden case, is refused with its reasons while
 * the last good pack keeps serving.
 */
class PackReloaderTest {

    @TempDir
    Path dir;
    Preflight app;

    @BeforeEach
    void copyAndLoad() throws IOException {
        copy(Path.of("rules", "global"), dir.resolve("rules/global"));
        copy(Path.of("rules", "US"), dir.resolve("rules/US"));
        copy(Path.of("country-regulations", "ip"), dir.resolve("regs/ip"));
        Files.copy(Path.of("country-regulations", "global.yaml"), dir.resolve("regs/global.yaml"));
        Files.copy(Path.of("country-regulations", "US.yaml"), dir.resolve("regs/US.yaml"));
        copy(Path.of("test-cases", "global"), dir.resolve("cases/global"));
        copy(Path.of("test-cases", "US"), dir.resolve("cases/US"));
        app = new Preflight(Settings.fromEnv(Map.of("PREFLIGHT_RULES_DIR", dir.resolve("rules").toString(),
                "PREFLIGHT_REGULATIONS_DIR", dir.resolve("regs").toString(), "PREFLIGHT_TEST_CASES_DIR",
                dir.resolve("cases").toString(), "PREFLIGHT_IP_CLASSIFIER", "lexicon")), Clock.systemUTC());
        app.loadPacks();
    }

    static void copy(Path from, Path to) {
        preflight.TestProject.copy(from, to);
    }

    void edit(String file, String from, String to) throws IOException {
        Path p = dir.resolve(file);
        String text = Files.readString(p);
        assertThat(text).contains(from);
        Files.writeString(p, text.replace(from, to));
    }

    List<String> usRuleIds() {
        Product toy = new Product("Plush teddy bear for kids", null, "toys", null, List.of(), Map.of(), List.of(), null, "CN");
        return app.checks().check(new CheckRequest("x", new Seller("S", "CN", null), toy, List.of("US"),
                new CheckRequest.Options(true, "en", LocalDate.of(2026, 11, 25)))).findings().stream().map(Finding::ruleId).toList();
    }

    @Test
    void aGoodEditGoesLive() throws IOException {
        var global = app.packs().get().get("global").orElseThrow();
        edit("rules/US/pack.yaml", "version: 2026.11.1", "version: 2026.11.2");

        PackReloader.Report r = app.reloader().reload();

        assertThat(r.accepted()).containsExactly("US"); // only the edited pack is rebuilt
        assertThat(app.packs().get().get("global").orElseThrow()).isSameAs(global);
        assertThat(app.reloader().status("US").orElseThrow().live().version()).isEqualTo("2026.11.2");
        assertThat(app.reloader().status("US").orElseThrow().rejected()).isNull();
    }

    @Test
    void aReloadWithoutAnEditRebuildsNothingAndAParentEditRebuildsItsChildren() throws IOException {
        var us = app.packs().get().get("US").orElseThrow();

        assertThat(app.reloader().reload().accepted()).isEmpty();
        assertThat(app.packs().get().get("US").orElseThrow()).isSameAs(us);

        edit("rules/global/pack.yaml", "version: 2026.11.1", "version: 2026.11.5");
        assertThat(app.reloader().reload().accepted()).containsExactlyInAnyOrder("global", "US");
        assertThat(app.packs().get().get("US").orElseThrow().versions()).containsEntry("global", "2026.11.5");
    }

    @Test
    void aPackThatDoesNotCompileIsRefusedAndTheLastGoodOneServes() throws IOException {
        edit("rules/US/pack.yaml", "version: 2026.11.1", "version: 2026.11.3");
        Files.writeString(dir.resolve("rules/US/broken.drl"), "package rules.us\n\nrule \"Broken\"\nwhen\n    $l : Listing( wireless \nthen\nend\n");

        PackReloader.Report r = app.reloader().reload();

        assertThat(r.rejected()).contains("US");
        PackStatus us = app.reloader().status("US").orElseThrow();
        assertThat(us.live().version()).isEqualTo("2026.11.1");
        assertThat(us.rejected().errors()).anyMatch(e -> e.contains("broken.drl:"));
        assertThat(usRuleIds()).contains("US-CPSC-CPC"); // the old pack still judges
    }

    @Test
    void anEditThatBreaksAGoldenCaseIsRefusedWithTheCase() throws IOException {
        edit("rules/US/children.drl", "@id(\"US-CPSC-CPC\") @category(\"CERTIFICATION\") @severity(\"HIGH\")",
                "@id(\"US-CPSC-CPC\") @category(\"CERTIFICATION\") @severity(\"LOW\")");

        app.reloader().reload();

        PackStatus us = app.reloader().status("US").orElseThrow();
        assertThat(us.rejected().failedCases()).anyMatch(c -> c.contains("cpc-missing"));
        assertThat(app.packs().get().get("US").orElseThrow().ownRules().stream()
                .filter(m -> m.id().equals("US-CPSC-CPC")).findFirst().orElseThrow().severity().name()).isEqualTo("HIGH");
    }

    @Test
    void aRefusedParentHoldsItsChildrenBack() throws IOException {
        Files.writeString(dir.resolve("rules/global/broken.drl"), "package rules.global\nrule \"x\" when then end end\n");

        PackReloader.Report r = app.reloader().reload();

        assertThat(r.rejected()).contains("global", "US");
        assertThat(app.reloader().status("US").orElseThrow().rejected().errors()).anyMatch(e -> e.contains("parent"));
    }

    @Test
    void aPackFolderOrTheWholeRulesFolderThatDisappearsLeavesTheLivePacksServing() throws IOException {
        preflight.TestProject.delete(dir.resolve("rules/US"));

        PackReloader.Report r = app.reloader().reload();

        assertThat(r.rejected()).contains("US");
        assertThat(app.reloader().status("US").orElseThrow().live().version()).isEqualTo("2026.11.1");
        assertThat(usRuleIds()).contains("US-CPSC-CPC");

        preflight.TestProject.delete(dir.resolve("rules"));
        app.reloader().reload();
        assertThat(usRuleIds()).contains("US-CPSC-CPC");
        assertThat(app.packs().get().get("global")).isPresent();
    }

    @Test
    void aFileThatCannotBeReadIsRefusedAndTheLastGoodPackServes() throws IOException {
        Path children = dir.resolve("rules/US/children.drl");
        Files.delete(children);
        Files.createSymbolicLink(children, dir.resolve("nowhere.drl")); // unreadable, even for root

        PackReloader.Report r = app.reloader().reload();

        assertThat(r.rejected()).contains("US");
        assertThat(app.reloader().status("US").orElseThrow().rejected().errors()).anyMatch(e -> e.contains("cannot read"));
        assertThat(usRuleIds()).contains("US-CPSC-CPC");
    }

    @Test
    void brokenIpDataKeepsTheLiveScreen() throws IOException {
        Files.writeString(dir.resolve("regs/ip/marks-broken.yaml"), "marks:\n  - name: X\n    kind: robot\n");

        PackReloader.Report r = app.reloader().reload();

        assertThat(r.ipAccepted()).isFalse();
        assertThat(app.reloader().status("ip").orElseThrow().rejected().errors()).anyMatch(e -> e.contains("marks-broken.yaml"));
        assertThat(app.ipScreen().screen(new Product("Nike Air Max shoes", null, "footwear", null, List.of(), null, null, null, null))
                .findings()).isNotEmpty();
    }
}
