package nl.netwerkzorg.atlas.demo;

import java.util.List;
import java.util.Map;

/**
 * Who the clients are: population share per age band, the rate per 1,000 inhabitants of a band who are
 * in network care with a given primary condition, and the chance of further conditions. Sources and
 * the reasoning per number are in docs/data.md.
 */
final class ClientProfile {

    static final List<String> AGE_BANDS = List.of("0-17", "18-64", "65-74", "75-84", "85+");
    /** CBS, population by age on 1 January 2024, rounded. */
    static final double[] BAND_SHARE = {0.196, 0.598, 0.112, 0.070, 0.024};

    /** Primary condition → clients per 1,000 inhabitants of each band. */
    static final Map<String, double[]> PRIMARY_RATE = Map.ofEntries(
            Map.entry("DEMENTIE", new double[] {0, 0.4, 12, 55, 180}),
            Map.entry("PARKINSON", new double[] {0, 0.3, 6, 14, 15}),
            Map.entry("COPD", new double[] {0, 4, 25, 35, 30}),
            Map.entry("HARTFALEN", new double[] {0, 1, 10, 30, 60}),
            Map.entry("DIABETES", new double[] {0, 6, 25, 30, 30}),
            Map.entry("ZWANGERSCHAP", new double[] {0, 11.5, 0, 0, 0}),
            Map.entry("KWETSBARE_OUDERE", new double[] {0, 0, 20, 60, 150}),
            Map.entry("GGZ_ERNSTIG", new double[] {0, 9, 5, 3, 2}),
            Map.entry("JEUGD", new double[] {35, 0, 0, 0, 0}),
            Map.entry("PALLIATIEF", new double[] {0.05, 1, 6, 15, 40}),
            Map.entry("NA_ZIEKENHUISOPNAME", new double[] {0, 0.5, 4, 10, 20}));
    /** Stable order of conditions, so generation does not depend on map iteration order. */
    static final List<String> CONDITIONS = List.of("DEMENTIE", "PARKINSON", "COPD", "HARTFALEN", "DIABETES",
            "ZWANGERSCHAP", "KWETSBARE_OUDERE", "GGZ_ERNSTIG", "JEUGD", "PALLIATIEF", "NA_ZIEKENHUISOPNAME");

    /** Further conditions (multimorbidity): chance per band that a client also has it. */
    static final Map<String, double[]> COMORBIDITY = Map.ofEntries(
            Map.entry("DIABETES", new double[] {0, 0.06, 0.12, 0.15, 0.12}),
            Map.entry("HARTFALEN", new double[] {0, 0.01, 0.05, 0.10, 0.15}),
            Map.entry("COPD", new double[] {0, 0.02, 0.06, 0.08, 0.07}),
            Map.entry("KWETSBARE_OUDERE", new double[] {0, 0, 0.10, 0.25, 0.40}),
            Map.entry("DEMENTIE", new double[] {0, 0, 0.02, 0.06, 0.15}),
            Map.entry("PARKINSON", new double[] {0, 0, 0.01, 0.015, 0.01}));
    static final List<String> COMORBID_ORDER = List.of("DIABETES", "HARTFALEN", "COPD", "KWETSBARE_OUDERE",
            "DEMENTIE", "PARKINSON");

    /** Share of clients with at least one informal carer, per band. */
    static final double[] CARER_SHARE = {0.95, 0.55, 0.75, 0.85, 0.90};
    static final double SECOND_CARER_SHARE = 0.3;
    /** Share of informal carers linked (KNOWN_TO) to a professional; the rest is a deliberate gap. */
    static final double CARER_KNOWN_SHARE = 0.7;
    /** Share of clients deliberately without a coordinator. */
    static final double NO_COORDINATOR_SHARE = 0.12;
    /** Chance that a required pathway type is deliberately missing from a personal network. */
    static final double SKIP_REQUIRED_SHARE = 0.06;
    /** Chance that an optional pathway type is part of a personal network. */
    static final double OPTIONAL_SHARE = 0.3;
    /** Chance to pick, for another type, a provider the client's huisarts already collaborates with. */
    static final double FOLLOW_HUISARTS_SHARE = 0.6;
    /** Share of clients that object to sharing with one of their providers. */
    static final double OBJECTION_SHARE = 0.03;

    /** Coordinator types in order of preference, by primary condition; default huisarts. */
    static final Map<String, List<ProviderProfile>> COORDINATOR = Map.of(
            "DEMENTIE", List.of(ProviderProfile.CASEMANAGER_DEMENTIE, ProviderProfile.HUISARTS),
            "ZWANGERSCHAP", List.of(ProviderProfile.VERLOSKUNDIGE),
            "JEUGD", List.of(ProviderProfile.SOCIAAL_WIJKTEAM, ProviderProfile.JEUGDZORG),
            "GGZ_ERNSTIG", List.of(ProviderProfile.GGZ, ProviderProfile.HUISARTS),
            "NA_ZIEKENHUISOPNAME", List.of(ProviderProfile.WIJKVERPLEGING, ProviderProfile.HUISARTS),
            "PALLIATIEF", List.of(ProviderProfile.HUISARTS, ProviderProfile.WIJKVERPLEGING),
            "KWETSBARE_OUDERE", List.of(ProviderProfile.HUISARTS, ProviderProfile.WIJKVERPLEGING));

    private ClientProfile() {
    }

    static String band(int age) {
        return age < 18 ? "0-17" : age < 65 ? "18-64" : age < 75 ? "65-74" : age < 85 ? "75-84" : "85+";
    }
}
