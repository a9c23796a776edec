package nl.netwerkzorg.atlas.exchange;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A CSV file as Dutch users bring it: {@code ;} (Excel in Dutch) or {@code ,} as separator, taken from the header; UTF-8
 * with or without a byte-order mark, or Windows-1252 (older Excel) when the bytes are not valid UTF-8; quoted cells
 * with doubled quotes. Rejects what is not a text table (NUL bytes, control characters), lines longer than
 * {@value #MAX_LINE} characters and unbalanced quotes, with the line that has them.
 */
public final class CsvFile {

    public static final int MAX_LINE = 10_000;
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** A data line: its 1-based line number and its cells by lower-case header name. */
    public record Row(int line, List<String> cells) {
    }

    /** The decoded file: header (lower case, stripped), rows, the separator and encoding found, or the problems. */
    public record Parsed(List<String> header, List<Row> rows, char separator, String encoding, List<ImportProblem> problems) {
    }

    private CsvFile() {
    }

    /** Decodes and splits the file; problems are returned, never thrown. */
    public static Parsed parse(byte[] bytes) {
        List<ImportProblem> problems = new ArrayList<>();
        if (bytes.length == 0) {
            problems.add(ImportProblem.file("Het bestand is leeg."));
            return new Parsed(List.of(), List.of(), ';', "", problems);
        }
        String encoding = "UTF-8";
        String text;
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
        } catch (CharacterCodingException e) {
            encoding = "Windows-1252";
            text = new String(bytes, WINDOWS_1252);
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0 || (c < 0x20 && c != '\n' && c != '\r' && c != '\t')) {
                problems.add(ImportProblem.file("Dit is geen tekstbestand (CSV): het bevat binaire tekens. Sla het bestand op als "
                        + "CSV (puntkomma- of kommagescheiden)."));
                return new Parsed(List.of(), List.of(), ';', encoding, problems);
            }
        }
        String[] lines = text.split("\\r\\n|\\n|\\r", -1);
        if (lines[0].isBlank()) {
            problems.add(new ImportProblem(1, "", "", "De eerste regel moet de kopregel zijn; die is leeg."));
            return new Parsed(List.of(), List.of(), ';', encoding, problems);
        }
        char separator = lines[0].indexOf(';') >= 0 ? ';' : lines[0].indexOf(',') >= 0 ? ',' : lines[0].indexOf('\t') >= 0 ? '\t' : ';';
        List<String> header = new ArrayList<>();
        for (String h : split(lines[0], separator, 1, problems)) {
            header.add(h.strip().toLowerCase(Locale.ROOT));
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank()) {
                continue;
            }
            if (line.length() > MAX_LINE) {
                problems.add(new ImportProblem(i + 1, "", "", "De regel is te lang (" + line.length() + " tekens, hoogstens "
                        + MAX_LINE + ")."));
                continue;
            }
            rows.add(new Row(i + 1, split(line, separator, i + 1, problems)));
        }
        return new Parsed(List.copyOf(header), List.copyOf(rows), separator, encoding, problems);
    }

    static List<String> split(String line, char separator, int lineNumber, List<ImportProblem> problems) {
        List<String> cells = new ArrayList<>();
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
            } else if (c == '"' && current.toString().isBlank()) {
                quoted = true;
            } else if (c == separator) {
                cells.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (quoted) {
            problems.add(new ImportProblem(lineNumber, "", "", "Een aanhalingsteken (\") wordt niet gesloten."));
        }
        cells.add(current.toString());
        return cells;
    }
}
