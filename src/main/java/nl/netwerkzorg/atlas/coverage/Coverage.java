package nl.netwerkzorg.atlas.coverage;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import nl.netwerkzorg.atlas.overview.SuppressedCount;
import org.jspecify.annotations.Nullable;

/** The values the coverage feature hands to its callers (views, REST): what is measured, and the results. */
public final class Coverage {

    private Coverage() {
    }

    /** How coverage of a municipality is measured. */
    public enum Measure {
        /** Served or not: any provider of the type LOCATED_IN or SERVES the municipality (for a pathway: every required type). */
        SERVED,
        /** Providers of the type located in the municipality per 10,000 inhabitants (provider types only). */
        DENSITY,
        /** Estimated share of inhabitants within the maximum distance of a provider of the type (of every required type). */
        DISTANCE;

        /** Parses a URL or API value, case-insensitively; empty for anything else. */
        public static Optional<Measure> parse(@Nullable String value) {
            if (value == null) {
                return Optional.empty();
            }
            for (Measure m : values()) {
                if (m.name().equalsIgnoreCase(value.strip())) {
                    return Optional.of(m);
                }
            }
            return Optional.empty();
        }

        public String parameter() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What coverage is computed for: one provider type, or the required types of a care pathway. */
    public record Target(Kind kind, String code) {

        public enum Kind { TYPE, PATHWAY }

        public static Target type(String code) {
            return new Target(Kind.TYPE, code);
        }

        public static Target pathway(String code) {
            return new Target(Kind.PATHWAY, code);
        }

        public boolean isPathway() {
            return kind == Kind.PATHWAY;
        }
    }

    /** A provider type of the reference list, with its name in the requested language. */
    public record ProviderTypeInfo(String code, String name, String domain) {
    }

    /** One provider type a pathway asks for. */
    public record Requirement(String typeCode, String typeName, boolean optional, int maxKm) {
    }

    /** A care pathway with its condition, source and requirements (required ones first). */
    public record PathwayInfo(String code, String name, String conditionCode, String conditionName, String source,
            List<Requirement> requirements) {

        public PathwayInfo {
            requirements = List.copyOf(requirements);
        }

        public List<Requirement> required() {
            return requirements.stream().filter(r -> !r.optional()).toList();
        }
    }

    /** Providers of one type for one municipality: located in it, and located in or serving it. */
    public record TypeCount(long located, long serving) {

        static final TypeCount NONE = new TypeCount(0, 0);

        public boolean served() {
            return serving > 0;
        }
    }

    /** One municipality of a region. */
    public record MunicipalityInfo(String code, String name, long inhabitants, boolean inhabitantsEstimated) {
    }

    /** The coverage of one municipality for one target and measure; {@code value} is what the map colours. */
    public record MunicipalityCoverage(
            MunicipalityInfo municipality,
            /** Providers of the type located in the municipality (0 for a pathway). */
            long located,
            /** Providers of the type located in or serving it (for a pathway: required types served). */
            long serving,
            /** Located providers per 10,000 inhabitants (provider types only). */
            double perTenThousand,
            /** Estimated share of inhabitants within reach (0..1), only for the DISTANCE measure. */
            @Nullable Double shareWithinReach,
            /** Required types (names) that do not serve the municipality. */
            List<String> missingTypes,
            double value) {

        public MunicipalityCoverage {
            missingTypes = List.copyOf(missingTypes);
        }
    }

    /** Coverage of every municipality of a region, with what was asked and when the provider counts were computed. */
    public record Result(String regionCode, String regionName, Target target, String targetName, Measure measure,
            int maxKm, List<MunicipalityCoverage> municipalities, OffsetDateTime countsComputedAt, long serverMillis) {

        public Result {
            municipalities = List.copyOf(municipalities);
        }
    }

    /** Municipalities × provider types: counts per type for every municipality of a region. */
    public record Matrix(String regionCode, String regionName, List<ProviderTypeInfo> types, List<MatrixRow> rows,
            OffsetDateTime countsComputedAt, long serverMillis) {

        public Matrix {
            types = List.copyOf(types);
            rows = List.copyOf(rows);
        }
    }

    /** One municipality's row of the matrix. */
    public record MatrixRow(MunicipalityInfo municipality, Map<String, TypeCount> byType) {

        public MatrixRow {
            byType = Map.copyOf(byType);
        }

        public TypeCount count(String type) {
            return byType.getOrDefault(type, TypeCount.NONE);
        }
    }

    /** A municipality missing at least one required type of a pathway, with whom that affects. */
    public record Gap(MunicipalityInfo municipality, List<Requirement> missing, SuppressedCount clientsWithCondition) {

        public Gap {
            missing = List.copyOf(missing);
        }
    }

    /** Share of a region's municipalities and inhabitants served by each provider type. */
    public record RollupRow(String regionCode, String regionName, long municipalities, long inhabitants,
            Map<String, Double> municipalityShare, Map<String, Double> inhabitantShare) {

        public RollupRow {
            municipalityShare = Map.copyOf(municipalityShare);
            inhabitantShare = Map.copyOf(inhabitantShare);
        }
    }

    /** What the side panel shows for one municipality. */
    public record MunicipalityDetail(MunicipalityInfo municipality, List<TypeDetail> types, List<Requirement> missing,
            List<NetworkInfo> networks) {

        public MunicipalityDetail {
            types = List.copyOf(types);
            missing = List.copyOf(missing);
            networks = List.copyOf(networks);
        }
    }

    /** Providers of one type for the side panel. */
    public record TypeDetail(ProviderTypeInfo type, TypeCount count) {
    }

    /** A formal network covering a municipality. */
    public record NetworkInfo(String id, String name, String kind, long members) {
    }
}
