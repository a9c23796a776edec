package nl.netwerkzorg.atlas.analysis;

import java.util.Arrays;

/**
 * Counts (or flags) per unordered pair of small non-negative ints (provider indexes): an open-addressing hash map from
 * the packed pair to an int, so the tens of millions of increments of a national derivation, and the hundreds of
 * thousands of ties of a province, allocate nothing per pair.
 */
final class PairCounts {

    private static final long EMPTY = -1L;

    private long[] keys;
    private int[] counts;
    private int size;

    PairCounts(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new long[capacity];
        Arrays.fill(keys, EMPTY);
        counts = new int[capacity];
    }

    /** Adds one to the pair {a, b} (a ≠ b; order does not matter). */
    void increment(int a, int b) {
        add(a, b, 1);
    }

    /** Sets bits of the pair's value (a set of flags per pair, e.g. the kinds of collaboration between them). */
    void or(int a, int b, int bits) {
        int slot = slot(a, b);
        counts[slot] |= bits;
    }

    /** Adds {@code amount} to the pair {a, b} (a ≠ b; order does not matter). */
    void add(int a, int b, int amount) {
        int slot = slot(a, b);
        counts[slot] += amount;
    }

    /** A consumer of (lower index, higher index, value). */
    interface PairConsumer {
        void accept(int a, int b, int value);
    }

    /** Every pair with its value, in no particular order. */
    void forEach(PairConsumer consumer) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != EMPTY) {
                consumer.accept((int) (keys[i] >>> 32), (int) keys[i], counts[i]);
            }
        }
    }

    /** The slot of the pair, inserted with value 0 when new (growing the table first when needed). */
    private int slot(int a, int b) {
        long key = a < b ? ((long) a << 32) | b : ((long) b << 32) | a;
        int mask = keys.length - 1;
        int slot = mix(key) & mask;
        while (keys[slot] != EMPTY && keys[slot] != key) {
            slot = (slot + 1) & mask;
        }
        if (keys[slot] == EMPTY) {
            if ((size + 1) * 4L > keys.length * 3L) {
                grow();
                return slot(a, b);
            }
            keys[slot] = key;
            size++;
        }
        return slot;
    }

    int size() {
        return size;
    }

    /** The count of the pair {a, b}; 0 when they share nothing. */
    int count(int a, int b) {
        long key = a < b ? ((long) a << 32) | b : ((long) b << 32) | a;
        int mask = keys.length - 1;
        for (int slot = mix(key) & mask; keys[slot] != EMPTY; slot = (slot + 1) & mask) {
            if (keys[slot] == key) {
                return counts[slot];
            }
        }
        return 0;
    }

    /** Every pair with at least {@code minimum} as {lower, higher, count}, sorted by lower then higher index. */
    int[][] atLeast(int minimum) {
        int n = 0;
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != EMPTY && counts[i] >= minimum) {
                n++;
            }
        }
        long[] packed = new long[n];
        int[] values = new int[n];
        int j = 0;
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != EMPTY && counts[i] >= minimum) {
                packed[j++] = keys[i];
            }
        }
        Arrays.sort(packed);
        for (int i = 0; i < n; i++) {
            values[i] = count((int) (packed[i] >>> 32), (int) packed[i]);
        }
        int[][] pairs = new int[n][];
        for (int i = 0; i < n; i++) {
            pairs[i] = new int[] {(int) (packed[i] >>> 32), (int) packed[i], values[i]};
        }
        return pairs;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldCounts = counts;
        keys = new long[oldKeys.length * 2];
        Arrays.fill(keys, EMPTY);
        counts = new int[keys.length];
        int mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                int slot = mix(oldKeys[i]) & mask;
                while (keys[slot] != EMPTY) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = oldKeys[i];
                counts[slot] = oldCounts[i];
            }
        }
    }

    private static int mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
