package preflight.http;

/** Who calls: the listing flow (checks), a seller (its own record), a compliance officer (rule packs), an admin (all). */
public enum Role {
    LISTING_FLOW("listing-flow"), SELLER("seller"), OFFICER("officer"), ADMIN("admin");

    final String name;

    Role(String name) {
        this.name = name;
    }

    /** The role as configuration and the API write it ("listing-flow"). */
    public String id() {
        return name;
    }

    public static Role named(String name) {
        for (Role r : values()) {
            if (r.name.equals(name)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown role '" + name + "'; roles: listing-flow, seller@SELLER_ID, officer, admin");
    }
}
