package nl.netwerkzorg.atlas.base;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * CSV the way Dutch Excel opens it: UTF-8 with a byte-order mark, {@code ;} between cells, CRLF line ends, quotes where
 * needed. A cell that starts with {@code =}, {@code +}, {@code -}, {@code @}, tab or carriage return is prefixed with
 * {@code '} so a spreadsheet never runs it as a formula (CSV injection); numbers are passed as numbers and are not touched.
 */
public final class CsvExport {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private CsvExport() {
    }

    /** A header row and data rows; each cell is a String (text, neutralised) or a Number (written as formatted by the caller). */
    public static byte[] toBytes(List<String> header, List<? extends List<?>> rows) {
        StringBuilder out = new StringBuilder();
        line(out, header);
        for (List<?> row : rows) {
            line(out, row);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(BOM);
        bytes.writeBytes(out.toString().getBytes(StandardCharsets.UTF_8));
        return bytes.toByteArray();
    }

    /**
     * A CSV written row by row to a stream (a large export that never sits in memory whole): the byte-order mark and
     * header at once, then {@link #row} per data row. Closing it flushes but does not close the stream.
     */
    public static final class Writer implements java.io.Flushable {
        private final java.io.Writer out;

        public Writer(java.io.OutputStream stream, List<String> header) {
            this.out = new java.io.BufferedWriter(new java.io.OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
            try {
                stream.write(BOM);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            row(header);
        }

        public void row(List<?> cells) {
            StringBuilder line = new StringBuilder(128);
            line(line, cells);
            try {
                out.write(line.toString());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override
        public void flush() {
            try {
                out.flush();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    private static void line(StringBuilder out, List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(';');
            }
            Object cell = cells.get(i);
            out.append(cell instanceof Numeric n ? n.text() : quote(neutralise(cell == null ? "" : cell.toString())));
        }
        out.append("\r\n");
    }

    /** A number already formatted for the reader's locale (e.g. {@code 3,25}); written as is, never neutralised. */
    public record Numeric(String text) {
    }

    static String neutralise(String text) {
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }

    private static String quote(String text) {
        if (text.indexOf(';') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0
                || text.indexOf(',') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
