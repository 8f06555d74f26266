package preflight.flink;

import com.fasterxml.jackson.core.JsonProcessingException;
import preflight.http.Json;

/** Pack snapshots as JSON, as they travel on a Kafka control topic: {label, rules: {path: text}, regulations: {...}}. */
public final class Snapshots {

    private Snapshots() {
    }

    public static String toJson(PackSnapshot s) throws JsonProcessingException {
        return Json.mapper().writeValueAsString(s);
    }

    public static PackSnapshot fromJson(String text) throws JsonProcessingException {
        return Json.mapper().readValue(text, PackSnapshot.class);
    }
}
