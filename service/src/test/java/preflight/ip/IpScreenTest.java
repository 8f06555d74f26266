package preflight.ip;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import preflight.listing.Product;
import preflight.regulations.RegulationCatalog;
import preflight.rules.Finding;
import preflight.rules.Severity;

/**
 * The IP screen's lexicon stage over the project's own marks lexicon and phrase lists: what it must catch,
 * what it must let through and say why. The classifier is left out (lexicon mode), so doubt shows as
 * IP-MARK-DOUBTFUL and every answer here is the lexicon's own.
 */
class IpScreenTest {

    static IpScreen screen;

    @BeforeAll
    static void load() {
        RegulationCatalog catalog = RegulationCatalog.load(Path.of("country-regulations"));
        screen = new IpScreen(new IpDataLoader().load(Path.of("country-regulations", "ip")), catalog, null);
    }

    static Product product(String title, String category, String brand) {
        return new Product(title, null, category, brand, List.of(), null, null, null, null);
    }

    static IpResult screen(String title, String category, String brand) {
        return screen.screen(product(title, category, brand));
    }

    static List<String> ruleIds(IpResult r) {
        return r.findings().stream().map(Finding::ruleId).toList();
    }

    @Test
    void aFamousMarkOnUnbrandedGoodsInItsAreaIsUnauthorised() {
        IpResult r = screen("Nike Air Max 270 running shoes men breathable", "footwear", "");

        assertThat(ruleIds(r)).containsExactly("IP-MARK-UNAUTHORISED");
        Finding f = r.findings().get(0);
        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(f.country()).isEqualTo("*");
        assertThat(f.regulation().id()).isEqualTo("GLOBAL-TRIPS-TRADEMARKS");
        assertThat(f.evidence()).extracting(e -> e.field() + ":" + e.text()).contains("product.title:Nike");
        assertThat(f.fix()).contains("own brand");
        assertThat(r.verdict().brands()).containsExactly("Nike");
        assertThat(r.verdict().classifier()).isEqualTo("lexicon");
    }

    @Test
    void disguisedMarksAreCaughtEveryWay() {
        assertThat(ruleIds(screen("Adidaz running shoes men", "footwear", ""))).contains("IP-MARK-LOOKALIKE");
        assertThat(ruleIds(screen("Rolexx submarine style automatic watch", "jewelry-watches", ""))).contains("IP-MARK-LOOKALIKE");
        assertThat(ruleIds(screen("N1ke sports socks 6 pairs", "apparel", ""))).contains("IP-MARK-LOOKALIKE");
        assertThat(ruleIds(screen("G.U.C.C.I leather belt men", "apparel", ""))).contains("IP-MARK-LOOKALIKE");
        // a Cyrillic і (U+0456) in place of the Latin i
        IpResult homoglyph = screen("Gucc\u0456 canvas tote bag", "bags-luggage", "");
        assertThat(ruleIds(homoglyph)).contains("IP-MARK-LOOKALIKE");
        assertThat(homoglyph.findings().get(0).evidence().get(0).text()).isEqualTo("Gucc\u0456");
    }

    @Test
    void counterfeitWordingIsCriticalInEnglishAndChinese() {
        assertThat(ruleIds(screen("AAA quality replica designer handbag 1:1 mirror", "bags-luggage", "")))
                .contains("IP-COUNTERFEIT-WORDING");
        assertThat(ruleIds(screen("高仿名牌手表 原单 机械表", "jewelry-watches", ""))).contains("IP-COUNTERFEIT-WORDING");
    }

    @Test
    void aDupeOfAFamousProductUsesTheMarkToSellACopy() {
        assertThat(ruleIds(screen("Dyson airwrap dupe hair styler 5 in 1", "personal-care", ""))).contains("IP-MARK-REFERENCE");
        assertThat(ruleIds(screen("戴森同款吹风机 负离子 大功率", "personal-care", ""))).contains("IP-MARK-REFERENCE");
    }

    @Test
    void charactersOnMerchandiseNeedALicence() {
        IpResult r = screen("Pikachu plush toy 30cm soft stuffed doll", "toys", "");
        assertThat(ruleIds(r)).containsExactly("IP-CHARACTER-UNLICENSED");
        assertThat(r.findings().get(0).regulation().id()).isEqualTo("GLOBAL-BERNE-COPYRIGHT");
    }

