package preflight.ip;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A local HTTP server that speaks the OpenAI chat-completions wire format ({@code POST /v1/chat/completions}),
 * so the LLM path is tested without a provider: normal structured replies, malformed content, slow replies
 * and server errors, switched per test.
 */
final class FakeOpenAiServer implements AutoCloseable {

    enum Mode { NORMAL, MALFORMED, SLOW, ERROR }

    private final HttpServer server;
    private final ObjectMapper json = new ObjectMapper();
    private final AtomicInteger requests = new AtomicInteger();
    private volatile Mode mode = Mode.NORMAL;
    private volatile long slowMillis = 3000;
    private volatile String lastUserMessage = "";
    /** The JSON content the "model" answers for a user message, in NORMAL mode. */
    private volatile Function<String, String> answer = user ->
            "{\"verdict\":\"infringing\",\"confidence\":0.9,\"marks\":[\"Nike\"],\"reasoning\":\"The listing uses Nike as its brand.\"}";

    FakeOpenAiServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-openai");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/v1/chat/completions", exchange -> {
            requests.incrementAndGet();
            JsonNode request = json.readTree(exchange.getRequestBody());
            JsonNode messages = request.path("messages");
            lastUserMessage = messages.get(messages.size() - 1).path("content").asText();
            Mode m = mode;
            if (m == Mode.SLOW) {
                try {
                    Thread.sleep(slowMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (m == Mode.ERROR) {
                send(exchange, 500, "{\"error\":{\"message\":\"internal error\",\"type\":\"server_error\"}}");
                return;
            }
            String content = m == Mode.MALFORMED ? "{\"verdict\": \"infringing\", \"confidence\": " : answer.apply(lastUserMessage);
            ObjectNode reply = json.createObjectNode();
            reply.put("id", "chatcmpl-test");
            reply.put("object", "chat.completion");
            reply.put("created", System.currentTimeMillis() / 1000);
            reply.put("model", request.path("model").asText());
            ObjectNode choice = reply.putArray("choices").addObject();
            choice.put("index", 0);
            choice.putObject("message").put("role", "assistant").put("content", content);
            choice.put("finish_reason", "stop");
            reply.putObject("usage").put("prompt_tokens", 100).put("completion_tokens", 30).put("total_tokens", 130);
            send(exchange, 200, json.writeValueAsString(reply));
        });
        server.start();
    }

    private static void send(com.sun.net.httpserver.HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    void mode(Mode m) {
        mode = m;
    }

    void slowMillis(long millis) {
        slowMillis = millis;
    }

    void answer(Function<String, String> f) {
        answer = f;
    }

    int requests() {
        return requests.get();
    }

    String lastUserMessage() {
        return lastUserMessage;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
