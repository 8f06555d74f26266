package preflight.flink;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.serialization.Encoder;
import org.apache.flink.api.common.serialization.SerializationSchema;
import preflight.http.Json;

/**
 * A checked listing as a line of the verdicts' JSON Lines: a few fields that say which listing, seller and packs,
 * then the verdict as {@code POST /v1/checks} answers it. The verdict is already JSON and goes into the line's bytes
 * as it is, straight into the file or the Kafka record: no string of the whole line is built (on a re-screen those
 * copies were a third of what the check task allocated).
 */
public final class VerdictLine implements Encoder<CheckedListing>, SerializationSchema<CheckedListing> {

    private static final long serialVersionUID = 1L;

    private transient ObjectMapper json;
    private transient ByteArrayOutputStream line;
    private transient Writer text;

    /**
     * A line of a verdict file, handed to the file in one write: the file sink's local stream is not buffered. The
     * line is built in a buffer kept from line to line, the verdict encoded into it the way a buffered writer
     * encodes (a verdict with one character past Latin-1 costs {@code String.getBytes} two arrays three times its
     * length).
     */
    @Override
    public void encode(CheckedListing r, OutputStream out) throws IOException {
        if (line == null) {
            line = new ByteArrayOutputStream(16_384);
            text = new OutputStreamWriter(line, StandardCharsets.UTF_8);
        }
        line.reset();
        write(r, text);
        text.write('\n');
        text.flush();
        line.writeTo(out);
    }

    /** A verdict topic's record value. */
    @Override
    public byte[] serialize(CheckedListing r) {
        ByteArrayOutputStream value = new ByteArrayOutputStream(256 + (r.verdict == null ? 0 : r.verdict.length()));
        try (Writer w = new OutputStreamWriter(value, StandardCharsets.UTF_8)) {
            write(r, w);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // not from a byte array
        }
        return value.toByteArray();
    }

    /** The line as text, for whoever wants it as a string. */
    public String text(CheckedListing r) {
        return new String(serialize(r), StandardCharsets.UTF_8);
    }

    private void write(CheckedListing r, Writer out) throws IOException {
        if (json == null) {
            json = Json.mapper();
        }
        ObjectNode head = json.createObjectNode();
        head.put("key", r.key);
        head.put("sellerId", r.sellerId);
        head.put("packSnapshot", r.packSnapshot);
        head.put("checkedAt", r.checkedAt);
        if (r.problem != null) {
            head.put("problem", r.problem);
            out.write(json.writeValueAsString(head));
            return;
        }
        head.put("decision", r.decision);
        String start = json.writeValueAsString(head);
        out.write(start, 0, start.length() - 1); // without its closing brace
        out.write(",\"verdict\":");
        out.write(r.verdict);
        out.write('}');
    }
}
