package nl.netwerkzorg.atlas.analysis;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;

import nl.netwerkzorg.atlas.overview.SuppressedCount;
import org.jspecify.annotations.Nullable;

/** The values of the connectivity analysis of one region: what is asked, and the report that answers it. */
public final class Analysis {

    /** The fewest shared clients a patient-sharing tie shown to a policy analyst may stand for (no count below 5). */
    public static final int POLICY_MINIMUM_SHARED = 5;
    /** "Heavy" client-sharing for the formal-versus-actual comparison: at least this many shared clients. */
    public static final int DEFAULT_HEAVY_SHARING = 10;
    /** Rows of each list in a report (the counts stay complete). */
    public static final int LIST_LIMIT = 100;

    private Analysis() {
    }

    /** The tie kinds a provider graph can be built from. */
    public enum TieKind {
        /** A collaboration (COLLABORATES_WITH: agreement, MDO or referral). */
        COLLABORATION,
        /** Membership of the same formal network (MEMBER_OF the same Network). */
        NETWORK,
        /** The patient-sharing tie (SHARES_CLIENTS with at least the minimum of shared clients). */
        SHARING
    }

    /**
     * What to analyse: the providers located in a region (optionally only one domain), tied by the chosen kinds;
     * patient-sharing ties from {@code minimumShared} shared clients; heavy sharing from {@code heavySharing}.
     */
    public record Parameters(String regionCode, Set<TieKind> kinds, int minimumShared, int heavySharing,
                             @Nullable String domain) {

        public Parameters {
            kinds = Set.copyOf(kinds);
        }

        public static Parameters of(String regionCode, Set<TieKind> kinds, int minimumShared) {
            return new Parameters(regionCode, kinds, minimumShared, DEFAULT_HEAVY_SHARING, null);
        }
    }

    /** Input that cannot be analysed, with a message for the user; nothing was read. */
    public static final class InvalidParameters extends RuntimeException {

        private final String parameter;

        public InvalidParameters(String parameter, String message) {
            super(message);
            this.parameter = parameter;
        }

        public String parameter() {
            return parameter;
        }
    }

    /** A provider as the analysis shows it. */
    public record ProviderRef(String id, String name, String type, String domain, String municipalityCode) {
    }

    /** A broker: betweenness as the share of all pairs of other providers whose shortest paths run through it. */
    public record Broker(ProviderRef provider, double betweenness, int degree, int domainsAround) {
    }

    /** An articulation point: removing it cuts {@code cutOff} providers off from the rest of their component. */
    public record CutPoint(ProviderRef provider, int cutOff, int degree) {
    }

    /** A tie whose removal splits its component. */
    public record Bridge(ProviderRef a, ProviderRef b) {
    }

    /** Ties between two domains (the same domain twice for ties within one). */
    public record DomainTies(String domainA, String domainB, long ties) {
    }

    /** A community: its size and what dominates it. */
    public record Community(int number, int size, String mainDomain, String mainType, int municipalities) {
    }

    /** A pair of providers for formal versus actual: shared clients (≥ the minimum, or 0) and the agreement kinds. */
    public record Pair(ProviderRef a, ProviderRef b, long sharedClients, List<String> agreementKinds) {
    }

    /** A node of the picture (the providers drawn) with its community and component. */
    public record Node(ProviderRef provider, int community, int component, int degree, double betweenness) {
    }

    /** An edge of the picture. */
    public record Edge(String source, String target) {
    }

    /**
     * The providers located in one municipality of the region, within the region's graph: how many, their tie ends (a
     * tie between two providers of the municipality counts twice), how many are isolated, in the largest part (with a
     * tie) or articulation points, their summed betweenness ("brokerage") and how many of their tie ends cross a domain
     * border. The map of Analyse colours municipalities by these.
     */
    public record MunicipalityFigures(String code, String name, int providers, long tieEnds, int isolated, int inLargest,
                                      int cutPoints, double brokerage, long crossDomainTieEnds) {

        /** Mean ties per provider. */
        public double meanDegree() {
            return providers == 0 ? 0 : (double) tieEnds / providers;
        }

        public double isolatedShare() {
            return providers == 0 ? 0 : (double) isolated / providers;
        }

        public double largestShare() {
            return providers == 0 ? 0 : (double) inLargest / providers;
        }

        public double crossDomainShare() {
            return tieEnds == 0 ? 0 : (double) crossDomainTieEnds / tieEnds;
        }
    }

