package preflight.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import preflight.http.Json;

/** A check request from a file: a request body, or a golden case (whose request is taken). */
final class RequestFile {

    private RequestFile() {
    }

    static JsonNode read(String file) throws IOException {
        JsonNode body = Json.mapper().readTree(Path.of(file).toFile());
        if (body != null && body.has("request") && body.has("expect")) {
            return body.get("request");
        }
        return body;
    }
}
