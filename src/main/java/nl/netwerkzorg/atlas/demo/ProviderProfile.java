package nl.netwerkzorg.atlas.demo;

/**
 * How the generator places providers of each type: density per 10,000 inhabitants (sources in
 * docs/data.md), service radius and the share of municipalities inside it actually served, and beds.
 * The codes equal the {@code ProviderType} codes of migration V002.
 */
enum ProviderProfile {
    //                         domain       per10k serveKm share  beds  minCap maxCap role
    HUISARTS("MEDICAL", 4.0, 5, 0.3, false, 0, 0, "BEHANDELAAR"),
    HUISARTSENPOST("MEDICAL", 0.07, 25, 1.0, false, 0, 0, "BEHANDELAAR"),
    APOTHEEK("MEDICAL", 1.1, 5, 0.3, false, 0, 0, "APOTHEKER"),
    POH_GGZ("MEDICAL", 3.0, 0, 0, false, 0, 0, "BEHANDELAAR"),
    WIJKVERPLEGING("LONG_TERM", 14.0, 15, 0.5, false, 0, 0, "VERPLEEGKUNDIGE"),
    THUISZORG_HUISHOUDELIJK("SOCIAL", 12.0, 10, 0.5, false, 0, 0, "ONDERSTEUNER"),
    FYSIOTHERAPIE("MEDICAL", 13.0, 8, 0.3, false, 0, 0, "BEHANDELAAR"),
    ERGOTHERAPIE("MEDICAL", 1.5, 15, 0.5, false, 0, 0, "BEHANDELAAR"),
    DIETIST("MEDICAL", 1.8, 12, 0.5, false, 0, 0, "BEHANDELAAR"),
    LOGOPEDIE("MEDICAL", 3.3, 10, 0.4, false, 0, 0, "BEHANDELAAR"),
    VERLOSKUNDIGE("MEDICAL", 1.6, 12, 0.6, false, 0, 0, "VERLOSKUNDIGE"),
    KRAAMZORG("LONG_TERM", 5.0, 25, 0.6, false, 0, 0, "ZORGVERLENER"),
    ZIEKENHUIS("MEDICAL", 0.08, 30, 1.0, true, 150, 900, "MEDISCH_SPECIALIST"),
    GGZ("MEDICAL", 13.0, 20, 0.4, false, 0, 0, "BEHANDELAAR"),
    VERPLEEGHUIS("LONG_TERM", 1.3, 10, 0.7, true, 40, 160, "ZORGVERLENER"),
    ELV("LONG_TERM", 0.2, 25, 1.0, true, 6, 30, "ZORGVERLENER"),
    GRZ("LONG_TERM", 0.1, 35, 1.0, true, 15, 60, "BEHANDELAAR"),
    CASEMANAGER_DEMENTIE("LONG_TERM", 1.0, 12, 0.7, false, 0, 0, "CASEMANAGER"),
    SPECIALIST_OUDERENGENEESKUNDE("LONG_TERM", 1.0, 20, 0.7, false, 0, 0, "BEHANDELAAR"),
    SOCIAAL_WIJKTEAM("SOCIAL", 0.6, 0, 0, false, 0, 0, "ONDERSTEUNER"),
    WMO_DAGBESTEDING("SOCIAL", 2.0, 8, 0.5, false, 0, 0, "ONDERSTEUNER"),
    MAATSCHAPPELIJK_WERK("SOCIAL", 0.5, 0, 0, false, 0, 0, "ONDERSTEUNER"),
    MANTELZORGONDERSTEUNING("INFORMAL", 0.2, 15, 1.0, false, 0, 0, "ONDERSTEUNER"),
    GEMEENTE("SOCIAL", 0, 0, 0, false, 0, 0, "TOEGANG"),
    JEUGDZORG("SOCIAL", 7.0, 20, 0.4, false, 0, 0, "JEUGDHULPVERLENER");

    final String domain;
    /** Expected providers per 10,000 inhabitants of the municipality they are located in. */
    final double per10k;
    /** Radius (km, inner point to inner point) within which other municipalities may be served. */
    final double serveKm;
    /** Chance that a municipality within the radius is served. */
    final double serveShare;
    final boolean bedBased;
    final int minCapacity;
    final int maxCapacity;
    /** Role on CARES_FOR. */
    final String careRole;

    ProviderProfile(String domain, double per10k, double serveKm, double serveShare, boolean bedBased,
            int minCapacity, int maxCapacity, String careRole) {
        this.domain = domain;
        this.per10k = per10k;
        this.serveKm = serveKm;
        this.serveShare = serveShare;
        this.bedBased = bedBased;
        this.minCapacity = minCapacity;
        this.maxCapacity = maxCapacity;
        this.careRole = careRole;
    }

    /** Types deliberately left uncovered in some small municipalities (see docs/data.md, gaps). */
    boolean mayHaveGap() {
        return this == CASEMANAGER_DEMENTIE || this == WMO_DAGBESTEDING;
    }

    static ProviderProfile of(String code) {
        return valueOf(code);
    }

    static boolean isKnown(String code) {
        for (ProviderProfile p : values()) {
            if (p.name().equals(code)) {
                return true;
            }
        }
        return false;
    }
}
