package nl.netwerkzorg.atlas.analysis;

import org.springframework.data.neo4j.core.Neo4jClient;

/**
 * A hand-built region (Walcheren, where the DEMO data has no providers): two groups of four providers, each group
 * fully collaborating (formal agreements), joined by one agreement AN-4—AN-5 — two cliques and a bridge; AN-9 alone.
 * AN-1..4 are medical, AN-5..8 social. AN-2 and AN-3 share 2 clients (their agreement is backed by practice); AN-1 and
 * AN-6 share 6 clients without any agreement; those six have dementia (the pathway requires a huisarts, and AN-1 is
 * their only one) and AN-1 coordinates three of them. AN-5..8 form the network AN-NET; AN-9 (wijkverpleging) is the
 * only wijkverpleging of Vlissingen. Derive the patient-sharing network after creating it.
 */
public final class AnalysisFixture {

    public static final String REGION = "TST-ANALYSE";

    private AnalysisFixture() {
    }

    public static void create(Neo4jClient neo4j) {
        remove(neo4j);
        neo4j.query("""
                CREATE (r:Region {code: $region, name: 'Testregio Walcheren', kind: 'CUSTOM'})
                WITH r
                MATCH (m:Municipality) WHERE m.code IN ['GM0687', 'GM0718']
                CREATE (m)-[:IN_REGION]->(r)""").bind(REGION).to("region").run();
        neo4j.query("""
                MATCH (middelburg:Municipality {code: 'GM0687'}), (vlissingen:Municipality {code: 'GM0718'})
                UNWIND range(1, 9) AS i
                WITH middelburg, vlissingen, i,
                     CASE WHEN i <= 4 THEN 'MEDICAL' WHEN i <= 8 THEN 'SOCIAL' ELSE 'LONG_TERM' END AS domain,
                     CASE WHEN i <= 4 THEN 'HUISARTS' WHEN i <= 8 THEN 'SOCIAAL_WIJKTEAM' ELSE 'WIJKVERPLEGING' END AS type
                CREATE (p:Provider {id: 'AN-' + i, name: 'Analyse ' + i, type: type, domain: domain,
                        municipalityCode: CASE WHEN i = 9 THEN 'GM0718' ELSE 'GM0687' END,
                        location: point({latitude: 51.5, longitude: 3.6})})
                WITH p, CASE WHEN i = 9 THEN vlissingen ELSE middelburg END AS home
                CREATE (p)-[:LOCATED_IN]->(home)""").run();
        neo4j.query("""
                UNWIND [[1,2],[1,3],[1,4],[2,3],[2,4],[3,4],[5,6],[5,7],[5,8],[6,7],[6,8],[7,8],[4,5]] AS pair
                MATCH (a:Provider {id: 'AN-' + pair[0]}), (b:Provider {id: 'AN-' + pair[1]})
                CREATE (a)-[:COLLABORATES_WITH {kind: 'AGREEMENT', formal: true}]->(b)""").run();
        neo4j.query("""
                MATCH (p:Provider) WHERE p.id IN ['AN-5', 'AN-6', 'AN-7', 'AN-8']
                MERGE (n:Network {id: 'AN-NET'}) ON CREATE SET n.name = 'Testnetwerk Walcheren'
                CREATE (p)-[:MEMBER_OF {role: 'PARTNER'}]->(n)""").run();
        neo4j.query("""
                MATCH (a1:Provider {id: 'AN-1'}), (a2:Provider {id: 'AN-2'}), (a3:Provider {id: 'AN-3'}),
                      (a6:Provider {id: 'AN-6'}), (m:Municipality {code: 'GM0687'}), (dementie:Condition {code: 'DEMENTIE'})
                UNWIND range(1, 8) AS i
                CREATE (c:Client {id: 'C97000' + i, ageBand: '75-84', municipalityCode: 'GM0687'})-[:LIVES_IN]->(m)
                FOREACH (x IN CASE WHEN i <= 6 THEN [1] ELSE [] END |
                    CREATE (a1)-[:CARES_FOR]->(c), (a6)-[:CARES_FOR]->(c), (c)-[:HAS_CONDITION]->(dementie))
                FOREACH (x IN CASE WHEN i <= 3 THEN [1] ELSE [] END | CREATE (a1)-[:COORDINATES]->(c))
                FOREACH (x IN CASE WHEN i > 6 THEN [1] ELSE [] END |
                    CREATE (a2)-[:CARES_FOR]->(c), (a3)-[:COORDINATES]->(c), (a3)-[:CARES_FOR]->(c))""").run();
    }

    public static void remove(Neo4jClient neo4j) {
        neo4j.query("""
                MATCH (n) WHERE (n:Provider AND n.id STARTS WITH 'AN-') OR (n:Client AND n.id STARTS WITH 'C97000')
                   OR (n:Network AND n.id = 'AN-NET')
                   OR (n:Region AND n.code = $region) OR (n:AnalysisSnapshot AND n.regionCode = $region)
                DETACH DELETE n""").bind(REGION).to("region").run();
    }
}
