package nl.netwerkzorg.atlas.client;

import org.springframework.data.neo4j.core.Neo4jClient;

/**
 * Hand-built clients in Middelburg (where the DEMO data has none), each made to trigger exactly one quality rule, or
 * none. Providers CF-*: a huisarts (CF-HA) with a formal agreement with every other professional except CF-X, an
 * isolated physiotherapist. The complete dementia network is HA, CM (casemanager), WV (wijkverpleging), SO (specialist
 * ouderengeneeskunde), DB (dagbesteding), MO (mantelzorgondersteuning) and AP (apotheek); CM coordinates; one
 * carer in contact with CM.
 * <ul>
 * <li>C9610001 complete — no flags</li>
 * <li>C9610002 without SO — PATHWAY_GAP</li>
 * <li>C9610003 without coordinator — NO_COORDINATOR</li>
 * <li>C9610004 with a second carer in contact only with CF-X (outside the network) — CARER_NOT_LINKED</li>
 * <li>C9610005 with CF-X in the network — FRAGMENTED</li>
 * <li>C9610006 without AP (HA and SO prescribe) — MEDICATION_SAFETY</li>
 * <li>C9610007 85+, without WV and without carer — PATHWAY_GAP and ALONE_AT_RISK</li>
 * <li>C9610008 85+, without WV but with a carer — PATHWAY_GAP only</li>
 * <li>C9610009 without SO and without AP (one prescriber only) — PATHWAY_GAP only</li>
 * </ul>
 */
public final class ClientFixture {

    public static final String MUNICIPALITY = "GM0687";

    private ClientFixture() {
    }

    public static void create(Neo4jClient neo4j) {
        remove(neo4j);
        neo4j.query("""
                MATCH (m:Municipality {code: $m})
                UNWIND [['HA', 'HUISARTS', 'MEDICAL'], ['CM', 'CASEMANAGER_DEMENTIE', 'LONG_TERM'],
                        ['WV', 'WIJKVERPLEGING', 'LONG_TERM'], ['SO', 'SPECIALIST_OUDERENGENEESKUNDE', 'LONG_TERM'],
                        ['DB', 'WMO_DAGBESTEDING', 'SOCIAL'], ['MO', 'MANTELZORGONDERSTEUNING', 'INFORMAL'],
                        ['AP', 'APOTHEEK', 'MEDICAL'], ['X', 'FYSIOTHERAPIE', 'MEDICAL']] AS p
                CREATE (x:Provider {id: 'CF-' + p[0], name: 'Cliënttest ' + p[0], type: p[1], domain: p[2],
                        municipalityCode: $m, location: point({latitude: 51.5, longitude: 3.61})})-[:LOCATED_IN]->(m)""")
                .bind(MUNICIPALITY).to("m").run();
        neo4j.query("""
                MATCH (ha:Provider {id: 'CF-HA'})
                UNWIND ['CM', 'WV', 'SO', 'DB', 'MO', 'AP'] AS other
                MATCH (o:Provider {id: 'CF-' + other})
                CREATE (ha)-[:COLLABORATES_WITH {kind: 'AGREEMENT', formal: true, since: date('2024-01-01')}]->(o)""").run();
        neo4j.query("""
                MATCH (m:Municipality {code: $m}), (dementie:Condition {code: 'DEMENTIE'})
                UNWIND [
                  {n: 1, band: '75-84', without: [], extra: [], coordinated: true, carers: ['CM']},
                  {n: 2, band: '75-84', without: ['SO'], extra: [], coordinated: true, carers: ['CM']},
                  {n: 3, band: '75-84', without: [], extra: [], coordinated: false, carers: ['CM']},
                  {n: 4, band: '75-84', without: [], extra: [], coordinated: true, carers: ['CM', 'X']},
                  {n: 5, band: '75-84', without: [], extra: ['X'], coordinated: true, carers: ['CM']},
                  {n: 6, band: '75-84', without: ['AP'], extra: [], coordinated: true, carers: ['CM']},
                  {n: 7, band: '85+', without: ['WV'], extra: [], coordinated: true, carers: []},
                  {n: 8, band: '85+', without: ['WV'], extra: [], coordinated: true, carers: ['CM']},
                  {n: 9, band: '75-84', without: ['SO', 'AP'], extra: [], coordinated: true, carers: ['CM']}] AS spec
                CREATE (c:Client {id: 'C961000' + spec.n, ageBand: spec.band, birthYear: 1940, municipalityCode: $m,
                        objections: []})-[:LIVES_IN]->(m)
                CREATE (c)-[:HAS_CONDITION]->(dementie)
                WITH c, spec
                UNWIND [t IN ['HA', 'CM', 'WV', 'SO', 'DB', 'MO', 'AP'] WHERE NOT t IN spec.without] + spec.extra AS code
                MATCH (p:Provider {id: 'CF-' + code})
                CREATE (p)-[:CARES_FOR {role: 'ZORGVERLENER', since: date('2025-03-01')}]->(c)
                WITH c, spec, collect(p) AS ps
                FOREACH (x IN CASE WHEN spec.coordinated THEN [1] ELSE [] END |
                    FOREACH (cm IN [p IN ps WHERE p.id = 'CF-CM'] | CREATE (cm)-[:COORDINATES {since: date('2025-03-01')}]->(c)))
                WITH c, spec
                UNWIND range(0, size(spec.carers) - 1) AS i
                MATCH (contact:Provider {id: 'CF-' + spec.carers[i]})
                CREATE (contact)<-[:KNOWN_TO]-(:InformalCarer {id: c.id + '-M' + i, role: 'KIND'})-[:SUPPORTS]->(c)""")
                .bind(MUNICIPALITY).to("m").run();
    }

    public static void remove(Neo4jClient neo4j) {
        neo4j.query("""
                MATCH (n) WHERE (n:Provider AND n.id STARTS WITH 'CF-') OR (n:Client AND n.id STARTS WITH 'C96100')
                   OR (n:InformalCarer AND EXISTS { (n)-[:SUPPORTS]->(c:Client) WHERE c.id STARTS WITH 'C96100' })
                   OR (n:AccessLogEntry AND n.clientId STARTS WITH 'C96100')
                DETACH DELETE n""").run();
    }
}
