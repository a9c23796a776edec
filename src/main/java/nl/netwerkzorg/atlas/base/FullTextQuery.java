package nl.netwerkzorg.atlas.base;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Lucene queries for the full-text indexes from text a user typed. The text is cut into words the way the index's
 * standard analyser cuts names and addresses — runs of letters and digits, lower case — so "ParkinsonNet-regio" is two
 * words, and no Lucene syntax ({@code * ( : "}) a user types survives into the query.
 */
public final class FullTextQuery {

    private FullTextQuery() {
    }

    public static List<String> words(String text) {
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")).filter(w -> !w.isEmpty()).toList();
    }

    /** Every word as a prefix: {@code apoth* AND hout*}; empty without words. */
    public static String allPrefixes(Collection<String> words) {
        return words.stream().map(w -> w + "*").collect(Collectors.joining(" AND "));
    }

    /** Every word in one field: {@code address:4461 AND address:goes}; empty without words. */
    public static String allInField(String field, Collection<String> words) {
        return words.stream().map(w -> field + ":" + w).collect(Collectors.joining(" AND "));
    }
}
