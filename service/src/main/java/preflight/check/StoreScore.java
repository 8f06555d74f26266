package preflight.check;

/** The store-score forecast block; not available until penalty profiles and the ledger exist. */
public record StoreScore(boolean available, String reason) {

    static StoreScore unavailable() {
        return new StoreScore(false, "the store-score forecast is not built yet: no penalty profiles or ledger are loaded");
    }
}
