package nl.netwerkzorg.atlas.geography;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class SemicolonCsvTest {

    private static final List<String> HEADER = List.of("a", "b");

    @Test
    void acceptsSemicolonAndCommaAndQuotes() {
        assertThat(SemicolonCsv.read("a;b\n1;\"x;y\"\n", HEADER)).singleElement()
                .satisfies(r -> assertThat(r.fields()).containsExactly("1", "x;y"));
        assertThat(SemicolonCsv.read("\uFEFFa,b\r\n1,\"say \"\"hi\"\"\"\r\n\r\n", HEADER)).singleElement()
                .satisfies(r -> {
                    assertThat(r.line()).isEqualTo(2);
                    assertThat(r.fields()).containsExactly("1", "say \"hi\"");
                });
    }

    @Test
    void wrongHeaderIsRejectedOnLineOne() {
        assertThatThrownBy(() -> SemicolonCsv.read("x;y\n1;2", HEADER))
                .isInstanceOfSatisfying(CsvImportException.class, e ->
                        assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.line()).isEqualTo(1)));
        assertThatThrownBy(() -> SemicolonCsv.read("", HEADER)).isInstanceOf(CsvImportException.class);
    }
}
