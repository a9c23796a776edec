package nl.netwerkzorg.atlas.demo;

import java.util.SplittableRandom;

/**
 * Derives independent random streams from the seed and a key (purpose, municipality code, …), so the
 * data of one municipality does not depend on the order or the set of municipalities generated.
 */
final class DemoRandom {

    private DemoRandom() {
    }

    static SplittableRandom of(long seed, String... key) {
        long h = 0xcbf29ce484222325L; // FNV-1a 64 over the key parts
        for (String part : key) {
            for (int i = 0; i < part.length(); i++) {
                h ^= part.charAt(i);
                h *= 0x100000001b3L;
            }
            h ^= 0x1f;
            h *= 0x100000001b3L;
        }
        return new SplittableRandom(mix(seed * 0x9E3779B97F4A7C15L + h));
    }

    /** Rounds an expected count up or down at random so the expectation is kept. */
    static int roundRandomly(double expected, SplittableRandom random) {
        int whole = (int) Math.floor(expected);
        return whole + (random.nextDouble() < expected - whole ? 1 : 0);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
