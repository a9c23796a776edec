package nl.netwerkzorg.atlas.demo;

import java.util.List;

/** A care pathway as the planner uses it: for a condition, the provider types a personal network needs. */
record PathwaySpec(String code, String conditionCode, List<Requirement> requirements) {

    PathwaySpec {
        requirements = List.copyOf(requirements);
    }

    record Requirement(String providerType, boolean optional, int maxKm) {
    }
}
