package nl.netwerkzorg.atlas.base.ui;

import java.util.Arrays;

/**
 * Equal-count classes for a choropleth map: the upper bounds of {@code classes} classes over the given values (each
 * class holds about as many values as the next), and the class a value falls in. Repeated bounds (many equal values)
 * are kept, so a colour array of the same length can be indexed directly; legends skip the repeats.
 */
public final class ClassBreaks {

    private ClassBreaks() {
    }

    /** Upper bounds of {@code classes} equal-count classes of {@code values} (all zeros when there are none). */
    public static double[] of(double[] values, int classes) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double[] breaks = new double[classes];
        for (int i = 0; i < classes; i++) {
            breaks[i] = sorted.length == 0 ? 0
                    : sorted[Math.min(sorted.length - 1, (int) Math.ceil((i + 1) * sorted.length / (double) classes) - 1)];
        }
        return breaks;
    }

    /**
     * The fewest fraction digits (from {@code fewest} to {@code most}) at which the distinct bounds, and the lower
     * start {@code from}, still read as different numbers — so a legend never shows "4,0 – 4,0".
     */
    public static int digits(double[] breaks, double from, int fewest, int most) {
        double[] values = java.util.stream.DoubleStream.concat(java.util.stream.DoubleStream.of(from),
                Arrays.stream(breaks)).distinct().toArray();
        for (int digits = fewest; digits < most; digits++) {
            double scale = Math.pow(10, digits);
            long distinct = Arrays.stream(values).map(v -> Math.round(v * scale)).distinct().count();
            if (distinct == values.length) {
                return digits;
            }
        }
        return most;
    }

    /** The first class whose upper bound is at least {@code value} (the last class for larger values). */
    public static int bucket(double value, double[] breaks) {
        for (int i = 0; i < breaks.length; i++) {
            if (value <= breaks[i]) {
                return i;
            }
        }
        return breaks.length - 1;
    }
}
