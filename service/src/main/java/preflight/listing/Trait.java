package preflight.listing;

import java.util.List;
import java.util.Set;

/**
 * Facts about a product that rules ask for by name ({@code Listing( wireless )}) and that the seller
 * often leaves out. Each is true when the category implies it, a well-known attribute says so, or the
 * text uses a word that means it without doubt (English and Chinese; common German, French, Spanish and
 * Japanese words too).
 */
public enum Trait {
    WIRELESS("wireless", Set.of("wireless-audio", "drones"),
            List.of("bluetooth", "wi-fi", "wifi", "wlan", "zigbee", "nfc", "lora", "lorawan", "z-wave", "2.4ghz",
                    "5.8ghz", "4g lte", "5g cellular", "gsm", "rf remote", "wireless earbud", "wireless headphone",
                    "wireless mouse", "wireless keyboard", "wireless speaker", "walkie talkie", "walkie-talkie",
                    "蓝牙", "无线", "wifi连接", "对讲机",
                    // de, fr, es, ja
                    "kabellos", "drahtlos", "sans fil", "inalámbrico", "inalámbricos", "ワイヤレス", "無線", "ブルートゥース")),
    CONNECTED("connected", Set.of(),
            List.of("wi-fi", "wifi", "smart home", "app control", "app-controlled", "app controlled", "iot",
                    "alexa", "google home", "tuya", "smart plug", "smart camera", "ip camera", "smart watch",
                    "smartwatch", "智能家居", "app控制", "手机app", "联网")),
    LITHIUM_BATTERY("lithiumBattery", Set.of("power-banks"),
            List.of("lithium", "li-ion", "li ion", "li-po", "lipo", "lifepo4", "power bank", "powerbank",
                    "rechargeable battery", "锂电池", "锂电", "聚合物电池", "充电宝", "移动电源",
                    "lithium-ionen", "batterie lithium", "batería de litio", "リチウムイオン", "リチウム電池", "モバイルバッテリー")),
    POWER_BANK("powerBank", Set.of("power-banks"),
            List.of("power bank", "powerbank", "portable charger", "battery pack", "充电宝", "移动电源",
                    "batterie externe", "batería externa", "モバイルバッテリー")),
    BUTTON_BATTERY("buttonBattery", Set.of(),
            List.of("button cell", "button battery", "coin cell", "coin battery", "cr2032", "cr2025", "cr2016",
                    "cr1220", "lr44", "lr41", "ag13", "sr626", "纽扣电池", "纽扣电")),
    MAINS_POWERED("mainsPowered", Set.of("household-appliances"),
            List.of("220v", "230v", "240v", "110v", "120v", "100-240v", "ac 220v", "mains powered", "mains-powered",
                    "ac adapter", "power adapter", "wall plug", "plug-in", "eu plug", "uk plug", "us plug", "au plug",
                    "power cord", "插头", "插电", "电源适配器", "交流电")),
    CHILDRENS_PRODUCT("childrensProduct", Set.of("toys", "baby-products"),
            List.of("toy", "for kids", "kids'", "children's", "for children", "for toddlers", "toddler", "baby",
                    "infant", "newborn", "玩具", "儿童", "婴儿", "宝宝", "幼儿",
                    "spielzeug", "für kinder", "jouet", "pour enfants", "juguete", "para niños", "おもちゃ", "子供用", "ベビー")),
    TOY("toy", Set.of("toys"), List.of("toy", "plaything", "玩具", "spielzeug", "jouet", "juguete", "おもちゃ")),
    COSMETIC("cosmetic", Set.of("cosmetics"),
            List.of("lipstick", "lip gloss", "mascara", "eyeliner", "eyeshadow", "eye shadow", "nail polish",
                    "face cream", "skincare", "skin care", "moisturiser", "moisturizer", "serum", "sunscreen",
                    "foundation makeup", "makeup", "make-up", "perfume", "shampoo", "hair dye",
                    "化妆品", "口红", "面霜", "精华液", "防晒霜", "香水", "洗发水", "染发",
                    "lippenstift", "rouge à lèvres", "pintalabios", "化粧品", "口紅")),
    FOOD_CONTACT("foodContact", Set.of("food-contact"),
            List.of("food grade", "food-grade", "food safe", "food-safe", "lunch box", "bento box", "baby bottle",
                    "feeding bottle", "water bottle", "drinking cup", "tumbler", "tableware", "dinnerware",
                    "cookware", "cutting board", "chopping board", "food container", "food storage", "kitchen utensil",
                    "食品级", "餐具", "饭盒", "水杯", "奶瓶", "保鲜盒", "砧板",
                    "lebensmittelecht", "contact alimentaire", "apto para alimentos", "食品用")),
    LASER("laser", Set.of("laser-products"),
            List.of("laser pointer", "laser pen", "laser sight", "green laser", "red laser", "blue laser",
                    "激光笔", "激光指示器", "镭射笔",
                    "laserpointer", "pointeur laser", "puntero láser", "レーザーポインター")),
    VAPE("vape", Set.of("vaping-tobacco"),
            List.of("vape", "vaping", "e-cigarette", "e cigarette", "electronic cigarette", "e-cig", "e-liquid",
                    "e-juice", "vape pen", "pod system", "disposable vape", "nicotine pouch", "电子烟", "烟弹", "烟油",
                    "e-zigarette", "cigarette électronique", "cigarrillo electrónico", "電子タバコ")),
    DRONE("drone", Set.of("drones"),
            List.of("drone", "quadcopter", "multicopter", "uav", "fpv drone", "无人机", "航拍飞行器", "四轴飞行器",
                    "drohne", "dron", "ドローン"));

    private static final java.util.Map<String, Trait> BY_PROPERTY = java.util.Arrays.stream(values())
            .collect(java.util.stream.Collectors.toUnmodifiableMap(t -> t.property, t -> t));

    /** The trait a rule names by its property ("wireless"), if it is one. */
    static Trait byProperty(String property) {
        return BY_PROPERTY.get(property);
    }

    /** The name rules use: {@code Listing( lithiumBattery )}. */
    public final String property;
    final Set<String> categories;
    final List<String> phrases;

    Trait(String property, Set<String> categories, List<String> phrases) {
        this.property = property;
        this.categories = categories;
        this.phrases = phrases;
    }
}
