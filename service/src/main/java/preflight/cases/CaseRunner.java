package preflight.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import preflight.check.CheckService;
import preflight.check.Verdict;
import preflight.http.CheckRequestParser;
import preflight.http.InvalidRequestException;
import preflight.http.Json;

/** Runs golden cases through the same parser and check the server uses, and compares the verdicts. */
public final class CaseRunner {

    private final CheckRequestParser parser;
    private final CheckService checks;
    private final ObjectMapper json = Json.mapper();

    public CaseRunner(CheckRequestParser parser, CheckService checks) {
        this.parser = parser;
        this.checks = checks;
    }

    public CaseResult run(GoldenCase c) {
        Verdict verdict;
        try {
            verdict = checks.check(parser.parse(c.request()));
        } catch (InvalidRequestException e) {
            return new CaseResult(c, List.of("the request is invalid: " + e.problems()), null);
        }
        JsonNode v = json.valueToTree(verdict);
        List<String> mismatches = new ArrayList<>();
        if (c.decision() != null && !c.decision().equals(v.path("decision").asText())) {
            mismatches.add("decision: expected " + c.decision() + ", got " + v.path("decision").asText());
        }
        for (JsonNode want : c.findings()) {
            if (!anyMatches(v.path("findings"), want)) {
                mismatches.add("missing finding " + want + "; findings were " + summary(v.path("findings")));
            }
        }
        for (JsonNode want : c.upcoming()) {
            if (!anyMatches(v.path("upcoming"), want)) {
                mismatches.add("missing upcoming rule " + want + "; upcoming were " + summary(v.path("upcoming")));
            }
        }
        for (JsonNode unwanted : c.absent()) {
            if (anyMatches(v.path("findings"), unwanted) || anyMatches(v.path("upcoming"), unwanted)) {
                mismatches.add("unexpected " + unwanted + " (a near miss that must stay silent)");
            }
        }
        return new CaseResult(c, mismatches, verdict);
    }

    private static boolean anyMatches(JsonNode list, JsonNode want) {
        for (JsonNode f : list) {
            if (matches(f, want)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(JsonNode finding, JsonNode want) {
        Iterator<Map.Entry<String, JsonNode>> it = want.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().asText().equals(finding.path(e.getKey()).asText())) {
                return false;
            }
        }
        return true;
    }

    /** "ruleId@country" for each finding, the short form a reader scans. */
    public static String summary(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(f -> out.add(f.path("ruleId").asText() + "@" + f.path("country").asText()));
        return out.toString();
    }
}
