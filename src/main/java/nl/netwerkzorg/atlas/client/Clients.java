package nl.netwerkzorg.atlas.client;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/** The records the client services return: list rows, filters, the detail of one client and what an edit needs. */
public final class Clients {

    private Clients() {
    }

    /** Roles a provider can have in a client's network ({@code CARES_FOR.role}). */
    public static final List<String> CARE_ROLES = List.of("BEHANDELAAR", "CASEMANAGER", "VERPLEEGKUNDIGE", "ZORGVERLENER",
            "MEDISCH_SPECIALIST", "APOTHEKER", "ONDERSTEUNER", "VERLOSKUNDIGE", "JEUGDHULPVERLENER", "TOEGANG");
    /** Roles of informal carers (no personal details are kept beyond this). */
    public static final List<String> CARER_ROLES = List.of("PARTNER", "KIND", "OUDER", "BUUR", "VRIEND", "ANDERS");

    /** What the list shows; every field is optional. {@code idPrefix} matches the start of the pseudonym. */
    public record Filter(Optional<String> municipalityCode, Optional<ClientFlag> flag, Optional<String> conditionCode,
                         String idPrefix) {
        public static Filter none() {
            return new Filter(Optional.empty(), Optional.empty(), Optional.empty(), "");
        }
    }

    /** A named reference (provider, condition, municipality) in the reader's language. */
    public record Named(String code, String name) {
    }

    /** One row of the client list. */
    public record Row(String id, String ageBand, Named municipality, List<Named> conditions, List<ClientFlag> flags,
                      int professionals, List<String> coordinators) {
    }

    /** A provider currently involved in the client's care. */
    public record Professional(String id, String name, String type, String typeName, String domain, String role,
                               @Nullable LocalDate since, boolean coordinator, boolean objected) {
    }

    /** An informal carer: a role only, and the professionals they are in contact with. */
    public record Carer(String id, String role, List<String> knownTo, @Nullable LocalDate since) {
    }

    /** A formal network one of the professionals belongs to. */
    public record NetworkTie(String networkId, String networkName, String kind, String providerId) {
    }

    /** A tie between two of the client's professionals: a formal collaboration or other shared clients. */
    public record Tie(String fromId, String toId, String kind) {
    }

    /** One event of the client's network over time (joined, left, coordinator set or ended, carer added). */
    public record Event(LocalDate date, String kind, String providerId, String name) {
    }

    /** A required provider type missing from the network, with the conditions whose pathways require it. */
    public record MissingType(String type, String typeName, List<Named> conditions) {
    }

    /** Why the client has the flags they have: the evidence behind each rule, computed now. */
    public record Evidence(List<ClientFlag> flags, List<MissingType> missing, List<String> unlinkedCarers,
                           List<String> isolated, List<String> prescribers) {
    }

    /** Everything the client's page shows. */
    public record Detail(String id, String ageBand, @Nullable Integer birthYear, Named municipality,
                         List<Named> conditions, List<Professional> professionals, List<Carer> carers,
                         List<NetworkTie> networks, List<Tie> ties, List<Event> timeline, List<Named> objections,
                         Evidence evidence, @Nullable OffsetDateTime flagsComputedAt) {
    }

    /**
     * An edit that may not be made; nothing was written. {@code key} is the message key in the i18n bundles (the
     * views translate it with {@code arguments}); the exception's message is the key and arguments, for logs.
     */
    public static class EditRefused extends RuntimeException {
        private final String key;
        private final transient Object[] arguments;

        public EditRefused(String key, Object... arguments) {
            super(key + " " + java.util.Arrays.toString(arguments));
            this.key = key;
            this.arguments = arguments.clone();
        }

        public String key() {
            return key;
        }

        public Object[] arguments() {
            return arguments.clone();
        }
    }
}
