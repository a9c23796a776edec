package nl.netwerkzorg.atlas.exchange;

import nl.netwerkzorg.atlas.analysis.PatientSharing;
import nl.netwerkzorg.atlas.client.ClientQualityRules;
import org.springframework.stereotype.Component;

/**
 * The background work of the start and of imports (the patient-sharing network, then the client signals) writes to the
 * shared test database too; a test that compares the database before and after waits for it first.
 */
@Component
public class BackgroundWork {

    private final PatientSharing sharing;
    private final ClientQualityRules rules;

    BackgroundWork(PatientSharing sharing, ClientQualityRules rules) {
        this.sharing = sharing;
        this.rules = rules;
    }

    /** Waits (at most five minutes) until neither runs. */
    public void awaitQuiet() throws InterruptedException {
        long end = System.currentTimeMillis() + 300_000;
        Thread.sleep(100);
        while ((sharing.status().running() || rules.progress().isPresent()) && System.currentTimeMillis() < end) {
            Thread.sleep(200);
        }
    }
}
