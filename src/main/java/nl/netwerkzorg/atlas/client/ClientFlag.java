package nl.netwerkzorg.atlas.client;

import java.util.List;

/**
 * A signal about one client's personal network, grouped by the IGJ theme it serves. The rules, their reasoning and
 * sources are in docs/quality-rules.md; {@code cypher/queries/client_flags.cypher} computes them.
 */
public enum ClientFlag {
    /** A provider type that a pathway of one of the client's conditions requires is missing from the network. */
    PATHWAY_GAP(Theme.CLIENT_CENTRAL),
    /** Nobody coordinates the client's care (no casemanager or hoofdbehandelaar). */
    NO_COORDINATOR(Theme.CLIENT_CENTRAL),
    /** An informal carer is in contact with none of the client's professionals. */
    CARER_NOT_LINKED(Theme.INFORMAL_CARE),
    /** A professional around the client works with none of the others (no collaboration, no other shared client). */
    FRAGMENTED(Theme.INTEGRATED_CARE),
    /** A chronic condition, two or more prescribers and no pharmacy in the network. */
    MEDICATION_SAFETY(Theme.SAFETY),
    /** A frail client of 75 or older with neither an informal carer nor district nursing. */
    ALONE_AT_RISK(Theme.SAFETY);

    /** The four themes the inspectorate (IGJ) assesses networks on. */
    public enum Theme {
        CLIENT_CENTRAL, INFORMAL_CARE, INTEGRATED_CARE, SAFETY
    }

    private final Theme theme;

    ClientFlag(Theme theme) {
        this.theme = theme;
    }

    public Theme theme() {
        return theme;
    }

    /** The flags among these codes, in declaration order; unknown codes (from a newer version) are skipped. */
    public static List<ClientFlag> of(List<String> codes) {
        return java.util.Arrays.stream(values()).filter(f -> codes.contains(f.name())).toList();
    }
}
