package nl.netwerkzorg.atlas.geography;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import nl.netwerkzorg.atlas.geography.CsvImportException.RowProblem;

/**
 * Reads the small CSV files users import: Dutch Excel writes {@code ;}, others {@code ,}; the separator is taken
 * from the header. Quoted fields with doubled quotes are supported; a BOM is ignored.
 */
final class SemicolonCsv {

    /** One data row with its 1-based line number in the file. */
    record Row(int line, List<String> fields) {
        String get(int i) {
            return i < fields.size() ? fields.get(i).strip() : "";
        }
    }

    private SemicolonCsv() {
    }

    static List<Row> read(String text, List<String> expectedHeader) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String[] lines = text.split("\\r?\\n|\\r", -1);
        if (lines.length == 0 || lines[0].isBlank()) {
            throw new CsvImportException(List.of(new RowProblem(1, "het bestand is leeg; verwacht kopregel "
                    + String.join(";", expectedHeader))));
        }
        char separator = lines[0].indexOf(';') >= 0 ? ';' : ',';
        List<String> header = split(lines[0], separator).stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        if (!header.equals(expectedHeader)) {
            throw new CsvImportException(List.of(new RowProblem(1, "kopregel moet zijn '"
                    + String.join(";", expectedHeader) + "' maar is '" + lines[0].strip() + "'")));
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                rows.add(new Row(i + 1, split(lines[i], separator)));
            }
        }
        return rows;
    }

    static List<String> split(String line, char separator) {
        List<String> fields = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    current.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    current.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == separator) {
                fields.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        fields.add(current.toString());
        return fields;
    }
}
