package preflight.listing;

/** Where in the listing a finding comes from: the request field and the text found there. */
public record Evidence(String field, String text) {
}
