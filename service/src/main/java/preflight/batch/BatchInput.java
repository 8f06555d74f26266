package preflight.batch;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import preflight.http.CheckRequestParser;
import preflight.http.InvalidRequestException;

/**
 * Reads a catalogue into batch rows: JSON Lines (one api-v1 check request per line) or CSV whose header names
 * the request's fields in dotted form ({@code seller.id}, {@code product.title}, {@code product.attributes.voltage},
 * {@code targetCountries}). Every row is validated as a single check would be; a bad row becomes a refused row
 * with its line number and the reason, and never stops the batch.
 */
public final class BatchInput {

    public enum Format { JSONL, CSV }

    /** The catalogue is over the row or byte limit. */
    public static final class TooLargeException extends RuntimeException {
        TooLargeException(String message) {
            super(message);
        }
    }

    /** The CSV header names a column that is not a request field. */
    public static final class BadHeaderException extends RuntimeException {
        BadHeaderException(String message) {
            super(message);
        }
    }

    private static final List<String> CSV_FIELDS = List.of("submissionId", "seller.id", "seller.country", "seller.platform",
            "product.title", "product.description", "product.category", "product.brand", "product.keywords",
            "product.certifications", "product.hsCode", "product.origin", "targetCountries", "options.ipCheck",
            "options.locale", "options.asOf");
    private static final java.util.Set<String> LISTS = java.util.Set.of("product.keywords", "product.certifications", "targetCountries");

    private final CheckRequestParser parser;
    private final ObjectMapper json;
    private final int maxRows;
    private final long maxBytes;

    public BatchInput(CheckRequestParser parser, ObjectMapper json, int maxRows, long maxBytes) {
        this.parser = parser;
        this.json = json;
        this.maxRows = maxRows;
        this.maxBytes = maxBytes;
    }

    /** The format a Content-Type names, or null when it names neither. */
    public static Format formatOf(String contentType) {
        if (contentType == null) {
            return null;
        }
        String type = contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        return switch (type) {
            case "application/x-ndjson", "application/jsonl", "application/json-lines", "application/x-jsonlines" -> Format.JSONL;
            case "text/csv" -> Format.CSV;
            default -> null;
        };
    }

