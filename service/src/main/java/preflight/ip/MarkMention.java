package preflight.ip;

/**
 * One place a mark appears.
 *
 * @param field the request field ("product.title")
 * @param text  the words as the seller wrote them
 * @param word  index of the first word in {@link ListingWords#words()}, or -1 for text without spaces (CJK)
 * @param at    offset in the field's text, for CJK text
 * @param ordinary the words found are also everyday words ("apple"), so they alone prove little
 */
record MarkMention(Mark mark, MatchKind how, String field, String text, int word, int at, boolean ordinary) {

    boolean inTitleOrKeywords() {
        return !field.equals("product.description");
    }
}
