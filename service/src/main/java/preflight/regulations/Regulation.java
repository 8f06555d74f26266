package preflight.regulations;

import java.time.LocalDate;

/**
 * One law, standard or official programme that rules cite, as kept in {@code country-regulations/}.
 *
 * @param confirmation how well the facts were checked against the official source: {@code confirmed},
 *                     {@code partly} or {@code unconfirmed} (then {@code note} says what is open)
 */
public record Regulation(
        String id,
        String market,
        String title,
        String authority,
        String url,
        LocalDate inForceFrom,
        LocalDate inForceTo,
        String requires,
        String confirmation,
        String note) {
}
