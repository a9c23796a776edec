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
        int firstBreak = firstLineEnd(text);
        String headerLine = text.substring(0, firstBreak);
        if (headerLine.isBlank()) {
            problems.add(new ImportProblem(1, "", "", "De eerste regel moet de kopregel zijn; die is leeg."));
            return new Parsed(List.of(), List.of(), ';', encoding, problems);
        }
        char separator = headerLine.indexOf(';') >= 0 ? ';' : headerLine.indexOf(',') >= 0 ? ','
                : headerLine.indexOf('\t') >= 0 ? '\t' : ';';
        List<Row> records = records(text, separator, problems);
        List<String> header = new ArrayList<>();
        for (String h : records.getFirst().cells()) {
            header.add(h.strip().toLowerCase(Locale.ROOT));
        }
        return new Parsed(List.copyOf(header), List.copyOf(records.subList(1, records.size())), separator, encoding, problems);
    }

    private static int firstLineEnd(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n' || text.charAt(i) == '\r') {
                return i;
            }
        }
        return text.length();
    }

    /**
     * Splits the text into records: a line break inside a quoted cell (Alt+Enter in Excel) belongs to the cell, so a
     * record may span lines; it carries the number of the line it starts on. Blank lines are skipped; a record longer
     * than {@value #MAX_LINE} characters or with a quote that is never closed is reported and left out.
     */
    static List<Row> records(String text, char separator, List<ImportProblem> problems) {
        List<Row> records = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int start = 1;
        int length = 0;
        for (int i = 0; i <= text.length(); i++) {
            boolean end = i == text.length();
            char c = end ? '\n' : text.charAt(i);
            if (!end && quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                    if (c == '\r' || c == '\n') {
                        line++;
                        c = '\n';
                    }
                    cell.append(c);
                }
                length++;
                continue;
            }
            if (c == '\n' || c == '\r') {
                if (quoted) {
                    problems.add(new ImportProblem(start, "", "", "Een aanhalingsteken (\") wordt niet gesloten."));
                    quoted = false;
                } else {
                    cells.add(cell.toString());
                    boolean blank = cells.size() == 1 && cells.getFirst().isBlank();
                    if (length > MAX_LINE) {
                        problems.add(new ImportProblem(start, "", "", "De regel is te lang (" + length + " tekens, hoogstens "
                                + MAX_LINE + ")."));
                    } else if (!blank || records.isEmpty()) {
                        records.add(new Row(start, List.copyOf(cells)));
                    }
                }
                cells.clear();
                cell.setLength(0);
                length = 0;
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                line++;
                start = line;
                continue;
            }
            length++;
            if (c == '"' && cell.toString().isBlank()) {
                cell.setLength(0);
                quoted = true;
            } else if (c == separator) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        if (records.isEmpty()) {
            records.add(new Row(1, List.of("")));
        }
        return records;
    }
}
