package nl.netwerkzorg.atlas.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import nl.netwerkzorg.atlas.AtlasSpringTest;
import nl.netwerkzorg.atlas.client.ClientRates.Rate;
import nl.netwerkzorg.atlas.client.ClientRates.Rates;
import nl.netwerkzorg.atlas.overview.SuppressedCount;
import nl.netwerkzorg.atlas.security.AtlasPrincipal;
import nl.netwerkzorg.atlas.security.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.access.AccessDeniedException;

/** Signalen per regio on the fixture (Zeeland holds only the nine fixture clients, all in Middelburg). */
@AtlasSpringTest
class ClientRatesTest {

    static final Locale NL = Locale.of("nl");
    static final AtlasPrincipal ANALYST = new AtlasPrincipal("rates-analyst", "", "Beleid", Role.POLICY_ANALYST, true, null,
            List.of());
    static final AtlasPrincipal ZEELAND = new AtlasPrincipal("rates-zeeland", "", "Zeeland", Role.NETWORK_MANAGER, true, null,
            List.of("PV29"));
    static final AtlasPrincipal UTRECHT = new AtlasPrincipal("rates-utrecht", "", "Utrecht", Role.NETWORK_MANAGER, true, null,
            List.of("PV26"));
    static final AtlasPrincipal CARE = new AtlasPrincipal("rates-care", "", "Zorg", Role.CARE_STAFF, true, "CF-CM", List.of());

    @Autowired
    ClientRates rates;
    @Autowired
    ClientQualityRules rules;
    @Autowired
    Neo4jClient neo4j;

    @BeforeEach
    void fixture() {
        ClientFixture.create(neo4j);
        for (int n = 1; n <= 9; n++) {
            rules.recompute("C961000" + n);
        }
    }

    @AfterEach
    void remove() {
        ClientFixture.remove(neo4j);
    }

    private static Rate middelburg(Rates r) {
        return r.municipalities().stream().filter(m -> m.code().equals(ClientFixture.MUNICIPALITY)).findFirst().orElseThrow();
    }

    @Test
    void aManagerSeesExactCountsAndSharesPerMunicipalityAndCondition() {
        Rates r = rates.rates(ZEELAND, "PV29", Optional.empty(), NL).orElseThrow();
        Rate m = middelburg(r);
        assertThat(m.clients()).isEqualTo(SuppressedCount.exact(9));
        assertThat(m.flagged().get(ClientFlag.PATHWAY_GAP)).isEqualTo(SuppressedCount.exact(4));
        assertThat(m.flagged().get(ClientFlag.ALONE_AT_RISK)).isEqualTo(SuppressedCount.exact(1));
        assertThat(m.share(ClientFlag.PATHWAY_GAP).orElseThrow()).isCloseTo(4 / 9.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(r.total().clients().value()).isEqualTo(9);
        assertThat(r.municipalities()).hasSizeGreaterThan(10)
                .filteredOn(x -> !x.code().equals(ClientFixture.MUNICIPALITY)).allSatisfy(x -> assertThat(x.clients().value()).isZero());
        assertThat(r.conditions()).singleElement().satisfies(k -> {
            assertThat(k.code()).isEqualTo("DEMENTIE");
            assertThat(k.flagged().get(ClientFlag.FRAGMENTED).value()).isEqualTo(1);
        });
        Rates none = rates.rates(ZEELAND, "PV29", Optional.of("COPD"), NL).orElseThrow();
        assertThat(none.total().clients().value()).isZero();
    }

    @Test
    void aPolicyAnalystNeverSeesACountBelowFiveNorAShareFromOne() {
        Rates r = rates.rates(ANALYST, "PV29", Optional.empty(), NL).orElseThrow();
        Rate m = middelburg(r);
        assertThat(m.clients()).as("9, rounded to a multiple of 5").isEqualTo(SuppressedCount.exact(10));
        assertThat(r.total().clients()).isEqualTo(SuppressedCount.exact(10));
        for (ClientFlag flag : ClientFlag.values()) {
            assertThat(m.flagged().get(flag).suppressed()).as(flag.name()).isTrue();
            assertThat(m.flagged().get(flag).format(NL)).isEqualTo("<5");
            assertThat(m.share(flag)).as(flag.name()).isEmpty();
        }
        assertThat(r.conditions().getFirst().flagged().values()).allSatisfy(c -> assertThat(c.value()).isIn(-1L, 0L));
    }

    @Test
    void analystCountsAreSuppressedBelowFiveAndRoundedAboveIt() {
        assertThat(ClientRates.protect(0, true)).isEqualTo(SuppressedCount.exact(0));
        assertThat(ClientRates.protect(3, true).format(NL)).isEqualTo("<5");
        assertThat(ClientRates.protect(7, true)).isEqualTo(SuppressedCount.exact(5));
        assertThat(ClientRates.protect(268_316, true)).isEqualTo(SuppressedCount.exact(268_315));
        assertThat(ClientRates.protect(268_316, false)).isEqualTo(SuppressedCount.exact(268_316));
    }

    @Test
    void scopeIsEnforced() {
        assertThatThrownBy(() -> rates.rates(UTRECHT, "PV29", Optional.empty(), NL)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> rates.rates(CARE, "PV29", Optional.empty(), NL)).isInstanceOf(AccessDeniedException.class);
        assertThat(rates.rates(ANALYST, "XX99", Optional.empty(), NL)).isEmpty();
    }
}
