package nl.netwerkzorg.atlas.demo;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** A formal network with the municipalities it covers and its members. */
record PlannedNetwork(String id, String name, String kind, @Nullable String focusCondition,
        List<String> covers, List<Member> members) {

    PlannedNetwork {
        covers = List.copyOf(covers);
        members = List.copyOf(members);
    }

    record Member(String providerId, String role, LocalDate since) {
    }
}