    /** Providers with a number of ties in [{@code from}, {@code to}] ({@code to} = -1: and more). */
    public record DegreeBin(int from, int to, int providers) {
    }

    /**
     * The degree distribution in bins a chart can show: 0 to 4 one by one, then 5–9, 10–19, 20–49, 50–99, 100–199,
     * 200–499 and 500 or more, up to the highest degree present (empty bins in between stay, so the axis is honest).
     */
    public static List<DegreeBin> degreeBins(SortedMap<Integer, Integer> distribution) {
        int[] starts = {0, 1, 2, 3, 4, 5, 10, 20, 50, 100, 200, 500};
        int max = distribution.isEmpty() ? 0 : distribution.lastKey();
        List<DegreeBin> bins = new ArrayList<>();
        for (int i = 0; i < starts.length && starts[i] <= max; i++) {
            int from = starts[i];
            int to = i + 1 < starts.length ? starts[i + 1] - 1 : -1;
            int providers = distribution.subMap(from, to < 0 ? Integer.MAX_VALUE : to + 1).values().stream()
                    .mapToInt(Integer::intValue).sum();
            bins.add(new DegreeBin(from, to, providers));
        }
        return bins;
    }

    /** A network with members in the region, for the what-if. */
    public record NetworkOption(String id, String name, long members) {
    }

    /** A municipality that would lose its last provider of a type. */
    public record CoverageLoss(String municipalityCode, String municipalityName, String type) {
    }

    /**
     * What changes when providers leave or a network dissolves (its members stay, the ties of their shared membership
     * go). Graph figures are for the region and the chosen tie kinds; coverage and clients are national (a provider
     * may serve and care beyond the region). Client counts are suppressed below 5 for policy analysts.
     */
    public record WhatIf(Parameters parameters, List<ProviderRef> removed, @Nullable String networkName,
                         int providersBefore, long tiesBefore, long tiesAfter, int componentsBefore, int componentsAfter,
                         int largestBefore, int largestAfter, int isolatedBefore, int isolatedAfter, int componentsSplit,
                         List<ProviderRef> newlyIsolated, List<Broker> brokersAfter, List<String> emergingBrokerIds,
                         List<CoverageLoss> coverageLost, SuppressedCount clientsAffected,
                         SuppressedCount clientsLosingRequiredType, SuppressedCount clientsLosingCoordinator,
                         Duration took) {
    }

    /**
     * The analysis of one region. Lists are cut to {@link #LIST_LIMIT} rows; their totals stay complete. The picture
     * holds at most {@code AnalysisService.PICTURE_LIMIT} providers (the best connected ones when there are more).
     */
    public record Report(Parameters parameters, String regionName, String regionKind, int nodes, long ties, double density,
                         double meanDegree, int maxDegree, SortedMap<Integer, Integer> degreeDistribution, int components,
                         int largestComponent, List<Integer> componentSizes, List<ProviderRef> isolated, int isolatedCount,
                         List<Broker> brokers, boolean betweennessEstimated, int betweennessSources, List<Bridge> bridges, int bridgeCount,
                         List<CutPoint> cutPoints, int cutPointCount, List<DomainTies> domainTies, double crossDomainShare,
                         List<Community> communities, int communityCount, double modularity,
                         List<Pair> agreementsWithoutSharing, long agreementsWithoutSharingCount,
                         List<Pair> sharingWithoutAgreement, long sharingWithoutAgreementCount,
                         int largeNetworksLeftOut, List<Node> pictureNodes, List<Edge> pictureEdges, boolean pictureComplete,
                         List<ProviderRef> providers, List<MunicipalityFigures> municipalities,
                         @Nullable OffsetDateTime sharingComputedAt, OffsetDateTime computedAt, Duration loading,
                         Duration computing) {
    }
}
