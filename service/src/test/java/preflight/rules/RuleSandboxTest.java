package preflight.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A rule file can run code: every way out of the fact model is refused before anything compiles. */
class RuleSandboxTest {

    @TempDir
    Path dir;

    static final String META = "@id(\"US-X\") @category(\"PROHIBITED\") @severity(\"HIGH\") @regulation(\"T-REG\") @effectiveFrom(\"2020-01-01\")";
    static final String REPORT = "    findings.report(kcontext, $l, \"m\", \"f\");\n";

    PackLoadResult load(String drlBody) {
        TempPacks t = new TempPacks(dir).pack("US", "");
        t.write("rules/US/evil.drl", "package rules.us;\nimport preflight.listing.Listing;\nglobal preflight.rules.Findings findings;\n\n" + drlBody);
        return t.loader().load();
    }

    static String rule(String when, String then) {
        return "rule \"Evil\"\n    " + META + "\nwhen\n    " + when + "\nthen\n" + then + "end\n";
    }

    void refused(String drlBody, String expected) {
        PackLoadResult r = load(drlBody);
        assertThat(r.packs()).as("the pack must not load").doesNotContainKey("US");
        assertThat(r.problems()).extracting(PackProblem::toString).as(drlBody).anyMatch(p -> p.contains("evil.drl:") && p.contains(expected));
    }

    @Test
    void aCleanRuleLoads() {
        PackLoadResult r = load(rule("$l : Listing( category == \"toys\" )", REPORT));
        assertThat(r.problems()).isEmpty();
        assertThat(r.packs()).containsKey("US");
    }

    @Test
    void fileAccessIsRefused() {
        refused("import java.nio.file.Files;\n" + rule("$l : Listing( )", REPORT), "import java.nio.file.Files is not allowed");
        refused(rule("$l : Listing( java.nio.file.Files.exists(java.nio.file.Path.of(\"/etc/passwd\")) )", REPORT), "'java' is not allowed");
    }

    @Test
    void networkAccessIsRefused() {
        refused(rule("$l : Listing( )", "    new java.net.Socket(\"evil.example\", 80);\n" + REPORT), "the then part may only be findings.report");
        refused(rule("$l : Listing( new URL(\"http://x\") != null )", REPORT), "'URL' is not allowed");
    }

    @Test
    void processesAreRefused() {
        refused(rule("$l : Listing( )", "    Runtime.getRuntime().exec(\"rm -rf /\");\n" + REPORT), "the then part may only be findings.report");
        refused(rule("$l : Listing( Runtime.getRuntime() != null )", REPORT), "'Runtime' is not allowed");
        refused(rule("$l : Listing( new ProcessBuilder(\"sh\") != null )", REPORT), "'ProcessBuilder' is not allowed");
    }

    @Test
    void reflectionAndClassLoadingAreRefused() {
        refused(rule("$l : Listing( getClass().getClassLoader() != null )", REPORT), "'getClass' is not allowed");
        refused(rule("$l : Listing( Class.forName(\"x\") != null )", REPORT), "'Class' is not allowed");
        refused(rule("$l : Listing( )", "    System.exit(1);\n" + REPORT), "the then part may only be findings.report");
    }

    @Test
    void threadsAndFunctionsAreRefused() {
        refused(rule("$l : Listing( new Thread() != null )", REPORT), "'Thread' is not allowed");
        refused("function void evil() { }\n" + rule("$l : Listing( )", REPORT), "function is not allowed");
        refused(rule("$l : Listing( ) eval( true )", REPORT), "'eval' is not allowed");
    }

    @Test
    void wordsInsideTheMessageAreJustWords() {
        // "System", "File" or "Thread" in a message or a phrase the rule looks for are text, not code
        PackLoadResult r = load(rule("$l : Listing( mentionsAny(\"thread\", \"file cabinet\", \"java coffee\") )",
                "    findings.report(kcontext, $l, \"The System says: File this Thread.\", \"Runtime fix\");\n"));
        assertThat(r.problems()).isEmpty();
    }
}
