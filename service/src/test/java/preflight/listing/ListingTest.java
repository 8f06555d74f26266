package preflight.listing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What rules can rely on when they ask the listing a question. */
class ListingTest {

    static Listing listing(String title, String category, Map<String, Object> attributes, String... certs) {
        return new ProductFacts(new Product(title, null, category, null, List.of(), attributes, List.of(certs), null, null),
                new Seller("S", "CN", null)).forMarket("US");
    }

    @Test
    void mentionsMatchesWholeWordsAnyCaseAndPlurals() {
        Listing l = listing("Magnetic Building TOYS for kids", "other", Map.of());
        assertThat(l.mentionsAny("toy")).isTrue();
        assertThat(l.mentionsAny("magnet")).isFalse();
        assertThat(l.mentionsAny("building toy")).isTrue();
        assertThat(listing("Toyota seat cover", "auto-parts", Map.of()).mentionsAny("toy")).isFalse();
    }

    @Test
    void chineseAndFullWidthTextMatch() {
        assertThat(listing("蓝牙耳机 无线", "other", Map.of()).isWireless()).isTrue();
        assertThat(listing("ＢＬＵＥＴＯＯＴＨ speaker", "other", Map.of()).isWireless()).isTrue();
        assertThat(listing("充电宝 20000毫安", "other", Map.of()).isPowerBank()).isTrue();
    }

    @Test
    void powerBankMeansLithiumBatteryAndMahBecomesWattHours() {
        Listing l = listing("Power bank 27000mAh fast charge", "other", Map.of());
        assertThat(l.isLithiumBattery()).isTrue();
        assertThat(l.getBatteryWh()).isCloseTo(99.9, org.assertj.core.data.Offset.offset(0.01));
        assertThat(l.evidenceOfProperty("batteryWh").orElseThrow().text()).contains("27000mah");
    }

    @Test
    void statedAttributesWinAndUnknownNumbersNeverMatch() {
        Listing l = listing("Battery pack", "batteries", Map.of("batteryWh", 160, "battery", "Li-ion"));
        assertThat(l.getBatteryWh()).isEqualTo(160.0);
        assertThat(l.isLithiumBattery()).isTrue();
        Listing none = listing("Cotton shirt", "apparel", Map.of());
        assertThat(none.getBatteryWh()).isNull();
        assertThat(none.number("voltage")).isNull();
        assertThat(none.hasNumber("voltage")).isFalse();
    }

    @Test
    void wiredIsNotWireless() {
        assertThat(listing("USB headphones", "electronics", Map.of("wireless", "none")).isWireless()).isFalse();
        assertThat(listing("USB headphones", "electronics", Map.of("wireless", false)).isWireless()).isFalse();
        assertThat(listing("Speaker", "electronics", Map.of("wireless", "bluetooth")).isWireless()).isTrue();
    }

    @Test
    void certificationsCompareInCanonicalSpelling() {
        Listing l = listing("Earbuds", "wireless-audio", Map.of(), "fcc id", "Giteki", "技適");
        assertThat(l.hasCertification("FCC")).isTrue();
        assertThat(l.hasCertification("GITEKI")).isTrue();
        assertThat(l.hasAnyCertification("UKCA", "CE")).isFalse();
    }

    @Test
    void youngAgeRangesMakeAChildrensProduct() {
        assertThat(listing("Stacking rings", "other", Map.of("ageRange", "6-36 months")).isChildrensProduct()).isTrue();
        assertThat(listing("Puzzle", "other", Map.of("ageRange", "14+")).isChildrensProduct()).isFalse();
    }

    @Test
    void ukAndGbAreOneMarket() {
        Listing l = new ProductFacts(new Product("x", null, "other", null, List.of(), Map.of(), List.of(), null, null),
                new Seller("S", null, null)).forMarket("GB");
        assertThat(l.marketIn("UK")).isTrue();
        assertThat(l.isEuMember()).isFalse();
    }

    @Test
    void ageGradingIsReadFromTheTextInEnglishAndChinese() {
        assertThat(listing("Wooden puzzle for ages 3+", "toys", Map.of()).getMinimumAge()).isEqualTo(3.0);
        assertThat(listing("Stacking cups, 6-36 months", "baby-products", Map.of()).getMinimumAge()).isEqualTo(0.5);
        assertThat(listing("Building blocks 8 years and up", "toys", Map.of()).getMinimumAge()).isEqualTo(8.0);
        assertThat(listing("积木玩具 3岁以上", "toys", Map.of()).getMinimumAge()).isEqualTo(3.0);
        Listing stated = listing("Puzzle for ages 3+", "toys", Map.of("ageMin", 5));
        assertThat(stated.getMinimumAge()).isEqualTo(5.0);
        assertThat(stated.evidenceOfProperty("minimumAge").orElseThrow().field()).isEqualTo("product.attributes.ageMin");
    }

    @Test
    void numbersThatAreNotAgesAreNotReadAsAges() {
        assertThat(listing("USB hub 3+ ports, 2 year warranty, pack of 3", "electronics", Map.of()).isMinimumAgeKnown()).isFalse();
        assertThat(listing("Laptop stand, 12 months warranty", "computers", Map.of()).isMinimumAgeKnown()).isFalse();
        assertThat(listing("Power bank, 5 years battery life", "power-banks", Map.of()).isMinimumAgeKnown()).isFalse();
        assertThat(listing("Night light for babies 0-36 months", "baby-products", Map.of()).isMinimumAgeKnown()).isTrue();
    }

    @Test
    void commonGermanFrenchSpanishAndJapaneseWordsInferTraits() {
        assertThat(listing("Kabellose Kopfhörer", "other", Map.of()).isWireless()).isFalse(); // inflected: not guessed
        assertThat(listing("Kopfhörer kabellos mit Mikrofon", "other", Map.of()).isWireless()).isTrue();
        assertThat(listing("Écouteurs sans fil", "other", Map.of()).isWireless()).isTrue();
        assertThat(listing("Auriculares inalámbricos", "other", Map.of()).isWireless()).isTrue();
        assertThat(listing("ワイヤレスイヤホン", "other", Map.of()).isWireless()).isTrue();
        assertThat(listing("Batterie externe 10000mAh", "other", Map.of()).isPowerBank()).isTrue();
        assertThat(listing("Holz Spielzeug Eisenbahn", "other", Map.of()).isToy()).isTrue();
        assertThat(listing("Cigarrillo electrónico desechable", "other", Map.of()).isVape()).isTrue();
        assertThat(listing("Mini Drohne mit Kamera", "other", Map.of()).isDrone()).isTrue();
        assertThat(listing("Sans frais de port", "other", Map.of()).isWireless()).isFalse();
    }
}
