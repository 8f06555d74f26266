package preflight.ip;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the words around a mention say about it: an ordinary phrase ("polo shirt"), a style ("jeep-style"),
 * or a nominative statement of what an accessory fits ("case compatible with iPhone 15", "适用于戴森").
 */
final class MentionContext {

    /** Where an accessory, part or consumable names the product it fits. */
    private static final Set<String> ACCESSORY_CATEGORIES = Set.of("phone-accessories", "computers", "electronics",
            "wireless-audio", "power-banks", "batteries", "auto-parts", "household-appliances", "jewelry-watches",
            "food-contact", "stationery-office", "toys", "sporting-goods", "drones", "lighting", "machinery", "other");
    private static final Set<String> CUES = Set.of("for", "fits", "fit", "compatible", "compatibility", "replacement",
            "replaces", "replace", "suitable", "works", "designed", "fitting", "w");
    private static final List<String> CJK_CUES = List.of("适用于", "适用", "适配", "兼容", "专用", "用于", "配套", "对应", "替换");
    private static final Set<String> ACCESSORY_WORDS = Set.of("case", "cases", "cover", "covers", "charger", "chargers",
            "cable", "cables", "strap", "straps", "band", "bands", "protector", "protectors", "film", "glass", "holder",
            "mount", "adapter", "adaptor", "filter", "filters", "replacement", "refill", "refills", "capsules", "skin",
            "skins", "sleeve", "dock", "tips", "heads", "remote", "mat", "mats", "lid", "lids", "straw",
            "bumper", "parts", "accessories", "accessory", "kit", "keyboard", "pen", "nib", "nibs", "wiper", "wipers",
            "bulb", "bulbs", "charging", "battery", "batteries", "toner", "cartridge", "cartridges", "ink", "brush",
            "pads", "cushions", "earpads", "pouch", "housing", "grip", "grips", "tray", "rack", "hook", "nozzle",
            "blade", "blades", "attachment", "attachments");
    private static final List<String> CJK_ACCESSORY_WORDS = List.of("手机壳", "保护壳", "保护套", "钢化膜", "贴膜", "充电器",
            "数据线", "充电线", "表带", "滤网", "滤芯", "配件", "替换", "耳机套", "支架", "脚垫", "座套", "壳", "膜",
            "刷头", "墨盒", "硒鼓", "收纳", "键盘", "笔尖");
    private static final Set<String> STYLE_WORDS = Set.of("style", "styled", "inspired", "look", "lookalike", "type", "like");

    private MentionContext() {
    }

    /** Why the mention is ordinary language, or null when it is not. */
    static String genericUse(Mark mark, ListingWords words, MarkMention m, String category) {
        String field = words.field(m.field()).lower();
        String said = m.text().toLowerCase(Locale.ROOT);
        for (String phrase : mark.genericPhrases()) {
            String lower = phrase.toLowerCase(Locale.ROOT);
            // the ordinary phrase must be the words found: "polo shirt" clears "polo", not "Ralph Lauren"
            if (lower.contains(said) && containsPhrase(field, lower)) {
                return "'" + phrase + "' is ordinary language, not the mark " + mark.name() + ".";
            }
        }
        if (m.ordinary() && !mark.famousIn(category)) {
            return "'" + m.text() + "' is an everyday word here; " + mark.name() + " is famous for other goods.";
        }
        return null;
    }

    /** A phrase as whole words in Latin text, or anywhere in CJK text. */
    private static boolean containsPhrase(String text, String phrase) {
        int i = text.indexOf(phrase);
        while (i >= 0) {
            // whole words where the phrase is Latin: "tesla coil" in "音乐tesla coil" but not in "teslacoils3d"
            boolean startOk = i == 0 || !ListingWords.isWordChar(text.charAt(i - 1)) || ListingWords.isCjk(phrase.charAt(0));
            int end = i + phrase.length();
            boolean endOk = end >= text.length() || !ListingWords.isWordChar(text.charAt(end))
                    || ListingWords.isCjk(phrase.charAt(phrase.length() - 1)) || text.charAt(end) == 's';
            if (startOk && endOk) {
                return true;
            }
            i = text.indexOf(phrase, i + 1);
        }
        return false;
    }

