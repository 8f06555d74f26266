package preflight.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import preflight.http.CheckRequestParser;
import preflight.http.Json;

/** Reading catalogues: JSON Lines and CSV as spreadsheets write it, a bad row reported on its line, limits. */
class BatchInputTest {

    final BatchInput input = new BatchInput(new CheckRequestParser(Clock.fixed(Instant.parse("2026-11-26T00:00:00Z"), ZoneOffset.UTC)),
            Json.mapper(), 100, 1 << 20);

    List<BatchRow> read(String text, BatchInput.Format format) throws Exception {
        return input.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), format);
    }

    static final String OK = "{\"seller\":{\"id\":\"S-1\"},\"product\":{\"title\":\"USB charger\",\"category\":\"electronics\"},"
            + "\"targetCountries\":[\"US\"]}";

    @Test
    void jsonLinesKeepTheirLineNumbersAndABadRowDoesNotStopTheRest() throws Exception {
        List<BatchRow> rows = read(OK + "\n\n{\"seller\":\n" + OK.replace("electronics", "nope") + "\n" + OK + "\n",
                BatchInput.Format.JSONL);
        assertThat(rows).extracting(BatchRow::line).containsExactly(1, 3, 4, 5);
        assertThat(rows.get(0).refused()).isFalse();
        assertThat(rows.get(0).request().product().title()).isEqualTo("USB charger");
        assertThat(rows.get(1).problem()).startsWith("not valid JSON");
        assertThat(rows.get(2).problem()).startsWith("product.category: unknown category 'nope'");
        assertThat(rows.get(3).refused()).isFalse();
    }

    @Test
    void csvAsSpreadsheetsWriteIt() throws Exception {
        String csv = "\uFEFFsubmissionId,seller.id,product.title,product.description,product.category,product.keywords,"
                + "product.attributes.voltage,product.attributes.plugType,targetCountries,options.ipCheck\r\n"
                + "A-1,S-1,\"Charger, 20W \"\"fast\"\"\",\"two lines\nof text\",electronics,usb;fast charge,230,EU,\"US;DE\",false\r\n"
                + ",,,,,,,,,\r\n"
                + "A-2,S-1,Plush bear,,toys,,,,UK,\r\n";
        List<BatchRow> rows = read(csv, BatchInput.Format.CSV);
        assertThat(rows).hasSize(2);
        var first = rows.get(0).request();
        assertThat(rows.get(0).line()).isEqualTo(2);
        assertThat(first.submissionId()).isEqualTo("A-1");
        assertThat(first.product().title()).isEqualTo("Charger, 20W \"fast\"");
        assertThat(first.product().description()).isEqualTo("two lines\nof text");
        assertThat(first.product().keywords()).containsExactly("usb", "fast charge");
        assertThat(first.product().attributes()).containsEntry("plugType", "EU");
        assertThat(((Number) first.product().attributes().get("voltage")).intValue()).isEqualTo(230);
        assertThat(first.targetCountries()).containsExactly("US", "DE");
        assertThat(first.options().ipCheck()).isFalse();
        // the quoted line break puts the third record on line 5
        assertThat(rows.get(1).line()).isEqualTo(5);
        assertThat(rows.get(1).request().product().title()).isEqualTo("Plush bear");
    }

    @Test
    void csvRowsWithTheWrongShapeOrBadValuesAreRefusedOnTheirLine() throws Exception {
        String csv = "seller.id,product.title,product.category,targetCountries\nS-1,Lamp,lighting\nS-1,Lamp,lighting,XX\n"
                + "S-1,Lamp,lighting,US\nS-1,\"open quote,lighting,US\n";
        List<BatchRow> rows = read(csv, BatchInput.Format.CSV);
        assertThat(rows.get(0).problem()).isEqualTo("3 fields where the header has 4");
        assertThat(rows.get(0).line()).isEqualTo(2);
        assertThat(rows.get(1).problem()).contains("targetCountries[0]").contains("unknown country code 'XX'");
        assertThat(rows.get(2).refused()).isFalse();
        assertThat(rows.get(3).line()).isEqualTo(5);
        assertThat(rows.get(3).problem()).isEqualTo("a quoted field is not closed");
    }

    @Test
    void aStoredRequestReadsBackAsTheSameRequest() throws Exception {
        // batches store each row's request as JSON; a resume, a re-screen and the Flink job's CSV path read it back
        String csv = "submissionId,seller.id,seller.platform,product.title,product.category,product.attributes.voltage,"
                + "product.certifications,targetCountries,options.asOf\n"
                + "A-1,S-1,alibaba.com,\"Charger, 20W\",electronics,230,CE;UKCA,US;DE,2026-11-25\n";
        var request = read(csv, BatchInput.Format.CSV).get(0).request();
        String stored = Json.mapper().writeValueAsString(request);
        assertThat(Json.mapper().readValue(stored, preflight.check.CheckRequest.class)).isEqualTo(request);
        var parsed = new CheckRequestParser(Clock.systemUTC()).parse(Json.mapper().readTree(stored));
        assertThat(parsed.product().title()).isEqualTo(request.product().title());
        assertThat(parsed.targetCountries()).isEqualTo(request.targetCountries());
        assertThat(parsed.options()).isEqualTo(request.options());
        assertThat(parsed.product().certifications()).isEqualTo(request.product().certifications());
    }

    @Test
    void anUnknownCsvColumnIsNamed() {
        assertThatThrownBy(() -> read("seller.id,product.titel\nS-1,x\n", BatchInput.Format.CSV))
                .isInstanceOf(BatchInput.BadHeaderException.class).hasMessageContaining("'product.titel'");
    }

    @Test
    void rowAndByteLimits() {
        String many = (OK + "\n").repeat(101);
        assertThatThrownBy(() -> read(many, BatchInput.Format.JSONL)).isInstanceOf(BatchInput.TooLargeException.class)
                .hasMessage("at most 100 listings per batch");
        BatchInput small = new BatchInput(new CheckRequestParser(Clock.systemUTC()), Json.mapper(), 100, 1000);
        assertThatThrownBy(() -> small.read(new ByteArrayInputStream((OK + "\n").repeat(10).getBytes(StandardCharsets.UTF_8)),
                BatchInput.Format.JSONL)).isInstanceOf(BatchInput.TooLargeException.class).hasMessage("at most 1000 bytes per batch");
    }

    @Test
    void contentTypesNameTheFormat() {
        assertThat(BatchInput.formatOf("application/x-ndjson; charset=utf-8")).isEqualTo(BatchInput.Format.JSONL);
        assertThat(BatchInput.formatOf("text/csv")).isEqualTo(BatchInput.Format.CSV);
        assertThat(BatchInput.formatOf("application/json")).isNull();
        assertThat(BatchInput.formatOf(null)).isNull();
    }

    @Test
    void naughtyStringsAsTitlesNeverBreakTheReader() throws Exception {
        // third-party test data (../shared/testdata): strings known to break parsers must only ever be data here
        Path blns = Path.of("../shared/testdata/naughty-strings/blns.json");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(blns), "../shared/testdata is absent on this machine");
        List<String> strings = new java.util.ArrayList<>();
        Json.mapper().readTree(blns.toFile()).forEach(n -> strings.add(n.asText()));
        StringBuilder csv = new StringBuilder("seller.id,product.title,product.category,targetCountries\n");
        StringBuilder jsonl = new StringBuilder();
        List<String> used = strings.stream().filter(s -> !s.isBlank()).limit(99).toList();
        for (String s : used) {
            csv.append("S-1,\"").append(s.replace("\"", "\"\"")).append("\",toys,US\n");
            jsonl.append(Json.mapper().writeValueAsString(java.util.Map.of("seller", java.util.Map.of("id", "S-1"),
                    "product", java.util.Map.of("title", s, "category", "toys"), "targetCountries", List.of("US")))).append('\n');
        }
        for (List<BatchRow> rows : List.of(read(csv.toString(), BatchInput.Format.CSV), read(jsonl.toString(), BatchInput.Format.JSONL))) {
            assertThat(rows).hasSize(used.size());
            assertThat(rows).allSatisfy(r -> assertThat(r.refused() ? r.problem() : r.request().product().title()).isNotBlank());
        }
    }
}
