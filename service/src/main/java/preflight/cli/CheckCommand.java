package preflight.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import preflight.Preflight;
import preflight.http.InvalidRequestException;
import preflight.http.Json;
import preflight.rules.UnableToCompilePackException;

/** {@code preflight check FILE.json}: one request (or a golden case's request) in, the verdict out. */
final class CheckCommand {

    private final Preflight app;

    CheckCommand(Preflight app) {
        this.app = app;
    }

    int run(String[] args) throws IOException, InterruptedException {
        if (args.length > 0 && args[0].equals("--batch")) {
            return new BatchCheckCommand(app, System.err).run(java.util.Arrays.copyOfRange(args, 1, args.length));
        }
        if (args.length != 1) {
            System.err.println("usage: preflight check FILE.json | preflight check --batch FILE.jsonl|FILE.csv");
            return 2;
        }
        ObjectMapper json = Json.mapper();
        JsonNode body;
        try {
            body = RequestFile.read(args[0]);
        } catch (IOException e) {
            System.err.println(args[0] + ": " + e.getMessage().split("\n")[0]);
            return 2;
        }
        try {
            app.loadPacks();
            var verdict = app.checks().check(app.parser().parse(body));
            System.out.println(json.writerWithDefaultPrettyPrinter().writeValueAsString(verdict));
            return 0;
        } catch (InvalidRequestException e) {
            e.problems().forEach(p -> System.err.println(args[0] + ": " + p.field() + ": " + p.problem()));
            return 2;
        } catch (UnableToCompilePackException e) {
            e.problems().forEach(System.err::println);
            return 1;
        } catch (IOException e) {
            System.err.println(e.getMessage());
            return 1;
        }
    }
}