    /** "jeep-style", "Chanel style", "香奈儿风": the mark names a style, not the goods' maker. */
    static boolean styleWordAfter(ListingWords words, MarkMention m) {
        if (m.word() >= 0) {
            int last = m.word();
            List<ListingWords.Word> w = words.words();
            while (last + 1 < w.size() && w.get(last + 1).field() == w.get(m.word()).field()
                    && w.get(last + 1).start() < m.at() + m.text().length()) {
                last++;
            }
            return last + 1 < w.size() && w.get(last + 1).field() == w.get(m.word()).field()
                    && STYLE_WORDS.contains(w.get(last + 1).folded());
        }
        String text = words.field(m.field()).text();
        int end = m.at() + m.text().length();
        return end < text.length() && (text.charAt(end) == '风' || text.startsWith("同款", end) || text.charAt(end) == '款');
    }

    /**
     * Why the mention says only what the product fits, or null. Either a "for", "compatible with" or "适用于"
     * before a device mark (or before any brand on an accessory: "strap for Rolex"), or a device mark
     * followed by the accessory it is for ("iPhone 15 case", "戴森吸尘器滤网").
     */
    static String nominativeUse(Mark mark, ListingWords words, MarkMention m, String category, String title,
                                        boolean copyWording) {
        if (mark.kind() != MarkKind.BRAND) {
            return null;
        }
        String cue = cueBefore(words, m);
        String accessory = ACCESSORY_CATEGORIES.contains(category) ? accessoryAfter(words, m, title) : null;
        if (cue != null && (mark.deviceMark() || accessory != null || hasAccessoryWord(words, title))) {
            return "'" + cue + " " + m.text() + "' says what the product fits: nominative use of " + mark.name() + ".";
        }
        if (accessory != null && mark.deviceMark() && !copyWording) {
            return "An accessory ('" + accessory + "') naming the product it fits (" + mark.name()
                    + "): nominative use; put your own brand first and write 'for " + mark.name() + "'.";
        }
        return null;
    }

    /** An accessory word within four words after the mention in the title ("iPhone 15 Pro case"). */
    private static String accessoryAfter(ListingWords words, MarkMention m, String title) {
        if (!m.field().equals("product.title")) {
            return null;
        }
        if (m.word() >= 0) {
            List<ListingWords.Word> w = words.words();
            for (int k = m.word() + 1; k < w.size() && k <= m.word() + 4 && w.get(k).field() == 0; k++) {
                if (ACCESSORY_WORDS.contains(w.get(k).folded())) {
                    return w.get(k).raw();
                }
            }
        }
        String after = title.substring(Math.min(title.length(), m.at() + m.text().length()));
        after = after.substring(0, Math.min(after.length(), 12));
        for (String word : CJK_ACCESSORY_WORDS) {
            if (after.contains(word)) {
                return word;
            }
        }
        return null;
    }

    private static boolean hasAccessoryWord(ListingWords words, String title) {
        return words.words().stream().anyMatch(w -> w.field() == 0 && ACCESSORY_WORDS.contains(w.folded()))
                || CJK_ACCESSORY_WORDS.stream().anyMatch(title::contains);
    }

    /** The "for" / "compatible with" / "适用于" just before the mention, or null. */
    private static String cueBefore(ListingWords words, MarkMention m) {
        String text = words.field(m.field()).text();
        String before = text.substring(Math.max(0, m.at() - 60), m.at());
        for (String cue : CJK_CUES) {
            if (before.contains(cue)) {
                return cue;
            }
        }
        if (m.word() < 0) {
            return null;
        }
        List<ListingWords.Word> w = words.words();
        int field = w.get(m.word()).field();
        // a cue may head a list of devices: "for MacBook Air, iPad Pro, Galaxy S23, iPhone 15"
        for (int k = m.word() - 1; k >= Math.max(0, m.word() - 12); k--) {
            if (w.get(k).field() != field) {
                break;
            }
            if (CUES.contains(w.get(k).folded())) {
                return words.text(k, m.word() - 1); // "compatible with", as the seller wrote it
            }
        }
        return null;
    }
}
