package nl.netwerkzorg.atlas.coverage;

/**
 * A coverage question that cannot be answered as asked: an unknown region, provider type or pathway, a measure that does
 * not apply, or a distance out of range. {@code parameter} names what was wrong (region, type, pathway, measure, km),
 * {@code value} what was given; views and the REST API turn it into a message, never a stack trace.
 */
public class CoverageRequestException extends IllegalArgumentException {

    private final String parameter;
    private final String value;

    public CoverageRequestException(String parameter, String value) {
        super("Invalid " + parameter + ": " + value);
        this.parameter = parameter;
        this.value = value;
    }

    public String parameter() {
        return parameter;
    }

    public String value() {
        return value;
    }

    /** A Dutch explanation for API clients. */
    public String dutchMessage() {
        return switch (parameter) {
            case "region" -> "Onbekend gebied: " + value;
            case "type" -> "Onbekende soort zorgaanbieder: " + value;
            case "pathway" -> "Onbekend zorgpad: " + value;
            case "measure" -> "Maat '" + value + "' kan hier niet: kies served, density of distance (density alleen voor een soort zorgaanbieder)";
            case "km" -> "Afstand moet tussen 1 en " + CoverageService.MAX_KM + " km liggen, niet " + value;
            case "target" -> "Kies een soort zorgaanbieder (type) of een zorgpad (pathway), niet beide of geen van beide";
            default -> "Ongeldige waarde voor " + parameter + ": " + value;
        };
    }
}
