package nl.netwerkzorg.atlas.partner;

import nl.netwerkzorg.atlas.geography.SearchPlane;
import org.springframework.data.neo4j.core.Neo4jClient;

/**
 * A hand-built partner-search fixture in Goes (Zeeland, where the DEMO data has no providers), with known distances,
 * availability, ties and consent. Origin: client C9800001 at (51.5, 3.9), dementia, cared for by huisarts TP-HA
 * (coordinator) and apotheek TP-AP; objects to sharing with TP-W5. Wijkverpleging candidates due north of the client:
 * <pre>
 *   TP-W1 1.0 km  accepting, 0 days, fresh        AGREEMENT with TP-HA
 *   TP-W2 2.0 km  accepting, 30 days, fresh       —
 *   TP-W3 0.5 km  accepting, 0 days, 40 days old  —  (stale)
 *   TP-W4 3.0 km  not accepting, 90 days, fresh   shares 1 client (C9800002) with TP-AP
 *   TP-W5 4.0 km  accepting, 10 days, yesterday   collaborates with fysio TP-FY, who has an MDO with TP-HA (2 hops)
 *   TP-W6 12.0 km accepting                       (outside 10 km)
 * </pre>
 * Bed-based, for the bed finder: TP-E1 ELV 5 km 3/10 free (2 h), TP-E2 ELV 8 km 6/12 free (30 h: stale), TP-E3 GRZ 3 km
 * 0/20 free (fresh), TP-E4 ELV 15 km 9/14 free (fresh).
 */
final class PartnerFixture {

    static final double LAT = 51.5;
    static final double LON = 3.9;
    static final String CLIENT = "C9800001";
    static final String OTHER_CLIENT = "C9800002";
    static final String FOREIGN_CLIENT = "C9800003";

    private PartnerFixture() {
    }

    /** Latitude {@code km} due north of the client (Neo4j's earth radius 6,378,140 m). */
    static double north(double km) {
        return LAT + km / (6_378.140 * Math.PI / 180);
    }

