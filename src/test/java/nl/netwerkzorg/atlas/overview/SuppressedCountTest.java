package nl.netwerkzorg.atlas.overview;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;

class SuppressedCountTest {

    private static final Locale DUTCH = Locale.of("nl", "NL");

    @Test
    void oneToFourAreShownAsLessThanFive() {
        for (int n = 1; n < 5; n++) {
            assertThat(SuppressedCount.of(n).format(DUTCH)).isEqualTo("<5");
            assertThat(SuppressedCount.of(n).value()).isEqualTo(-1);
        }
    }

    @Test
    void zeroAndFiveAndMoreAreShown() {
        assertThat(SuppressedCount.of(0).format(DUTCH)).isEqualTo("0");
        assertThat(SuppressedCount.of(5).format(DUTCH)).isEqualTo("5");
        assertThat(SuppressedCount.of(12345).format(DUTCH)).isEqualTo("12.345");
    }

    @Test
    void suppressedSortsBetweenZeroAndFive() {
        assertThat(SuppressedCount.of(3)).isGreaterThan(SuppressedCount.of(0)).isLessThan(SuppressedCount.of(5));
    }
}
