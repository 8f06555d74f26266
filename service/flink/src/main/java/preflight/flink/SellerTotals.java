package preflight.flink;

/** A seller's running totals in the job's keyed state: listings by decision, and those an upcoming rule will break. */
public final class SellerTotals {

    public long pass;
    public long warn;
    public long block;
    public long upcomingBreakages;

    public SellerTotals() {
    }

    void count(String decision, boolean upcoming) {
        switch (decision) {
            case "BLOCK" -> block++;
            case "WARN" -> warn++;
            default -> pass++;
        }
        if (upcoming) {
            upcomingBreakages++;
        }
    }
}
