package nl.netwerkzorg.atlas.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** CSV for Dutch Excel: BOM, semicolons, quoting, and no cell that a spreadsheet would run as a formula. */
class CsvExportTest {

    private static String text(byte[] bytes) {
        return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
    }

    @Test
    void startsWithAByteOrderMarkAndSeparatesWithSemicolons() {
        byte[] csv = CsvExport.toBytes(List.of("Gemeente", "Inwoners"), List.of(List.of("'s-Hertogenbosch", new CsvExport.Numeric("160.000"))));
        assertThat(Arrays.copyOf(csv, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(text(csv)).isEqualTo("Gemeente;Inwoners\r\n's-Hertogenbosch;160.000\r\n");
    }

    @Test
    void quotesCellsWithSeparatorsQuotesOrLineBreaks() {
        byte[] csv = CsvExport.toBytes(List.of("a"), List.of(List.of("Huisarts; Apotheek"), List.of("zei \"ja\""), List.of("twee\nregels")));
        assertThat(text(csv)).isEqualTo("a\r\n\"Huisarts; Apotheek\"\r\n\"zei \"\"ja\"\"\"\r\n\"twee\nregels\"\r\n");
    }

    @Test
    void neutralisesFormulaCellsButNotNumbers() {
        byte[] csv = CsvExport.toBytes(List.of("cel"), List.of(List.of("=HYPERLINK(\"http://x\")"), List.of("+31"), List.of("-1"),
                List.of("@SUM(A1)"), List.of(new CsvExport.Numeric("-1,5"))));
        assertThat(text(csv).split("\r\n")).containsExactly("cel", "\"'=HYPERLINK(\"\"http://x\"\")\"", "'+31", "'-1", "'@SUM(A1)", "-1,5");
    }
}
