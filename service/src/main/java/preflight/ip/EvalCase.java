package preflight.ip;

import preflight.listing.Product;

/**
 * One labelled listing of the IP evaluation set ({@code test-cases/ip/*.jsonl}).
 *
 * @param kind how it infringes (mark, lookalike, homoglyph, spaced, counterfeit-wording, character) or why
 *             it is legitimate (nominative, generic, own-brand, licensed, plain)
 */
public record EvalCase(String id, boolean infringing, String lang, String kind, String note, Product product) {
}
