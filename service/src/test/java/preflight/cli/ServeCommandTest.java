package preflight.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import preflight.Preflight;
import preflight.config.Settings;
import preflight.rules.TempPacks;

/** The server never serves silently without a pack: a broken rule file stops it, naming file and line. */
class ServeCommandTest {

    @TempDir
    Path dir;

    @Test
    void aPackThatDoesNotCompileStopsTheServerWithFileAndLine() throws Exception {
        TempPacks t = new TempPacks(dir).pack("JP", "")
                .drl("JP", "radio.drl", "rule \"Broken\"\nwhen\n    $l : Listing( wireless \nthen\nend\n");
        Settings settings = new Settings(0, dir.resolve("data"), t.rules, t.regulations, dir.resolve("test-cases"), 2,
                "lexicon", 8, preflight.ip.LlmSettings.fromEnv(java.util.Map.of()),
                Settings.fromEnv(java.util.Map.of()).db(), "", Settings.fromEnv(java.util.Map.of()).limits());
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, "UTF-8"));
        int code;
        try {
            code = new ServeCommand(new Preflight(settings, Clock.systemUTC())).run();
        } finally {
            System.setErr(err);
        }
        assertThat(code).isEqualTo(1);
        assertThat(captured.toString("UTF-8")).contains("cannot serve").contains("rules/JP/radio.drl:9: [ERR 102] Line 9:0 mismatched input 'then' in rule \"Broken\"")
                .doesNotContain("null Package");
    }
}
