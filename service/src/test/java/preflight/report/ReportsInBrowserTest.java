package preflight.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.print.PrintOptions;
import preflight.TestServer;
import preflight.http.Json;

/**
 * The reports as a seller sees them, in headless Chromium (Debian's chromium and chromium-driver): the decision,
 * the findings, the chart and the Chinese text are on screen; the print layout hides the buttons. Screenshots
 * and a printed PDF go to service/target/screenshots/. Without a browser the test is skipped with a message,
 * unless PREFLIGHT_REQUIRE_BROWSER=1 (as .ci/run sets it), when it fails.
 */
class ReportsInBrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SHOTS = Path.of("service/target/screenshots");
    static final ObjectMapper json = Json.mapper();

    static TestServer server;
    static ChromeDriver browser;
    static String checkId;
    static String batchId;

    @BeforeAll
    static void start() throws Exception {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present && "1".equals(System.getenv("PREFLIGHT_REQUIRE_BROWSER"))) {
            throw new IllegalStateException("PREFLIGHT_REQUIRE_BROWSER=1 but " + CHROMIUM + " or " + CHROMEDRIVER
                    + " is missing (Debian: apt-get install chromium chromium-driver fonts-wqy-zenhei)");
        }
        Assumptions.assumeTrue(present, "no headless browser here (Debian: apt-get install chromium chromium-driver); .ci/run installs it");
        Files.createDirectories(SHOTS);
        server = new TestServer(Map.of("PREFLIGHT_IP_CLASSIFIER", "lexicon"), true);
        server.post("/v1/stores/S-W/penalties", "{\"violationType\":\"ip\",\"points\":6,\"platform\":\"alibaba.com\",\"date\":\"2026-10-01\"}");
        HttpResponse<String> checked = server.post("/v1/checks", """
                {"seller":{"id":"S-W","country":"CN","platform":"alibaba.com"},
                 "product":{"title":"Wooden toy water pistol for toddlers, Nike style","description":"Painted with lead paint. Same as Nike.",
                            "category":"toys","attributes":{"ageRange":"1-3"}},
                 "targetCountries":["US","DE","UK"],"options":{"asOf":"2026-11-25","locale":"zh"}}""");
        checkId = json.readTree(checked.body()).path("checkId").asText();
        StringBuilder catalogue = new StringBuilder();
        String[][] products = {{"Wooden stacking blocks toy", "toys"}, {"Cotton tea towel", "textiles-home"},
                {"USB-C charger 20W", "electronics"}, {"Lithium power bank 20000mAh", "power-banks"}, {"Baby walker with wheels", "baby-products"}};
        for (int i = 0; i < 200; i++) {
            String[] p = products[i % products.length];
            catalogue.append("{\"submissionId\":\"W-").append(i).append("\",\"seller\":{\"id\":\"S-W\",\"platform\":\"alibaba.com\"},")
                    .append("\"product\":{\"title\":\"").append(p[0]).append("\",\"category\":\"").append(p[1])
                    .append("\"},\"targetCountries\":[\"US\",\"DE\",\"JP\"],\"options\":{\"asOf\":\"2026-11-25\"}}\n");
        }
        catalogue.append("{broken\n");
        HttpResponse<String> posted = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.base() + "/v1/batches"))
                .header("Content-Type", "application/x-ndjson").POST(HttpRequest.BodyPublishers.ofString(catalogue.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        batchId = json.readTree(posted.body()).path("id").asText();
        for (int i = 0; i < 600; i++) {
            JsonNode s = json.readTree(server.get("/v1/batches/" + batchId).body());
            if (s.path("status").asText().equals("done") && server.get("/v1/checks/" + checkId).statusCode() == 200) {
                break;
            }
            Thread.sleep(100);
        }

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // as root in a sandboxed machine with no network: no sandbox, no background connections
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--window-size=1200,2400", "--user-data-dir=" + Files.createTempDirectory("preflight-chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    static void shot(String name) throws Exception {
        Files.write(SHOTS.resolve(name), browser.getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void aCheckReportShowsTheDecisionFindingsChartAndChineseText() throws Exception {
        browser.get(server.base() + "/v1/checks/" + checkId + "/report");
        WebElement decision = browser.findElement(By.id("decision"));
        assertThat(decision.isDisplayed()).isTrue();
        assertThat(decision.getText()).contains("结论").containsAnyOf("请先阅读警告再发布", "请勿按现状发布");
        assertThat(browser.findElement(By.cssSelector("#findings h2")).getText()).isEqualTo("问题所在（按市场）");
        List<WebElement> findings = browser.findElements(By.cssSelector("#findings article.finding"));
        assertThat(findings).isNotEmpty().allSatisfy(f -> assertThat(f.isDisplayed()).isTrue());
        WebElement cpc = browser.findElement(By.cssSelector("#findings article[data-rule='US-CPSC-CPC']"));
        assertThat(cpc.findElement(By.className("message")).getText()).startsWith("这是一件儿童产品");
        assertThat(cpc.findElement(By.cssSelector("a")).getAttribute("href")).startsWith("https://");
        WebElement chart = browser.findElement(By.cssSelector("#store-score figure.score-chart svg"));
        assertThat(chart.isDisplayed()).isTrue();
        assertThat(chart.getRect().getWidth()).isGreaterThan(300);
        assertThat(browser.findElement(By.id("timeline")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.cssSelector("#listing mark")).getText()).isNotBlank();
        // the page's text is really drawn in Chinese glyphs: a Chinese line is as wide as its characters need
        Number width = (Number) browser.executeScript("const r = document.createRange(); r.selectNodeContents(arguments[0]);"
                + " return r.getBoundingClientRect().width;", browser.findElement(By.cssSelector("#findings h2")));
        assertThat(width.doubleValue()).isGreaterThan(100);
        shot("check-report-zh.png");
        Files.writeString(SHOTS.resolve("check-report-zh.html"), browser.getPageSource());

        // the print layout: no buttons, and Chromium prints it to PDF
        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        assertThat(browser.findElement(By.className("tools")).isDisplayed()).isFalse();
        shot("check-report-zh-print.png");
        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        byte[] pdf = Base64.getDecoder().decode(browser.print(new PrintOptions()).getContent());
        assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
        Files.write(SHOTS.resolve("check-report-zh.pdf"), pdf);

        browser.findElement(By.id("other-locale")).click();
        assertThat(browser.findElement(By.cssSelector("#findings h2")).getText()).isEqualTo("What is wrong, market by market");
        assertThat(browser.findElement(By.cssSelector("#findings article[data-rule='US-CPSC-CPC'] .message")).getText())
                .startsWith("This is a children's product");
        shot("check-report-en.png");
    }

    @Test
    void aCatalogueReportShowsCountsChartsAndTheRowsThatCouldNotBeChecked() throws Exception {
        browser.get(server.base() + "/v1/batches/" + batchId + "/report?locale=zh");
        assertThat(browser.findElement(By.cssSelector("#decision h1")).getText()).startsWith("商品目录报告");
        assertThat(browser.findElement(By.id("decision")).getText()).contains("共 201 个商品", "1 行无法检查");
        for (String chart : List.of("#decisions svg", "#by-market svg", "#by-category svg", "#store-score svg")) {
            WebElement svg = browser.findElement(By.cssSelector(chart));
            assertThat(svg.isDisplayed()).as(chart).isTrue();
            assertThat(svg.getRect().getHeight()).as(chart).isGreaterThan(20);
        }
        assertThat(browser.findElements(By.cssSelector("#rules tbody tr"))).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("#worst tbody tr"))).isNotEmpty();
        assertThat(browser.findElement(By.id("problems")).getText()).contains("第 201 行", "not valid JSON");
        shot("catalogue-report-zh.png");
    }
}
