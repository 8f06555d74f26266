package preflight.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import preflight.regulations.RegulationCatalog;

/** A throw-away rules folder and catalog, so tests can pin loader behaviour on files they write. */
public final class TempPacks {

    public final Path root;
    public final Path rules;
    public final Path regulations;

    public TempPacks(Path root) {
        this.root = root;
        this.rules = root.resolve("rules");
        this.regulations = root.resolve("country-regulations");
        write("country-regulations/T.yaml", """
                market: T
                regulations:
                  - id: T-REG
                    title: Test Regulation 1
                    url: https://example.org/t-reg
                    confirmation: confirmed
                """);
        pack("global", "");
    }

    public TempPacks pack(String market, String parents) {
        write("rules/" + market + "/pack.yaml", "market: " + market + "\nversion: 1.0\nowner: test\n"
                + (parents.isEmpty() ? "" : "parents: [" + parents + "]\n"));
        return this;
    }

    public TempPacks write(String relative, String text) {
        try {
            Path p = root.resolve(relative);
            Files.createDirectories(p.getParent());
            Files.writeString(p, text);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A DRL file with the usual header and the given rules. */
    public TempPacks drl(String market, String file, String rulesText) {
        return write("rules/" + market + "/" + file, "package rules." + market.toLowerCase() + ";\n\n"
                + "import preflight.listing.Listing;\nglobal preflight.rules.Findings findings;\n\n" + rulesText);
    }

    public PackLoader loader() {
        return new PackLoader(rules, RegulationCatalog.load(regulations), Clock.systemUTC());
    }

    /** One rule with the given metadata and condition. */
    public static String rule(String name, String metadata, String condition) {
        return "rule \"" + name + "\"\n    " + metadata + "\nwhen\n    $l : Listing( " + condition + " )\nthen\n"
                + "    findings.report(kcontext, $l, \"" + name + "\", \"fix it\");\nend\n\n";
    }
}
