package preflight.flink;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.flink.api.common.functions.MapFunction;
import preflight.http.Json;

/**
 * A JSON line into a {@link ListingEvent}: only what keying needs is read here (the seller, the submission id);
 * the check validates the request itself. A line that is not JSON still travels, under seller "", so that the
 * check reports it like any bad row.
 */
public final class ParseListing implements MapFunction<String, ListingEvent> {

    private static final long serialVersionUID = 1L;
    private transient ObjectMapper json;

    @Override
    public ListingEvent map(String line) throws Exception {
        if (json == null) {
            json = Json.mapper();
        }
        String key = null;
        String seller = "";
        boolean previous = false;
        // a streaming read of the top level: no tree is built, for the check parses the request again in full
        try (JsonParser p = json.getFactory().createParser(line)) {
            if (p.nextToken() == JsonToken.START_OBJECT) {
                for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
                    JsonToken value = p.nextToken();
                    if (field.equals("submissionId") && value == JsonToken.VALUE_STRING) {
                        key = p.getText();
                    } else if (field.equals("seller") && value == JsonToken.START_OBJECT) {
                        for (String inner = p.nextFieldName(); inner != null; inner = p.nextFieldName()) {
                            if (p.nextToken() == JsonToken.VALUE_STRING && inner.equals("id")) {
                                seller = p.getText();
                            } else {
                                p.skipChildren();
                            }
                        }
                    } else {
                        previous |= field.equals("previousDecision");
                        p.skipChildren();
                    }
                }
            }
        } catch (Exception e) {
            // not JSON: the check says so
        }
        String request = line;
        String previousDecision = null;
        if (previous) {
            ObjectNode o = (ObjectNode) json.readTree(line);
            previousDecision = o.path("previousDecision").asText();
            o.remove("previousDecision");
            request = json.writeValueAsString(o);
        }
        return new ListingEvent(key != null ? key : digest(line), seller, request, previousDecision);
    }

    static String digest(String line) throws NoSuchAlgorithmException {
        byte[] h = MessageDigest.getInstance("SHA-256").digest(line.getBytes(StandardCharsets.UTF_8));
        return "sha256:" + HexFormat.of().formatHex(h, 0, 12);
    }
}
