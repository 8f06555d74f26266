package preflight.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import preflight.TestServer;

class HealthTest {

    @Test
    void healthIs503UntilPacksAreLoadedAndWarmThen200() throws Exception {
        try (TestServer server = new TestServer(false)) {
            assertThat(server.get("/health").statusCode()).isEqualTo(503);
            assertThat(server.post("/v1/checks", "{}").statusCode()).isEqualTo(503);
            assertThat(server.get("/v1/rule-packs").statusCode()).isEqualTo(503);
            server.app.loadPacks();
            server.ready.set(true);
            assertThat(server.get("/health").statusCode()).isEqualTo(200);
        }
    }
}
