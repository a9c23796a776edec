package nl.netwerkzorg.atlas.demo;

import java.time.LocalDate;

/** A COLLABORATES_WITH relationship between two providers (by plan index). */
record PlannedCollaboration(int from, int to, String kind, LocalDate since, boolean formal) {
}
