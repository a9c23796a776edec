package nl.netwerkzorg.atlas.exchange;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The cells of one CSV row, with the checks every import column needs (required, formula refusal, numbers, yes/no,
 * dates, code lists); each problem goes to the shared list with the row's line and the column's name, and marks the row
 * as {@link #failed}.
 */
public final class CsvCells {

    static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,39}");
    private static final Pattern THOUSANDS = Pattern.compile("\\d{1,3}(\\.\\d{3})+");
    static final Pattern MUNICIPALITY = Pattern.compile("GM\\d{4}");
    static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");
    private static final Pattern NUMBER = Pattern.compile("-?\\d{1,3}([.,]\\d{1,20})?");
    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("d-M-uuuu").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT));

    private final CsvFile.Row row;
    private final Map<String, Integer> column;
    private final List<ImportProblem> problems;
    boolean failed;

    CsvCells(CsvFile.Row row, Map<String, Integer> column, List<ImportProblem> problems) {
        this.row = row;
        this.column = column;
        this.problems = problems;
    }

    /** The row's line in the file (1 is the header). */
    public int line() {
        return row.line();
    }

    public boolean failed() {
        return failed;
    }

    String raw(String name) {
        Integer i = column.get(name);
        String value = i == null || i >= row.cells().size() ? "" : row.cells().get(i).strip();
        // The Atlas's own exports put ' before a cell that starts like a formula (base.CsvExport): taken off again, so
        // an export imports unchanged — and a real formula behind it is still refused.
        if (value.length() > 1 && value.charAt(0) == '\'' && "=+-@".indexOf(value.charAt(1)) >= 0) {
            return value.substring(1);
        }
        return value;
    }

    public void problem(String name, String value, String message) {
        failed = true;
        problems.add(new ImportProblem(row.line(), name, value, message));
    }

    /** Text that a spreadsheet would run as a formula is refused (CSV injection), never stored. */
    private boolean formula(String name, String value) {
        if (!value.isEmpty() && "=+@".indexOf(value.charAt(0)) >= 0
                || value.startsWith("-") && !NUMBER.matcher(value).matches()) {
            problem(name, value, "Een cel mag niet met =, +, - of @ beginnen (een spreadsheetformule wordt niet geïmporteerd).");
            return true;
        }
        return false;
    }

    /**
     * A key may stand once in a file: when {@code key} was seen on an earlier line, "{@code what} staat ook op regel n"
     * is a problem of column {@code name} (showing {@code value}). Returns whether it is the first.
     */
    public boolean once(String name, String value, String key, Map<String, Integer> seen, String what) {
        Integer earlier = seen.putIfAbsent(key, line());
        if (earlier != null) {
            problem(name, value, what + " staat ook op regel " + earlier + ".");
            return false;
        }
        return true;
    }

    public String required(String name) {
        String value = raw(name);
        if (value.isEmpty()) {
            problem(name, "", "Verplicht; deze cel is leeg.");
            return "";
        }
        return formula(name, value) ? "" : value;
    }

    public @Nullable String optional(String name) {
        String value = raw(name);
        return value.isEmpty() || formula(name, value) ? null : value;
    }

    /** A required key: 1–40 letters, digits, '.', '_' or '-'. */
    public String id(String name, String what) {
        String value = required(name);
        if (!value.isEmpty() && !ID.matcher(value).matches()) {
            problem(name, value, "Een " + what + " bestaat uit 1 tot 40 letters, cijfers, punten, liggende streepjes of koppeltekens"
                    + " en begint met een letter of cijfer.");
            return "";
        }
        return value;
    }

    /** Optional text of at most {@code max} characters. */
    public @Nullable String text(String name, int max) {
        String value = optional(name);
        if (value != null && value.length() > max) {
            problem(name, value, "Langer dan " + max + " tekens.");
            return null;
        }
        return value;
    }

    /** A code in capitals, digits and '_' (case of the file does not matter); required or empty. */
    public @Nullable String code(String name, boolean required) {
        String value = required ? required(name) : Optional.ofNullable(optional(name)).orElse("");
        if (value.isEmpty()) {
            return null;
        }
        String upper = value.toUpperCase(Locale.ROOT);
        if (!CODE.matcher(upper).matches()) {
            problem(name, value, "Een code bestaat uit 2 tot 40 hoofdletters, cijfers en _, beginnend met een letter.");
            return null;
        }
        return upper;
    }

    /** A code from a known list. */
    public @Nullable String oneOf(String name, boolean required, Set<String> allowed, String what) {
        String code = code(name, required);
        if (code != null && !allowed.contains(code)) {
            problem(name, code, "Onbekende " + what + "; mogelijk zijn " + String.join(", ", allowed.stream().sorted().toList()) + ".");
            return null;
        }
        return code;
    }

    /** An existing municipality's CBS code. */
    public String municipality(String name, Set<String> municipalities) {
        String value = required(name).toUpperCase(Locale.ROOT);
        if (!value.isEmpty() && !(MUNICIPALITY.matcher(value).matches() && municipalities.contains(value))) {
            problem(name, value, "Onbekende gemeentecode; verwacht GM met vier cijfers van een bestaande gemeente.");
            return "";
        }
        return value;
    }

    /** Codes separated by '|' or spaces, each in {@code known}; duplicates dropped. */
    public List<String> codeList(String name, Set<String> known, String what) {
        List<String> codes = new ArrayList<>();
        String value = optional(name);
        if (value == null) {
            return codes;
        }
        for (String code : value.toUpperCase(Locale.ROOT).split("[|\\s]+")) {
            if (code.isEmpty()) {
                continue;
            }
            if (!known.contains(code)) {
                problem(name, code, "Onbekende " + what + " (scheid codes met |).");
            } else if (!codes.contains(code)) {
                codes.add(code);
            }
        }
        return codes;
    }

    /** Keys (ids) separated by '|' or spaces; their existence is checked by the caller. */
    public List<String> idList(String name) {
        List<String> ids = new ArrayList<>();
        String value = optional(name);
        if (value == null) {
            return ids;
        }
        for (String id : value.split("[|\\s]+")) {
            if (id.isEmpty()) {
                continue;
            }
            if (!ID.matcher(id).matches()) {
                problem(name, id, "Geen geldige sleutel (1 tot 40 letters, cijfers, punten, liggende streepjes of koppeltekens).");
            } else if (!ids.contains(id)) {
                ids.add(id);
            }
        }
        return ids;
    }

    public @Nullable Double decimal(String name, boolean required) {
        String value = required ? required(name) : Optional.ofNullable(optional(name)).orElse("");
        if (value.isEmpty()) {
            return null;
        }
        if (!NUMBER.matcher(value).matches()) {
            problem(name, value, "Geen getal; gebruik een decimale komma of punt, zoals 52,0907.");
            return null;
        }
        return Double.parseDouble(value.replace(',', '.'));
    }

    public @Nullable Integer integer(String name, int min, int max) {
        String value = optional(name);
        if (value == null) {
            return null;
        }
        try {
            int n = Integer.parseInt(THOUSANDS.matcher(value).matches() ? value.replace(".", "") : value);
            if (n < min || n > max) {
                problem(name, value, "Moet tussen " + min + " en " + max + " liggen.");
                return null;
            }
            return n;
        } catch (NumberFormatException e) {
            problem(name, value, "Geen geheel getal.");
            return null;
        }
    }

    public @Nullable Boolean yesNo(String name) {
        String value = optional(name);
        if (value == null) {
            return null;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "ja", "j", "yes", "y", "true", "1", "waar" -> true;
            case "nee", "n", "no", "false", "0", "onwaar" -> false;
            default -> {
                problem(name, value, "Vul ja of nee in.");
                yield null;
            }
        };
    }

    /**
     * A moment as ISO date-time with offset ({@code 2026-12-01T08:30:00+01:00}), or a date (the start of that day in
     * Amsterdam), not after {@code latest}.
     */
    public java.time.@Nullable OffsetDateTime moment(String name, java.time.OffsetDateTime latest) {
        String value = optional(name);
        if (value == null) {
            return null;
        }
        java.time.OffsetDateTime moment;
        try {
            moment = java.time.OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            LocalDate date = date(name, latest.toLocalDate());
            if (date == null) {
                return null;
            }
            moment = date.atStartOfDay(java.time.ZoneId.of("Europe/Amsterdam")).toOffsetDateTime();
        }
        if (moment.isAfter(latest)) {
            problem(name, value, "Dit tijdstip ligt in de toekomst.");
            return null;
        }
        return moment;
    }

    /** A date as jjjj-mm-dd or dd-mm-jjjj (also with /), not after {@code latest}. */
    public @Nullable LocalDate date(String name, LocalDate latest) {
        String value = optional(name);
        if (value == null) {
            return null;
        }
        for (DateTimeFormatter format : DATES) {
            try {
                LocalDate date = LocalDate.parse(value, format);
                if (date.getYear() < 1900 || date.isAfter(latest)) {
                    problem(name, value, "De datum ligt " + (date.getYear() < 1900 ? "vóór 1900." : "in de toekomst."));
                    return null;
                }
                return date;
            } catch (DateTimeParseException e) {
                // the next format
            }
        }
        problem(name, value, "Geen datum; gebruik jjjj-mm-dd of dd-mm-jjjj.");
        return null;
    }
}
