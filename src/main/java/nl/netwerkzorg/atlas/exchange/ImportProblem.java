package nl.netwerkzorg.atlas.exchange;

/**
 * One reason a file cannot be imported: the line (1 = the header, 0 = the file as a whole), the column (empty when the
 * problem is the whole line or file), the offending value (cut to 80 characters) and a Dutch message.
 */
public record ImportProblem(int line, String column, String value, String message) {

    public ImportProblem {
        value = value.length() > 80 ? value.substring(0, 80) + "…" : value;
    }

    static ImportProblem file(String message) {
        return new ImportProblem(0, "", "", message);
    }

    @Override
    public String toString() {
        return (line > 0 ? "regel " + line : "bestand") + (column.isEmpty() ? "" : ", kolom " + column)
                + (value.isEmpty() ? "" : " ('" + value + "')") + ": " + message;
    }
}
