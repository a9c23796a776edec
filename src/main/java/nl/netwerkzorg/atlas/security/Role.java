package nl.netwerkzorg.atlas.security;

/** The four roles of DESIGN.md §6. Spring authorities carry the {@code ROLE_} prefix. */
public enum Role {
    ADMIN,
    NETWORK_MANAGER,
    POLICY_ANALYST,
    CARE_STAFF;

    public static final String ADMIN_NAME = "ADMIN";
    public static final String NETWORK_MANAGER_NAME = "NETWORK_MANAGER";
    public static final String POLICY_ANALYST_NAME = "POLICY_ANALYST";
    public static final String CARE_STAFF_NAME = "CARE_STAFF";

    public String authority() {
        return "ROLE_" + name();
    }
}
