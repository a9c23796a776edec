package nl.netwerkzorg.atlas.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Equal-count classes for the choropleth maps, and the chart option the Java API builds. */
class ClassBreaksTest {

    @Test
    void tenValuesInFiveClassesOfTwo() {
        double[] breaks = ClassBreaks.of(new double[] {10, 1, 9, 2, 8, 3, 7, 4, 6, 5}, 5);
        assertThat(breaks).containsExactly(2, 4, 6, 8, 10);
        assertThat(ClassBreaks.bucket(1, breaks)).isZero();
        assertThat(ClassBreaks.bucket(4.5, breaks)).isEqualTo(2);
        assertThat(ClassBreaks.bucket(10, breaks)).isEqualTo(4);
        assertThat(ClassBreaks.bucket(99, breaks)).isEqualTo(4);
    }

    @Test
    void repeatedValuesRepeatTheirBoundAndNoValuesGiveZeros() {
        assertThat(ClassBreaks.of(new double[] {0, 0, 0, 1}, 4)).containsExactly(0, 0, 0, 1);
        assertThat(ClassBreaks.of(new double[0], 3)).containsExactly(0, 0, 0);
    }

    @Test
    void legendsGetJustEnoughDigitsToTellTheBoundsApart() {
        assertThat(ClassBreaks.digits(new double[] {3.9, 4.0, 4.04, 4.08, 4.3}, 0, 1, 3)).isEqualTo(2);
        assertThat(ClassBreaks.digits(new double[] {1, 2, 3}, 0, 1, 3)).isEqualTo(1);
        assertThat(ClassBreaks.digits(new double[] {1.0001, 1.0002}, 0, 1, 3)).isEqualTo(3);
        assertThat(ClassBreaks.digits(new double[] {2, 2, 5}, 0, 0, 2)).isZero();
    }

    @Test
    void theChartOptionHasOneAxisPerSideInUse() {
        var chart = new AtlasChart.Chart("Titel", "x", java.util.List.of("a", "b"), "links", java.util.List.of(
                AtlasChart.Series.bars("s1", java.util.List.of(1, 2), "#111111"),
                AtlasChart.Series.line("s2", java.util.Arrays.asList(null, 3.5), "#222222").onRightAxis()));
        var option = AtlasChart.option(chart);
        assertThat((java.util.List<?>) option.get("yAxis")).hasSize(2);
        assertThat(option).containsKey("legend");
        assertThat(option.get("series").toString()).contains("type=bar").contains("type=line").contains("yAxisIndex=1")
                .contains("data=[null, 3.5]");
        var single = AtlasChart.option(new AtlasChart.Chart("T", "x", java.util.List.of("a"), "y", java.util.List.of(
                AtlasChart.Series.bars("s", java.util.List.of(1), "#111111"))));
        assertThat((java.util.List<?>) single.get("yAxis")).hasSize(1);
        assertThat(single).doesNotContainKey("legend");
    }
}
