package preflight.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import preflight.Preflight;
import preflight.check.Verdict;
import preflight.http.InvalidRequestException;
import preflight.ip.IpNote;
import preflight.listing.Evidence;
import preflight.rules.Finding;
import preflight.rules.RuleMeta;
import preflight.rules.RulePack;
import preflight.rules.UnableToCompilePackException;

/**
 * {@code preflight rules explain FILE.json}: runs one listing and shows, for every rule that fired, where
 * it is written, its condition, and the facts of the listing that made it fire; for the IP screen, what
 * it found and why it let uses through.
 */
final class ExplainCommand {

    private final Preflight app;
    private final PrintStream out = System.out;

    ExplainCommand(Preflight app) {
        this.app = app;
    }

    int run(String file) {
        Verdict v;
        try {
            JsonNode body = RequestFile.read(file);
            app.loadPacks();
            v = app.checks().check(app.parser().parse(body));
        } catch (IOException e) {
            System.err.println(file + ": " + e.getMessage().split("\n")[0]);
            return 2;
        } catch (InvalidRequestException e) {
            e.problems().forEach(p -> System.err.println(file + ": " + p.field() + ": " + p.problem()));
            return 2;
        } catch (UnableToCompilePackException e) {
            e.problems().forEach(System.err::println);
            return 1;
        }
        out.println("decision " + v.decision() + ", risk score " + v.riskScore() + ", packs " + v.rulePacks());
        for (Finding f : v.findings()) {
            explain(f, "in force");
        }
        for (Finding f : v.upcoming()) {
            explain(f, "from " + f.effectiveFrom());
        }
        out.println("IP screen (" + v.ip().classifier() + "), risk " + v.ip().risk());
        for (IpNote n : v.ip().notes()) {
            out.println("  let through: " + n.mark() + " (" + n.use() + "): " + n.reason());
        }
        if (v.findings().isEmpty() && v.upcoming().isEmpty()) {
            out.println("no rule fired");
        }
        return 0;
    }

    private void explain(Finding f, String when) {
        Optional<RuleMeta> rule = rule(f.ruleId());
        out.println();
        out.println(f.ruleId() + "  " + f.severity() + "  " + f.country() + "  " + when
                + rule.map(r -> "  (" + r.file() + ":" + r.line() + ")").orElse("  (the IP screen)"));
        rule.ifPresent(r -> {
            out.println("  condition:");
            r.condition().forEach(line -> out.println("    " + line));
        });
        out.println("  because the listing has:");
        if (f.evidence().isEmpty()) {
            out.println("    (no single field: the rule matched the listing as a whole, for example its category or market)");
        }
        for (Evidence e : f.evidence()) {
            out.println("    " + e.field() + ": \"" + e.text() + "\"");
        }
        out.println("  regulation: " + f.regulation().id() + " " + f.regulation().url());
    }

    private Optional<RuleMeta> rule(String id) {
        for (RulePack p : app.packs().get().all()) {
            for (RuleMeta m : p.ownRules()) {
                if (m.id().equals(id)) {
                    return Optional.of(m);
                }
            }
        }
        return Optional.empty();
    }

}
