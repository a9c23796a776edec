package nl.netwerkzorg.atlas.demo;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Dutch-sounding but synthetic provider names and addresses, composed from word lists. Any resemblance
 * to a real organisation is coincidental; no real organisation names are listed here.
 */
final class SyntheticNames {

    private static final List<String> SURNAMES = List.of("de Vries", "Jansen", "van den Berg", "Bakker",
            "Visser", "Smit", "Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks",
            "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra", "Smits", "de Graaf", "van der Meer",
            "van der Linden", "Kok", "Jacobs", "de Haan", "Vermeulen", "van den Heuvel", "van der Veen",
            "van den Broek", "de Bruijn", "de Jong", "Schouten", "Willems", "Hoekstra", "Koster", "Prins",
            "Huisman", "Kuipers", "Post", "Timmermans", "Wolters", "Veenstra", "Kramer", "Evers", "Postma");
    private static final List<String> NATURE = List.of("Linde", "Esdoorn", "Eik", "Beuk", "Wilg", "Hazelaar",
            "Vlier", "Meidoorn", "Heide", "Beek", "Weide", "Duin", "Vaart", "Brink", "Akker", "Hof", "Kamp",
            "Molen", "Hoeve", "Kastanje", "Lijster", "Merel", "Reiger", "Zwaluw", "Ooievaar", "Berk", "Iep",
            "Populier", "Vlinder", "Zonnedauw", "Klaproos", "Korenbloem", "Lavendel", "Waterlelie");
    private static final List<String> ORG_SUFFIX = List.of("hof", "kring", "stroom", "hage", "borgh",
            "zorg", "poort", "wijk", "horst", "staete");
    private static final List<String> QUARTERS = List.of("Noord", "Oost", "Zuid", "West", "Centrum",
            "Dorp", "Buiten", "Binnenstad", "Oud", "Nieuw");
    private static final List<String> STREETS = List.of("Dorpsstraat", "Kerkstraat", "Molenweg",
            "Schoolstraat", "Stationsweg", "Julianastraat", "Beatrixlaan", "Wilhelminastraat", "Kastanjelaan",
            "Lindelaan", "Eikenlaan", "Beukenlaan", "Parallelweg", "Markt", "Nieuwstraat", "Hoofdstraat",
            "Burgemeester Visserlaan", "Prinses Irenestraat", "Oranjestraat", "Raadhuisplein", "Brink",
            "Vaartweg", "Dijkstraat", "Zuiderweg", "Noorderweg", "Achterweg", "Kerkpad", "Rozenstraat",
            "Sportlaan", "Zorgboulevard", "Gezondheidsplein", "Populierenlaan", "Industrieweg");
    private static final String POSTCODE_LETTERS = "ABCDEGHJKLMNPRSTVWXZ";
    /** First two digits of the postcode areas of each province, roughly (PostNL numbering). */
    private static final Map<String, int[]> POSTCODE_AREAS = Map.ofEntries(
            Map.entry("PV20", new int[] {93, 99}), Map.entry("PV21", new int[] {84, 92}),
            Map.entry("PV22", new int[] {77, 79}), Map.entry("PV23", new int[] {74, 83}),
            Map.entry("PV24", new int[] {13, 13}), Map.entry("PV25", new int[] {65, 73}),
            Map.entry("PV26", new int[] {34, 39}), Map.entry("PV27", new int[] {10, 21}),
            Map.entry("PV28", new int[] {22, 33}), Map.entry("PV29", new int[] {43, 46}),
            Map.entry("PV30", new int[] {47, 58}), Map.entry("PV31", new int[] {59, 64}));

    private SyntheticNames() {
    }

    static String providerName(ProviderProfile type, String place, SplittableRandom r) {
        String surname = capitalise(pick(SURNAMES, r));
        String nature = pick(NATURE, r);
        String org = nature + pick(ORG_SUFFIX, r);
        String quarter = place + "-" + pick(QUARTERS, r);
        return switch (type) {
            case HUISARTS -> r.nextBoolean() ? "Huisartsenpraktijk " + surname
                    : "Huisartsenpraktijk De " + nature + " " + place;
            case HUISARTSENPOST -> "Huisartsenpost " + place;
            case APOTHEEK -> r.nextBoolean() ? "Apotheek " + quarter : "Apotheek De " + nature;
            case POH_GGZ -> "POH-GGZ " + surname;
            case WIJKVERPLEGING -> r.nextInt(3) == 0 ? "Wijkverpleegkundige " + surname
                    : "Wijkverpleging " + org + " team " + quarter;
            case THUISZORG_HUISHOUDELIJK -> r.nextInt(3) == 0 ? "Huishoudelijke hulp " + surname
                    : "Thuishulp " + org + " " + place;
            case FYSIOTHERAPIE -> r.nextBoolean() ? "Fysiotherapie " + surname : "Fysiotherapie " + quarter;
            case ERGOTHERAPIE -> "Ergotherapie " + surname;
            case DIETIST -> "Diëtistenpraktijk " + surname;
            case LOGOPEDIE -> "Logopedie " + surname;
            case VERLOSKUNDIGE -> "Verloskundigenpraktijk " + (r.nextBoolean() ? "De " + nature : quarter);
            case KRAAMZORG -> r.nextBoolean() ? "Kraamzorg " + surname : "Kraamzorg " + org;
            case ZIEKENHUIS -> (r.nextBoolean() ? "Ziekenhuis " : "Medisch Centrum ") + org + " " + place;
            case GGZ -> r.nextInt(3) == 0 ? "GGZ " + org + " " + place : "Psychologenpraktijk " + surname;
            case VERPLEEGHUIS -> "Verpleeghuis " + org;
            case ELV -> "Herstelzorg " + org + " (ELV)";
            case GRZ -> "Revalidatie " + org + " (GRZ)";
            case CASEMANAGER_DEMENTIE -> "Casemanagement dementie " + surname;
            case SPECIALIST_OUDERENGENEESKUNDE -> "Specialist ouderengeneeskunde " + surname;
            case SOCIAAL_WIJKTEAM -> "Sociaal wijkteam " + quarter;
            case WMO_DAGBESTEDING -> "Dagbesteding " + org;
            case MAATSCHAPPELIJK_WERK -> "Maatschappelijk werk " + place + " " + pick(QUARTERS, r);
            case MANTELZORGONDERSTEUNING -> "Steunpunt mantelzorg " + place;
            case GEMEENTE -> "Gemeente " + place;
            case JEUGDZORG -> r.nextBoolean() ? "Jeugdhulp " + org : "Gezinscoach " + surname;
        };
    }

    /** "Street 12, 1234 AB Place". */
    static String address(String provinceCode, String place, SplittableRandom r) {
        int[] area = POSTCODE_AREAS.getOrDefault(provinceCode, new int[] {10, 99});
        int digits = (area[0] + r.nextInt(area[1] - area[0] + 1)) * 100 + r.nextInt(100);
        char a = POSTCODE_LETTERS.charAt(r.nextInt(POSTCODE_LETTERS.length()));
        char b = POSTCODE_LETTERS.charAt(r.nextInt(POSTCODE_LETTERS.length()));
        return pick(STREETS, r) + " " + (1 + r.nextInt(180)) + ", " + digits + " " + a + b + " " + place;
    }

    private static String pick(List<String> list, SplittableRandom r) {
        return list.get(r.nextInt(list.size()));
    }

    private static String capitalise(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
