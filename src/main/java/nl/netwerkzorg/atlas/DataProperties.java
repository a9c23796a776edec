package nl.netwerkzorg.atlas;

import nl.netwerkzorg.atlas.demo.DataPreset;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code atlas.data.*}: which synthetic data set to generate into an empty database.
 *
 * @param preset DEMO (province Utrecht), NATIONAL (all 342 municipalities) or NONE
 * @param seed   the generator seed; the same seed gives the same data
 * @param reset  delete generated data and generate again at this start
 * @param background generate after the web server is up, so the login page is there at once and the screens show
 *                   the progress; false generates before the server accepts requests (the tests do)
 */
@ConfigurationProperties("atlas.data")
public record DataProperties(@DefaultValue("DEMO") String preset,
                             @DefaultValue("20261123") long seed,
                             @DefaultValue("false") boolean reset,
                             @DefaultValue("true") boolean background) {

    /** The preset, or empty for NONE. */
    public java.util.Optional<DataPreset> presetValue() {
        String p = preset.strip().toUpperCase(java.util.Locale.ROOT);
        if (p.equals("NONE")) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(DataPreset.valueOf(p));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("atlas.data.preset must be DEMO, NATIONAL or NONE, not '" + preset + "'");
        }
    }
}