    @Test
    void nominativeUseByTheSellersOwnBrandPassesAndSaysWhy() {
        IpResult r = screen("Shockproof clear case compatible with iPhone 15 Pro", "phone-accessories", "Spigen");
        assertThat(r.findings()).isEmpty();
        assertThat(r.verdict().notes()).extracting(IpNote::use).contains("nominative");

        assertThat(screen("Replacement filter for Dyson V11 vacuum, 2 pack", "household-appliances", "Koala").findings()).isEmpty();
        assertThat(screen("适用于苹果15手机壳 透明防摔", "phone-accessories", "绿联").findings()).isEmpty();
    }

    @Test
    void ordinaryWordsThatAreAlsoMarksPass() {
        IpResult apples = screen("Fresh red apple fruit 5kg box", "food", "Orchard Farm");
        assertThat(apples.findings()).isEmpty();
        assertThat(apples.verdict().notes()).extracting(IpNote::use).contains("generic");
        assertThat(screen("Men's polo shirt cotton short sleeve", "apparel", "Basics Co").findings()).isEmpty();
        assertThat(screen("Jeep-style off road kids ride-on car", "toys", "Kidsway").findings())
                .allMatch(f -> f.severity().compareTo(Severity.LOW) <= 0);
    }

    @Test
    void theOwnersOwnBrandIsNotAnInfringementButNeedsProofOfGenuineGoods() {
        IpResult r = screen("Nike Air Zoom Pegasus 41 men's road running shoes", "footwear", "Nike");
        assertThat(r.findings()).extracting(Finding::ruleId).containsExactly("IP-BRAND-AUTHORISATION");
        assertThat(r.findings().get(0).severity()).isEqualTo(Severity.LOW);
        assertThat(r.verdict().notes()).extracting(IpNote::use).contains("own");
    }

    @Test
    void aBrandThatOnlyResemblesAMarkIsItsOwn() {
        assertThat(screen("Nikon camera neck strap padded", "electronics", "Nikon").findings())
                .noneMatch(f -> f.severity().compareTo(Severity.MEDIUM) >= 0);
    }

    @Test
    void aListingWithoutMarksOrCopyWordingIsClean() {
        IpResult r = screen("Wireless earbuds bluetooth 5.3 noise cancelling", "wireless-audio", "Soundpeak");
        assertThat(r.findings()).isEmpty();
        assertThat(r.verdict().risk()).isZero();
        assertThat(r.verdict().notes()).isEmpty();
    }

    @Test
    void everydayWordsAreNeverReadAsMisspeltMarks() {
        // "channel" is one letter from Chanel, "role" from Rolex: English words are not lookalikes
        assertThat(screen("4 channel audio amplifier board", "electronics", "Ampco").findings()).isEmpty();
        assertThat(screen("Rolled canvas art print, roller blind", "textiles-home", "HomeArt").findings()).isEmpty();
    }

    @Test
    void aMisspeltEverydayWordMarkIsCaughtWhereTheMarkIsFamous() {
        assertThat(ruleIds(screen("Supereme box logo hoodie red", "apparel", ""))).contains("IP-MARK-LOOKALIKE");
        assertThat(ruleIds(screen("Calvin Klien mens boxer briefs 5 pack", "apparel", ""))).contains("IP-MARK-LOOKALIKE");
        assertThat(ruleIds(screen("JBI Flip 6 portable speaker waterproof", "wireless-audio", ""))).contains("IP-MARK-LOOKALIKE");
    }

    @Test
    void aLicensorOrTheOwnersOtherMarkAsTheBrandIsTheOwnersOwnUse() {
        IpResult airpods = screen("AirPods Pro 2nd generation with USB-C case", "wireless-audio", "Apple");
        assertThat(airpods.findings()).noneMatch(f -> f.severity().compareTo(Severity.MEDIUM) >= 0);

        IpResult labubu = screen("泡泡玛特 LABUBU 心动马卡龙 搪胶毛绒 盲盒", "toys", "泡泡玛特");
        assertThat(labubu.findings()).noneMatch(f -> f.severity().compareTo(Severity.MEDIUM) >= 0);
    }

    @Test
    void anOrdinaryPhraseClearsOnlyTheWordsItContains() {
        // "polo shirt" is ordinary, but it does not clear "Ralph Lauren" next to it
        assertThat(ruleIds(screen("Big Pony polo shirt Ralph Lauren custom fit", "apparel", "")))
                .contains("IP-MARK-UNAUTHORISED");
    }
}
