package nl.netwerkzorg.atlas.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/** The degree distribution in the bins the chart shows. */
class DegreeBinsTest {

    @Test
    void binsRunUpToTheHighestDegreeAndKeepEmptyOnes() {
        TreeMap<Integer, Integer> distribution = new TreeMap<>();
        distribution.put(0, 3);
        distribution.put(2, 5);
        distribution.put(7, 1);
        distribution.put(9, 2);
        distribution.put(12, 4);
        assertThat(Analysis.degreeBins(distribution)).extracting(b -> b.from() + "-" + b.to() + ":" + b.providers())
                .containsExactly("0-0:3", "1-1:0", "2-2:5", "3-3:0", "4-4:0", "5-9:3", "10-19:4");
    }

    @Test
    void theLastBinIsOpen() {
        TreeMap<Integer, Integer> distribution = new TreeMap<>();
        distribution.put(499, 1);
        distribution.put(500, 2);
        distribution.put(2000, 3);
        assertThat(Analysis.degreeBins(distribution).reversed()).extracting(b -> b.from() + "-" + b.to() + ":" + b.providers())
                .startsWith("500--1:5", "200-499:1");
        assertThat(Analysis.degreeBins(new TreeMap<>())).extracting(Analysis.DegreeBin::providers).containsExactly(0);
    }
}
