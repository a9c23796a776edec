// Cliënten: the client list pages municipality by municipality, each in pseudonym order (municipalityCode, id), and
// filters on a quality flag through one small index per flag: a client carries flag_<FLAG> = true only while it has
// that flag (docs/quality-rules.md), so each index holds the flagged clients only.
CREATE INDEX client_municipality_id IF NOT EXISTS FOR (c:Client) ON (c.municipalityCode, c.id);
CREATE INDEX client_flag_pathway_gap IF NOT EXISTS FOR (c:Client) ON (c.municipalityCode, c.flag_PATHWAY_GAP);
CREATE INDEX client_flag_no_coordinator IF NOT EXISTS FOR (c:Client) ON (c.municipalityCode, c.flag_NO_COORDINATOR);
CREATE INDEX client_flag_carer_not_linked IF NOT EXISTS FOR (c:Client) ON (c.municipalityCode, c.flag_CARER_NOT_LINKED);
CREATE INDEX client_flag_fragmented IF NOT EXISTS FOR (c:Client) ON (c.municipalityCode, c.flag_FRAGMENTED);
CREATE INDEX client_flag_medication_safety IF NOT EXISTS FOR (c:Client) ON (c.municipalityCode, c.flag_MEDICATION_SAFETY);
CREATE INDEX client_flag_alone_at_risk IF NOT EXISTS FOR (c:Client) ON (c.municipalityCode, c.flag_ALONE_AT_RISK);

