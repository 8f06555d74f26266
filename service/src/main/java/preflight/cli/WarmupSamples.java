package preflight.cli;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import preflight.Preflight;
import preflight.cases.GoldenCase;
import preflight.cases.GoldenCases;
import preflight.check.CheckRequest;
import preflight.http.InvalidRequestException;
import preflight.listing.Product;
import preflight.listing.Seller;
import preflight.rules.RulePack;

/** Listings to warm packs up with: every golden case, plus one broad listing per loaded market. */
final class WarmupSamples {

    private WarmupSamples() {
    }

    static List<CheckRequest> collect(Preflight app) {
        List<CheckRequest> out = new ArrayList<>();
        for (GoldenCase c : GoldenCases.load(app.settings().testCasesDir(), null, new ArrayList<>())) {
            try {
                out.add(app.parser().parse(c.request()));
            } catch (InvalidRequestException e) {
                // a broken case is reported by `rules test`; it just cannot warm anything up
            }
        }
        Product broad = new Product("Bluetooth kids toy with lithium battery and laser pointer 5mW", "Wi-Fi smart plug 220V",
                "toys", null, List.of("power bank 20000mAh"), Map.of("battery", "lithium-ion"), List.of(), "9503", "CN");
        for (RulePack p : app.packs().get().all()) {
            String target = p.market().equals("global") ? "US" : p.market();
            out.add(new CheckRequest(null, new Seller("warmup", "CN", null), broad, List.of(target),
                    new CheckRequest.Options(true, "en", LocalDate.now())));
        }
        return out;
    }
}