    public List<BatchRow> read(InputStream body, Format format) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(new Limited(body, maxBytes), StandardCharsets.UTF_8));
        return format == Format.CSV ? csv(in) : jsonl(in);
    }

    private List<BatchRow> jsonl(BufferedReader in) throws IOException {
        List<BatchRow> rows = new ArrayList<>();
        int line = 0;
        for (String text = in.readLine(); text != null; text = in.readLine()) {
            line++;
            if (line == 1 && text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            if (text.isBlank()) {
                continue;
            }
            count(rows);
            rows.add(row(line, text));
        }
        return rows;
    }

    /** One JSON line: its check request, or why it cannot be checked (the Flink job reads its listings with this too). */
    public BatchRow row(int line, String text) {
        JsonNode node;
        try {
            node = json.readTree(text);
        } catch (JacksonException e) {
            return new BatchRow(line, null, "not valid JSON: " + firstLine(e.getOriginalMessage()));
        }
        return row(line, node);
    }

    private List<BatchRow> csv(BufferedReader in) throws IOException {
        Csv csv = new Csv(in);
        List<BatchRow> rows = new ArrayList<>();
        Csv.Record header;
        do {
            header = csv.next();
        } while (header != null && blank(header));
        if (header == null) {
            return rows;
        }
        List<String> columns = header.fields().stream().map(String::strip).toList();
        if (!columns.isEmpty() && columns.get(0).startsWith("\uFEFF")) {
            columns = new ArrayList<>(columns);
            columns.set(0, columns.get(0).substring(1));
        }
        List<String> unknown = columns.stream()
                .filter(c -> !CSV_FIELDS.contains(c) && !(c.startsWith("product.attributes.") && c.length() > 19)).toList();
        if (!unknown.isEmpty()) {
            throw new BadHeaderException("line " + header.line() + ": unknown column" + (unknown.size() > 1 ? "s " : " ")
                    + unknown.stream().map(c -> "'" + printable(c) + "'").collect(Collectors.joining(", "))
                    + "; columns are " + String.join(", ", CSV_FIELDS) + " and product.attributes.NAME");
        }
        while (true) {
            Csv.Record r;
            try {
                r = csv.next();
            } catch (Csv.CsvException e) {
                count(rows);
                rows.add(new BatchRow(e.line, null, e.getMessage()));
                break;
            }
            if (r == null) {
                break;
            }
            if (blank(r)) {
                continue;
            }
            count(rows);
            if (r.fields().size() != columns.size()) {
                rows.add(new BatchRow(r.line(), null, r.fields().size() + " fields where the header has " + columns.size()));
                continue;
            }
            rows.add(row(r.line(), request(columns, r.fields())));
        }
        return rows;
    }

    /** A CSV row as the JSON request it stands for; empty cells are left out. */
    private ObjectNode request(List<String> columns, List<String> cells) {
        ObjectNode root = json.createObjectNode();
        for (int i = 0; i < columns.size(); i++) {
            String column = columns.get(i);
            String cell = cells.get(i).strip();
            if (cell.isEmpty()) {
                continue;
            }
            String[] path = column.startsWith("product.attributes.")
                    ? new String[] {"product", "attributes", column.substring(19)} : column.split("\\.");
            ObjectNode parent = root;
            for (int p = 0; p < path.length - 1; p++) {
                parent = parent.has(path[p]) ? (ObjectNode) parent.get(path[p]) : parent.putObject(path[p]);
            }
            String name = path[path.length - 1];
            if (LISTS.contains(column)) {
                ArrayNode list = parent.putArray(name);
                for (String item : cell.split(column.equals("targetCountries") ? "[;,\\s]+" : ";")) {
                    if (!item.isBlank()) {
                        list.add(item.strip());
                    }
                }
            } else if (column.equals("options.ipCheck") && (cell.equalsIgnoreCase("true") || cell.equalsIgnoreCase("false"))) {
                parent.put(name, Boolean.parseBoolean(cell.toLowerCase(Locale.ROOT)));
            } else if (column.startsWith("product.attributes.") && cell.matches("-?\\d{1,9}(\\.\\d{1,6})?")) {
                parent.put(name, new java.math.BigDecimal(cell));
            } else {
                parent.put(name, cell);
            }
        }
        return root;
    }

    private BatchRow row(int line, JsonNode node) {
        try {
            return new BatchRow(line, parser.parse(node), null);
        } catch (InvalidRequestException e) {
            return new BatchRow(line, null, e.problems().stream().map(p -> p.field() + ": " + p.problem())
                    .collect(Collectors.joining("; ")));
        }
    }

    private void count(List<BatchRow> rows) {
        if (rows.size() >= maxRows) {
            throw new TooLargeException("at most " + maxRows + " listings per batch");
        }
    }

    private static boolean blank(Csv.Record r) {
        return r.fields().stream().allMatch(String::isBlank);
    }

    private static String printable(String s) {
        String t = s.length() > 40 ? s.substring(0, 40) + "…" : s;
        return t.replaceAll("[\\p{Cntrl}\\p{Cs}]", "?");
    }

    private static String firstLine(String s) {
        String line = s == null ? "" : s.split("\n")[0];
        return line.length() > 200 ? line.substring(0, 200) : line;
    }

    /** Stops reading one byte past the limit, whatever Content-Length said. */
    private final class Limited extends FilterInputStream {
        private final long limit;
        private long read;

        Limited(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                add(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                add(n);
            }
            return n;
        }

        private void add(int n) {
            read += n;
            if (read > limit) {
                throw new TooLargeException("at most " + limit + " bytes per batch");
            }
        }
    }

    /** For tests and docs: the columns a CSV catalogue may have besides product.attributes.NAME. */
    public static List<String> csvColumns() {
        return CSV_FIELDS;
    }

}
