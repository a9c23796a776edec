package nl.netwerkzorg.atlas.base.ui;

import java.util.List;
import java.util.Map;

/** The one colour per care domain that every picture of providers uses (Netwerk, the client's ecogram, legends). */
public final class DomainColours {

    /** The domains in legend order. */
    public static final List<String> DOMAINS = List.of("MEDICAL", "LONG_TERM", "SOCIAL", "INFORMAL");
    private static final Map<String, String> COLOURS = Map.of("MEDICAL", "#1f77b4", "LONG_TERM", "#2ca02c",
            "SOCIAL", "#ff7f0e", "INFORMAL", "#9467bd");
    /** For a domain this list does not know. */
    public static final String UNKNOWN = "#90a4ae";

    private DomainColours() {
    }

    public static String of(String domain) {
        return COLOURS.getOrDefault(domain, UNKNOWN);
    }
}
