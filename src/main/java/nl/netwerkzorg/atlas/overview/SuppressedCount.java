package nl.netwerkzorg.atlas.overview;

import java.text.NumberFormat;
import java.util.Locale;

/**
 * A count of clients that is never shown below the privacy threshold: 1 to 4 become "&lt;5" (small-cell
 * suppression, DESIGN.md §6). Zero stays zero: it reveals no person. The exact value is not kept.
 */
public final class SuppressedCount implements Comparable<SuppressedCount> {

    public static final int THRESHOLD = 5;
    private final long value;
    private final boolean suppressed;

    private SuppressedCount(long value, boolean suppressed) {
        this.value = value;
        this.suppressed = suppressed;
    }

    public static SuppressedCount of(long count) {
        return count > 0 && count < THRESHOLD ? new SuppressedCount(-1, true) : new SuppressedCount(count, false);
    }

    /** A count shown as it is (for roles that may see small client counts). */
    public static SuppressedCount exact(long count) {
        return new SuppressedCount(count, false);
    }

    public boolean suppressed() {
        return suppressed;
    }

    /** The count, or -1 when suppressed. */
    public long value() {
        return value;
    }

    /** Sort key: a suppressed count sorts between 0 and 5. */
    private double sortKey() {
        return suppressed ? 2.5 : value;
    }

    public String format(Locale locale) {
        return suppressed ? "<" + THRESHOLD : NumberFormat.getIntegerInstance(locale).format(value);
    }

    @Override
    public int compareTo(SuppressedCount other) {
        return Double.compare(sortKey(), other.sortKey());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SuppressedCount other && other.value == value && other.suppressed == suppressed;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(value) * 31 + (suppressed ? 1 : 0);
    }

    @Override
    public String toString() {
        return format(Locale.ROOT);
    }
}
