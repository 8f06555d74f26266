package preflight.ip;

import preflight.rules.Severity;

/**
 * The kinds of IP finding the screen reports, with the regulation each cites and the words a seller
 * reads. {mark}, {owner}, {text} and {phrase} are filled in per finding.
 */
enum IpFinding {

    COUNTERFEIT_WORDING("IP-COUNTERFEIT-WORDING", Severity.CRITICAL, "GLOBAL-WTO-TRIPS",
            "The listing uses counterfeit-trade wording ({phrase}), which presents the goods as copies of another company's branded product. Counterfeit trademark goods are seized at the border and prosecuted in every WTO member (TRIPS Articles 51 and 61), and marketplaces remove such listings and penalise the store.",
            "Do not publish as written. Sell only goods under your own brand or genuine goods you are authorised to sell, remove the counterfeit wording, and keep proof of authorisation or purchase invoices for branded goods."),
    DISGUISED_MARK("IP-MARK-LOOKALIKE", Severity.CRITICAL, "GLOBAL-WTO-TRIPS",
            "'{text}' imitates the famous mark {mark} (owned by {owner}) with an altered spelling. Marketplaces and customs treat a disguised mark as counterfeiting, and it does not avoid a trademark complaint.",
            "Remove '{text}' from the listing and the product. Sell under your own brand; if your goods really are genuine {mark}, write the name correctly and keep the owner's authorisation or purchase invoices."),
    UNAUTHORISED_MARK("IP-MARK-UNAUTHORISED", Severity.CRITICAL, "GLOBAL-TRIPS-TRADEMARKS",
            "The famous mark {mark} (owned by {owner}) is used in the listing while the declared brand is {brand}. Selling goods under another company's mark without its consent infringes the mark (TRIPS Article 16) and marketplaces treat it as counterfeiting.",
            "Remove {mark} from the title, keywords and description and sell under your own brand. If you are authorised to sell genuine {mark} goods, declare {mark} as the brand and keep the authorisation letter or purchase invoices ready."),
    UNLICENSED_CHARACTER("IP-CHARACTER-UNLICENSED", Severity.HIGH, "GLOBAL-BERNE-COPYRIGHT",
            "{mark} is a protected character or franchise of {owner}. Merchandise that uses it without a licence infringes copyright (Berne Convention) and usually a registered mark; marketplaces take it down and deduct points.",
            "Remove {mark} from the listing and from the product's design, or obtain a licence from {owner} and declare the licensed brand with the licence ready to show."),
    MARK_REFERENCE("IP-MARK-REFERENCE", Severity.HIGH, "GLOBAL-TRIPS-TRADEMARKS",
            "The listing sells its product by reference to the famous mark {mark} (owned by {owner}) with wording such as {phrase}. Using another company's mark to advertise a look-alike product is an infringing use of the mark, and marketplaces penalise it like counterfeiting.",
            "Describe the product by its own brand and features; remove {mark} and wording such as 'dupe', 'same as', 'inspired by', 'style' or '同款'."),
    COPY_WORDING("IP-COPY-WORDING", Severity.MEDIUM, "GLOBAL-TRIPS-TRADEMARKS",
            "The listing presents the product as a copy of a branded product ({phrase}). Even without naming the brand, marketplaces treat 'dupe' and 'inspired by' listings of branded-looking goods as IP risks.",
            "Describe the product by its own brand and features; remove wording such as {phrase}."),
    DOUBTFUL_MARK("IP-MARK-DOUBTFUL", Severity.MEDIUM, "GLOBAL-TRIPS-TRADEMARKS",
            "The famous mark {mark} (owned by {owner}) appears in the listing ('{text}') and the use does not look like your own brand, a licence, or a plain statement of what the product fits.",
            "If the product is an accessory or part, write 'compatible with {mark}' or 'for {mark}' after your own brand. Otherwise remove {mark}, or keep the owner's authorisation ready."),
    STYLE_REFERENCE("IP-MARK-STYLE", Severity.LOW, "GLOBAL-TRIPS-TRADEMARKS",
            "'{text}' uses the mark {mark} (owned by {owner}) to describe a style. It is usually read as a description, but the owner may still object.",
            "Prefer a descriptive word for the style (for example 'off-road style' instead of 'jeep-style')."),
    BRAND_AUTHORISATION("IP-BRAND-AUTHORISATION", Severity.LOW, "GLOBAL-TRIPS-TRADEMARKS",
            "The declared brand is the famous mark {mark} (owned by {owner}). Marketplaces ask resellers of famous brands for proof that the goods are genuine.",
            "Keep the brand owner's authorisation letter or the purchase invoices from an authorised distributor ready to upload.");

    final String ruleId;
    final Severity severity;
    final String regulationId;
    final String message;
    final String fix;

    IpFinding(String ruleId, Severity severity, String regulationId, String message, String fix) {
        this.ruleId = ruleId;
        this.severity = severity;
        this.regulationId = regulationId;
        this.message = message;
        this.fix = fix;
    }
}
