package preflight.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.sql.SQLException;
import java.util.Set;
import java.util.function.Supplier;
import preflight.check.Verdict;
import preflight.db.BatchStore;
import preflight.db.CheckRecord;
import preflight.report.CatalogueReport;
import preflight.report.CheckReport;
import preflight.report.ReportText;
import preflight.store.StoreService;
import preflight.store.StoreUnavailableException;

/**
 * The seller's reports as HTML pages: one check ({@code /v1/checks/{checkId}/report}) and a whole catalogue
 * ({@code /v1/batches/{batchId}/report}), in English or Chinese ({@code ?locale=en|zh}).
 */
final class ReportRoutes {

    private final Supplier<StoreService> stores;
    private final Supplier<Reporting> reporting;
    private final ObjectMapper json;
    private final CatalogueReport catalogueReport = new CatalogueReport();

    ReportRoutes(Supplier<StoreService> stores, Supplier<Reporting> reporting, ObjectMapper json) {
        this.stores = stores;
        this.reporting = reporting;
        this.json = json;
    }

    void register(RoutesConfig routes, Access access) {
        Set<Role> flowOrSeller = Set.of(Role.LISTING_FLOW, Role.SELLER);
        routes.get("/v1/checks/{checkId}/report", access.allow(flowOrSeller, this::checkReport));
        routes.get("/v1/batches/{batchId}/report", access.allow(flowOrSeller, this::catalogueReport));
    }

    private void checkReport(Context ctx) {
        String checkId = StoreRoutes.pathId(ctx, "checkId");
        StoreService store = stores.get();
        Reporting r = reporting.get();
        if (store == null || r == null) {
            throw new StoreRoutes.StorageClosedException();
        }
        String asked = ctx.queryParam("locale");
        checkLocale(asked);
        CheckRecord record = store.check(checkId).orElseThrow(() -> new StoreRoutes.NotFoundException("checkId",
                "no check " + checkId + " in the check log (a check made a moment ago may still be on its way)"));
        Access.ownStoreOnly(ctx, record.sellerId());
        Verdict verdict;
        JsonNode request;
        try {
            verdict = json.readValue(record.verdict(), Verdict.class);
            request = json.readTree(record.request());
        } catch (IOException e) {
            throw new IllegalStateException("a check record that is not readable: " + checkId, e);
        }
        String locale = asked != null ? ReportText.closest(asked) : ReportText.closest(request.path("options").path("locale").asText(null));
        ReportText text = ReportText.of(locale);
        String platform = record.platform();
        String html = new CheckReport(r.translations()).render(verdict, request, text,
                ledger -> store.profile(platform).map(p -> p.ledger(ledger)).map(l -> l != null && l.down()).orElse(false),
                "report?locale=" + other(locale));
        ctx.contentType("text/html; charset=utf-8").result(html);
    }

    private void catalogueReport(Context ctx) {
        String batchId = StoreRoutes.pathId(ctx, "batchId");
        Reporting r = reporting.get();
        if (r == null) {
            throw new StoreRoutes.StorageClosedException();
        }
        String asked = ctx.queryParam("locale");
        checkLocale(asked);
        String locale = ReportText.closest(asked);
        try {
            BatchStore.Header h = r.batches().header(batchId).orElseThrow(() -> new StoreRoutes.NotFoundException("batchId",
                    "no batch " + batchId));
            Access.ownRecordOnly(ctx, h.sellerId());
            String state = r.batches().status(batchId).map(preflight.batch.Batches.Status::status).orElse(h.status());
            var catalogue = r.batches().catalogue(batchId).orElseThrow(() -> new StoreRoutes.NotFoundException("batchId",
                    "batch " + batchId + " has no summary yet"));
            ctx.contentType("text/html; charset=utf-8").result(catalogueReport.render(batchId, state, catalogue, ReportText.of(locale),
                    "report?locale=" + other(locale)));
        } catch (SQLException e) {
            throw new StoreUnavailableException("the batch cannot be read: " + e.getMessage(), e);
        }
    }

    /** A locale asked for must be one reports are written in ("zh-CN" is "zh"). */
    private static void checkLocale(String asked) {
        if (asked != null && (!asked.matches("[A-Za-z]{2}([-_][A-Za-z0-9]{2,8})?")
                || !ReportText.LOCALES.contains(asked.substring(0, 2).toLowerCase(java.util.Locale.ROOT)))) {
            throw new InvalidRequestException("locale", "one of " + String.join(", ", ReportText.LOCALES));
        }
    }

    private static String other(String locale) {
        return locale.equals("zh") ? "en" : "zh";
    }
}
