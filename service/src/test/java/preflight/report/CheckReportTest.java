package preflight.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import preflight.TestServer;
import preflight.check.Verdict;
import preflight.http.Json;

/** The seller's report of one check: what a seller must be able to read in it, in Chinese and in English. */
class CheckReportTest {

    static TestServer server;
    static final ObjectMapper json = Json.mapper();
    static String checkId;
    static Verdict verdict;
    static JsonNode request;

    static final String CHECK = """
            {"seller":{"id":"S-R","country":"CN","platform":"alibaba.com"},
             "product":{"title":"Wooden toy gun <script>alert(1)</script> for toddlers, Nike style",
                        "description":"Painted with lead paint.","category":"toys","attributes":{"ageRange":"1-3"}},
             "targetCountries":["US","DE"],"options":{"asOf":"2026-11-25","locale":"zh"}}""";

    @BeforeAll
    static void start() throws Exception {
        server = new TestServer(Map.of("PREFLIGHT_IP_CLASSIFIER", "lexicon"), true);
        server.post("/v1/stores/S-R/penalties", "{\"violationType\":\"ip\",\"points\":6,\"platform\":\"alibaba.com\",\"date\":\"2026-10-01\"}");
        HttpResponse<String> r = server.post("/v1/checks", CHECK);
        assertThat(r.statusCode()).isEqualTo(200);
        verdict = json.readValue(r.body(), Verdict.class);
        checkId = verdict.checkId();
        request = json.readTree(CHECK);
        for (int i = 0; i < 100 && server.get("/v1/checks/" + checkId).statusCode() != 200; i++) {
            Thread.sleep(50);
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theReportSpeaksTheChecksLocaleAndShowsWhatASellerActsOn() throws Exception {
        HttpResponse<String> r = server.get("/v1/checks/" + checkId + "/report");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        String html = r.body();
        assertThat(html).contains("<html lang=\"zh-CN\"", "data-decision=\"" + verdict.decision() + "\"", "问题所在（按市场）");
        // every finding, grouped by market, with its rule, its regulation linked and its fix, in Chinese
        verdict.findings().forEach(f -> assertThat(html).contains("data-rule=\"" + f.ruleId() + "\"")
                .contains("href=\"" + f.regulation().url().replace("&", "&amp;") + "\""));
        assertThat(html).contains("data-market=\"US\"", "data-market=\"DE\"", "美国 (US)", "德国 (DE)");
        assertThat(html).contains("这是一件儿童产品");                                 // US-CPSC-CPC's message in Chinese
        assertThat(html).doesNotContain("fallback-note");
        // the evidence is marked in the seller's own words, and what the seller wrote is never markup
        assertThat(html).contains("<mark>lead paint</mark>").contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("<script>alert(1)");
        // the IP finding's translation carries the listing's own mark
        assertThat(html).contains("data-rule=\"IP-MARK-REFERENCE\"").contains("Nike（所有人");
        // rules that start later, on a timeline; the forecast as a chart with the sanction thresholds
        assertThat(html).contains("id=\"timeline\"", "EU-TSR-DPP", "class=\"score-chart\"", "7-day restriction", "<svg");
        assertThat(html).contains("@media print");
    }

    @Test
    void englishOnRequestAndLocalesOtherwiseRefused() throws Exception {
        String html = server.get("/v1/checks/" + checkId + "/report?locale=en").body();
        assertThat(html).contains("<html lang=\"en\"", "What is wrong, market by market", "Children&#39;s Product Certificate");
        assertThat(server.get("/v1/checks/" + checkId + "/report?locale=zh-CN").statusCode()).isEqualTo(200);
        HttpResponse<String> fr = server.get("/v1/checks/" + checkId + "/report?locale=fr");
        assertThat(fr.statusCode()).isEqualTo(400);
        assertThat(fr.body()).contains("\"field\":\"locale\"");
        assertThat(server.get("/v1/checks/no-such-check/report").statusCode()).isEqualTo(404);
    }

    @Test
    void aFindingWithoutATranslationIsShownInEnglishAndTheReportSaysSo(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("rules/US"));
        Files.createDirectories(dir.resolve("regs/ip"));
        Files.writeString(dir.resolve("rules/US/messages_zh.properties"), "US-CPSC-CPC.message=已翻译的消息\nUS-CPSC-CPC.fix=已翻译的整改\n");
        String html = new CheckReport(new RuleTranslations(dir.resolve("rules"), dir.resolve("regs")))
                .render(verdict, request, ReportText.of("zh"), ledger -> false, "report?locale=en");
        long others = verdict.findings().size() + verdict.upcoming().size() - 1;
        assertThat(html).contains("已翻译的消息", "已翻译的整改");
        assertThat(html).contains("id=\"fallback-note\"").contains("有 " + others + " 个尚无最新的中文翻译");
        assertThat(html).contains("仅有英文：尚无最新的中文翻译");
        assertThat(html).contains("In the US accessible parts of children&#39;s products"); // US-CPSIA-LEAD-LIMIT, in English
    }

    @Test
    void anEditedTranslationShowsInTheNextReport(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("rules/US"));
        Path file = dir.resolve("rules/US/messages_zh.properties");
        RuleTranslations translations = new RuleTranslations(dir.resolve("rules"), dir.resolve("regs"));
        var cpc = verdict.findings().stream().filter(f -> f.ruleId().equals("US-CPSC-CPC")).findFirst().orElseThrow();
        assertThat(translations.words(cpc, "zh").translated()).isFalse();
        Files.writeString(file, "US-CPSC-CPC.message=第一版\nUS-CPSC-CPC.fix=修正\n");
        assertThat(translations.words(cpc, "zh").message()).isEqualTo("第一版");
        Files.writeString(file, "US-CPSC-CPC.message=第二版，更长一些\nUS-CPSC-CPC.fix=修正\n");
        assertThat(translations.words(cpc, "zh").message()).isEqualTo("第二版，更长一些");
    }
}
