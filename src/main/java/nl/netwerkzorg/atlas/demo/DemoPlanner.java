package nl.netwerkzorg.atlas.demo;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The DB-free planning layer: from municipalities, pathways and a seed, the complete synthetic graph as
 * rows. Providers and networks are planned up front; clients municipality by municipality so memory
 * stays bounded. The same inputs and seed always give the same rows.
 */
final class DemoPlanner {

    /** "Today" of the synthetic data; fixed so that the seed alone decides the graph. */
    static final LocalDate REFERENCE_DATE = LocalDate.of(2026, 1, 1);
    static final int REFERENCE_YEAR = REFERENCE_DATE.getYear();
    static final OffsetDateTime REFERENCE_TIME = OffsetDateTime.of(2026, 1, 1, 8, 0, 0, 0, ZoneOffset.UTC);

    /** Receives the clients of one municipality. */
    @FunctionalInterface
    interface ClientSink {
        void accept(int municipalityIndex, List<PlannedClient> clients);
    }

    private final ProviderPlan providers;
    private final NetworkPlan networks;
    private final ClientPlanner clients;

    private DemoPlanner(ProviderPlan providers, NetworkPlan networks, ClientPlanner clients) {
        this.providers = providers;
        this.networks = networks;
        this.clients = clients;
    }

    static DemoPlanner plan(List<MunicipalityInput> municipalities, List<PathwaySpec> pathways, long seed) {
        ProviderPlan providers = ProviderPlanner.plan(municipalities, seed);
        NetworkPlan networks = NetworkPlanner.plan(providers, seed);
        return new DemoPlanner(providers, networks, new ClientPlanner(providers, networks, pathways, seed));
    }

    ProviderPlan providers() {
        return providers;
    }

    NetworkPlan networks() {
        return networks;
    }

    /** Plans the clients of every municipality in code order; client and carer ids continue across them. */
    void forEachMunicipality(ClientSink sink) {
        long nextClient = 1;
        long nextCarer = 1;
        for (int m = 0; m < providers.municipalities().size(); m++) {
            List<PlannedClient> planned = clients.plan(m, nextClient, nextCarer);
            nextClient += planned.size();
            for (PlannedClient c : planned) {
                nextCarer += c.carers().size();
            }
            sink.accept(m, planned);
        }
    }

    List<PlannedClient> clientsOf(int municipalityIndex, long firstClient, long firstCarer) {
        return clients.plan(municipalityIndex, firstClient, firstCarer);
    }
}
