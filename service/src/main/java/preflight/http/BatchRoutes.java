package preflight.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import preflight.batch.BatchInput;
import preflight.batch.BatchRow;
import preflight.batch.Batches;
import preflight.db.BatchStore;
import preflight.store.StoreUnavailableException;

/**
 * Catalogue checks: {@code POST /v1/batches} (JSON Lines or CSV, answered 202 once stored), progress, results as
 * JSON Lines and the catalogue summary. The HTML catalogue report is in {@link ReportRoutes}.
 */
final class BatchRoutes {

    private final Supplier<Reporting> reporting;
    private final ObjectMapper json;

    BatchRoutes(Supplier<Reporting> reporting, ObjectMapper json) {
        this.reporting = reporting;
        this.json = json;
    }

    void register(RoutesConfig routes, Access access) {
        Set<Role> flowOrSeller = Set.of(Role.LISTING_FLOW, Role.SELLER);
        routes.post("/v1/batches", access.allow(flowOrSeller, this::submit));
        routes.get("/v1/batches/{batchId}", access.allow(flowOrSeller, ctx -> ctx.json(status(ctx, batch(ctx)))));
        routes.get("/v1/batches/{batchId}/summary", access.allow(flowOrSeller, this::summary));
        routes.get("/v1/batches/{batchId}/results", access.allow(flowOrSeller, this::results));
    }

    private Reporting reporting() {
        Reporting r = reporting.get();
        if (r == null) {
            throw new StoreRoutes.StorageClosedException();
        }
        return r;
    }

    private void submit(Context ctx) {
        Reporting r = reporting();
        BatchInput.Format format = BatchInput.formatOf(ctx.contentType());
        if (format == null) {
            ctx.status(415).json(Map.of("error", "unsupported media type", "details", List.of(new FieldProblem("Content-Type",
                    "application/x-ndjson (one check request per line) or text/csv"))));
            return;
        }
        List<BatchRow> rows;
        try {
            rows = r.input().read(ctx.req().getInputStream(), format);
        } catch (BatchInput.TooLargeException e) {
            ctx.status(413).json(Map.of("error", "batch too large", "details", List.of(new FieldProblem("body", e.getMessage()))));
            return;
        } catch (BatchInput.BadHeaderException e) {
            throw new InvalidRequestException("body", "CSV header " + e.getMessage());
        } catch (IOException e) {
            throw new InvalidRequestException("body", "could not be read: " + e.getMessage());
        }
        if (rows.isEmpty()) {
            throw new InvalidRequestException("body", "no listings: send one check request per line, or a CSV header and rows");
        }
        Optional<String> seller = Access.sellerOf(ctx);
        if (seller.isPresent()) {
            // a seller's key checks its own store's catalogue only
            List<BatchRow> own = new ArrayList<>(rows.size());
            for (BatchRow row : rows) {
                own.add(row.refused() || row.request().seller().id().equals(seller.get()) ? row
                        : new BatchRow(row.line(), null, "seller.id: a seller key checks only its own store's listings"));
            }
            rows = own;
        }
        try {
            Batches.Status s = r.batches().submit(rows, Access.actor(ctx), seller.orElse(null));
            ctx.status(202).header("Location", "/v1/batches/" + s.id()).json(status(ctx, s));
        } catch (SQLException e) {
            throw new StoreUnavailableException("the batch cannot be stored: " + e.getMessage(), e);
        }
    }

    private Batches.Status batch(Context ctx) {
        String id = StoreRoutes.pathId(ctx, "batchId");
        try {
            BatchStore.Header h = reporting().batches().header(id)
                    .orElseThrow(() -> new StoreRoutes.NotFoundException("batchId", "no batch " + id));
            Access.ownRecordOnly(ctx, h.sellerId());
            return reporting().batches().status(id).orElseThrow();
        } catch (SQLException e) {
            throw new StoreUnavailableException("the batch cannot be read: " + e.getMessage(), e);
        }
    }

    /** api-v1's status, with links to the results and reports. */
    private static Map<String, Object> status(Context ctx, Batches.Status s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", s.id());
        out.put("status", s.status());
        out.put("done", s.done());
        out.put("total", s.total());
        out.put("refused", s.refused());
        out.put("rate", s.rate());
        out.put("eta", s.etaSeconds());
        out.put("createdAt", s.createdAt().toString());
        out.put("finishedAt", s.finishedAt() == null ? null : s.finishedAt().toString());
        if (s.failure() != null) {
            out.put("failure", s.failure());
        }
        String base = "/v1/batches/" + s.id();
        out.put("links", Map.of("self", base, "results", base + "/results", "summary", base + "/summary", "report", base + "/report"));
        return out;
    }

    private void summary(Context ctx) {
        Batches.Status s = batch(ctx);
        try {
            ctx.json(reporting().batches().catalogue(s.id()).orElseThrow(() -> new StoreRoutes.NotFoundException("batchId",
                    "batch " + s.id() + " has no summary yet")));
        } catch (SQLException e) {
            throw new StoreUnavailableException("the batch cannot be read: " + e.getMessage(), e);
        }
    }

    /** One JSON object per line, in line order: the verdict of each checked row, or the problem of a refused one. */
    private void results(Context ctx) {
        Batches.Status s = batch(ctx);
        ctx.contentType("application/x-ndjson; charset=utf-8");
        try {
            OutputStream out = ctx.outputStream();
            reporting().batches().results(s.id(), item -> {
                ObjectNode line = json.createObjectNode();
                line.put("line", item.line());
                try {
                    if (item.verdict() != null) {
                        line.put("decision", item.decision());
                        line.set("verdict", json.readTree(item.verdict()));
                    } else {
                        line.put("problem", item.problem());
                    }
                    out.write(json.writeValueAsBytes(line));
                    out.write('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (SQLException e) {
            throw new StoreUnavailableException("the batch cannot be read: " + e.getMessage(), e);
        }
    }
}
