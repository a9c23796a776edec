package nl.netwerkzorg.atlas.analysis;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code atlas.analysis.*}.
 *
 * @param sharingMinimum the fewest shared clients for which a {@code SHARES_CLIENTS} tie is stored (and so the lowest
 *                       threshold an analysis can use); 2 by default, because a pair of providers with a single client in
 *                       common is mostly chance (a pharmacy and a physiotherapist who both see one neighbour) and
 *                       would more than triple the stored ties at the national scale
 * @param writeBatch     relationships written per transaction while the patient-sharing network is derived
 */
@ConfigurationProperties("atlas.analysis")
public record AnalysisProperties(@DefaultValue("2") int sharingMinimum, @DefaultValue("20000") int writeBatch) {

    public AnalysisProperties {
        if (sharingMinimum < 1) {
            throw new IllegalArgumentException("atlas.analysis.sharing-minimum must be at least 1, not " + sharingMinimum);
        }
        if (writeBatch < 100) {
            throw new IllegalArgumentException("atlas.analysis.write-batch must be at least 100, not " + writeBatch);
        }
    }
}