    static void create(Neo4jClient neo4j) {
        neo4j.query("""
                MATCH (goes:Municipality {code: 'GM0664'})
                WITH goes, datetime() AS now
                UNWIND [
                  {id: 'TP-HA', name: 'Testhuisarts Goes', type: 'HUISARTS', domain: 'MEDICAL', km: 0.2, accepting: true, waiting: 0, age: 0},
                  {id: 'TP-AP', name: 'Testapotheek Goes', type: 'APOTHEEK', domain: 'MEDICAL', km: 0.3, accepting: true, waiting: 0, age: 0},
                  {id: 'TP-FY', name: 'Testfysio Goes', type: 'FYSIOTHERAPIE', domain: 'MEDICAL', km: 2.5, accepting: true, waiting: 5, age: 0},
                  {id: 'TP-W1', name: 'Testwijkzorg Een', type: 'WIJKVERPLEGING', domain: 'LONG_TERM', km: 1.0, accepting: true, waiting: 0, age: 0},
                  {id: 'TP-W2', name: 'Testwijkzorg Twee', type: 'WIJKVERPLEGING', domain: 'LONG_TERM', km: 2.0, accepting: true, waiting: 30, age: 0},
                  {id: 'TP-W3', name: 'Testwijkzorg Drie', type: 'WIJKVERPLEGING', domain: 'LONG_TERM', km: 0.5, accepting: true, waiting: 0, age: 960},
                  {id: 'TP-W4', name: 'Testwijkzorg Vier', type: 'WIJKVERPLEGING', domain: 'LONG_TERM', km: 3.0, accepting: false, waiting: 90, age: 0},
                  {id: 'TP-W5', name: 'Testwijkzorg Vijf', type: 'WIJKVERPLEGING', domain: 'LONG_TERM', km: 4.0, accepting: true, waiting: 10, age: 24},
                  {id: 'TP-W6', name: 'Testwijkzorg Zes', type: 'WIJKVERPLEGING', domain: 'LONG_TERM', km: 12.0, accepting: true, waiting: 0, age: 1},
                  {id: 'TP-E1', name: 'Test-ELV Een', type: 'ELV', domain: 'LONG_TERM', km: 5.0, accepting: true, waiting: 0, age: 2, capacity: 10, available: 3},
                  {id: 'TP-E2', name: 'Test-ELV Twee', type: 'ELV', domain: 'LONG_TERM', km: 8.0, accepting: true, waiting: 0, age: 30, capacity: 12, available: 6},
                  {id: 'TP-E3', name: 'Test-GRZ Drie', type: 'GRZ', domain: 'LONG_TERM', km: 3.0, accepting: false, waiting: 7, age: 1, capacity: 20, available: 0},
                  {id: 'TP-E4', name: 'Test-ELV Vier', type: 'ELV', domain: 'LONG_TERM', km: 15.0, accepting: true, waiting: 0, age: 1, capacity: 14, available: 9}
                ] AS row
                CREATE (p:Provider {id: row.id, name: row.name, type: row.type, domain: row.domain,
                        address: 'Teststraat 1, 4461 AA Goes', municipalityCode: 'GM0664',
                        location: point({latitude: $lat + row.km / (6378.140 * pi() / 180), longitude: $lon}),
                        acceptingClients: row.accepting, waitingDays: row.waiting, capacity: row.capacity,
                        available: row.available, capacityUpdatedAt: now - duration({hours: row.age})})-[:LOCATED_IN]->(goes)""")
                .bind(LAT).to("lat").bind(LON).to("lon").run();
        neo4j.query("MATCH (p:Provider) WHERE p.id STARTS WITH 'TP-' MATCH (t:ProviderType {code: p.type}) SET p.searchPoint = "
                + SearchPlane.CYPHER_EXPRESSION.formatted("t.slot")).run();
        neo4j.query("""
                MATCH (goes:Municipality {code: 'GM0664'}), (dementie:Condition {code: 'DEMENTIE'})
                MATCH (ha:Provider {id: 'TP-HA'}), (ap:Provider {id: 'TP-AP'}), (fy:Provider {id: 'TP-FY'}),
                      (w1:Provider {id: 'TP-W1'}), (w4:Provider {id: 'TP-W4'}), (w5:Provider {id: 'TP-W5'})
                CREATE (w1)-[:COLLABORATES_WITH {kind: 'AGREEMENT', formal: true}]->(ha)
                CREATE (ha)-[:COLLABORATES_WITH {kind: 'MDO', formal: false}]->(fy)
                CREATE (fy)-[:COLLABORATES_WITH {kind: 'AGREEMENT', formal: true}]->(w5)
                CREATE (c1:Client {id: $client, ageBand: '75-84', municipalityCode: 'GM0664',
                        location: point({latitude: $lat, longitude: $lon}), objections: ['TP-W5']})-[:LIVES_IN]->(goes)
                CREATE (c1)-[:HAS_CONDITION]->(dementie)
                CREATE (ha)-[:CARES_FOR {role: 'HUISARTS'}]->(c1), (ha)-[:COORDINATES]->(c1), (ap)-[:CARES_FOR]->(c1)
                CREATE (c2:Client {id: $other, ageBand: '65-74', municipalityCode: 'GM0664',
                        location: point({latitude: $lat, longitude: $lon})})-[:LIVES_IN]->(goes)
                CREATE (ap)-[:CARES_FOR]->(c2), (w4)-[:CARES_FOR]->(c2)
                CREATE (c3:Client {id: $foreign, ageBand: '85+', municipalityCode: 'GM0664',
                        location: point({latitude: $lat, longitude: $lon})})-[:LIVES_IN]->(goes)
                CREATE (w4)-[:CARES_FOR]->(c3)""")
                .bind(LAT).to("lat").bind(LON).to("lon").bind(CLIENT).to("client").bind(OTHER_CLIENT).to("other")
                .bind(FOREIGN_CLIENT).to("foreign").run();
    }

    static void remove(Neo4jClient neo4j) {
        neo4j.query("""
                MATCH (n) WHERE (n:Provider AND n.id STARTS WITH 'TP-') OR (n:Client AND n.id STARTS WITH 'C98000')
                   OR (n:Referral AND n.clientId STARTS WITH 'C98000') OR (n:CapacityUpdate AND n.providerId STARTS WITH 'TP-')
                   OR (n:AccessLogEntry AND n.clientId STARTS WITH 'C98000')
                DETACH DELETE n""").run();
    }
}
