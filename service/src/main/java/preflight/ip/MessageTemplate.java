package preflight.ip;

/**
 * The English words of one kind of IP finding, with {mark}, {owner}, {text}, {phrase} and {brand} where the
 * screen fills in a listing's own. Reports use them to carry those values into a translation.
 */
public record MessageTemplate(String ruleId, String message, String fix) {

    /** Every kind of finding the IP screen reports. */
    public static java.util.List<MessageTemplate> all() {
        return java.util.Arrays.stream(IpFinding.values()).map(k -> new MessageTemplate(k.ruleId, k.message, k.fix)).toList();
    }
}
