package preflight.check;

import java.time.Instant;

/** A check as it goes to the check log: what was asked, what was answered, when. */
public record CheckedListing(CheckRequest request, Verdict verdict, Instant at) {
}
