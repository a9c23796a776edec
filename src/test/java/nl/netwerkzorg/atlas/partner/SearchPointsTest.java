package nl.netwerkzorg.atlas.partner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import nl.netwerkzorg.atlas.AtlasSpringTest;
import nl.netwerkzorg.atlas.geography.SearchPlane;
import nl.netwerkzorg.atlas.partner.PartnerSearch.Order;
import nl.netwerkzorg.atlas.partner.PartnerSearch.Origin;
import nl.netwerkzorg.atlas.partner.PartnerSearch.Query;
import nl.netwerkzorg.atlas.provider.SearchPoints;
import nl.netwerkzorg.atlas.security.UserService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;

/**
 * The typed search points never lose a provider: every generated provider has one, the projection stays within the
 * seek margin across the country, and the indexed search matches a brute-force scan on the WGS84 location.
 */
@AtlasSpringTest
class SearchPointsTest {

    @Autowired
    Neo4jClient neo4j;
    @Autowired
    PartnerSearchService partners;
    @Autowired
    UserService users;
    @Autowired
    SearchPoints searchPoints;

    @Test
    void everyProviderHasATypedSearchPoint() {
        assertThat(neo4j.query("MATCH (p:Provider) WHERE p.location IS NOT NULL AND p.searchPoint IS NULL RETURN count(p)")
                .fetchAs(Long.class).one()).contains(0L);
        assertThat(neo4j.query("MATCH (t:ProviderType) WHERE t.slot IS NULL RETURN count(t)").fetchAs(Long.class).one())
                .contains(0L);
        assertThat(neo4j.query("MATCH (t:ProviderType) RETURN count(DISTINCT t.slot) = count(t)").fetchAs(Boolean.class).one())
                .contains(true);
        assertThat(searchPoints.fillMissing()).isZero();
    }

    @Test
    void theProjectionStaysWithinTheSeekMarginFromTheSouthToTheNorth() {
        // Eijsden (south), Rottumeroog (north), Cadzand (west), Losser (east), pairs 40–100 km apart.
        double[][] pairs = {{50.77, 5.71, 51.20, 5.95}, {53.53, 6.57, 53.10, 6.90}, {51.37, 3.38, 51.50, 4.20},
                {52.26, 7.05, 52.60, 6.45}, {52.09, 5.12, 52.37, 4.90}};
        for (double[] pair : pairs) {
            Map<String, Object> d = neo4j.query("""
                            WITH point({latitude: $a, longitude: $b}) AS p1, point({latitude: $c, longitude: $d}) AS p2
                            RETURN point.distance(p1, p2) AS wgs84,
                                   point.distance(point({x: $xa, y: $ya}), point({x: $xc, y: $yc})) AS projected""")
                    .bindAll(Map.of("a", pair[0], "b", pair[1], "c", pair[2], "d", pair[3],
                            "xa", SearchPlane.x(3, pair[1]), "ya", SearchPlane.y(pair[0]),
                            "xc", SearchPlane.x(3, pair[3]), "yc", SearchPlane.y(pair[2])))
                    .fetch().one().orElseThrow();
            double ratio = ((Number) d.get("projected")).doubleValue() / ((Number) d.get("wgs84")).doubleValue();
            assertThat(ratio).as(java.util.Arrays.toString(pair)).isBetween(1 / SearchPlane.SEEK_MARGIN, SearchPlane.SEEK_MARGIN);
        }
    }

    @Test
    void theIndexedSearchFindsExactlyWhatABruteForceScanFinds() {
        for (String type : List.of("HUISARTS", "WIJKVERPLEGING", "ELV")) {
            for (int km : List.of(3, 12, 40)) {
                long expected = neo4j.query("""
                                MATCH (m:Municipality {code: 'GM0344'}), (p:Provider {type: $type})
                                WHERE point.distance(p.location, m.location) <= $km * 1000.0 RETURN count(p)""")
                        .bind(type).to("type").bind(km).to("km").fetchAs(Long.class).one().orElseThrow();
                PartnerSearch.Result result = partners.search(new Query(new Origin.OfMunicipality("GM0344"), Set.of(type),
                        false, km, false, null, Order.SCORE, 1), users.loadUserByUsername("admin"), Locale.of("nl"));
                assertThat((long) result.matched()).as(type + " within " + km + " km of Utrecht")
                        .isEqualTo(Math.min(expected, PartnerSearch.CANDIDATE_LIMIT));
            }
        }
    }
}
