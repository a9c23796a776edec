// Netwerkzorg Atlas schema, part 1: a uniqueness constraint for every key (each one also gives an index),
// and an index for every property a view filters on. Community edition: uniqueness constraints only
// (node-key and existence constraints are Enterprise features), so the service layer validates presence.

CREATE CONSTRAINT provider_id IF NOT EXISTS FOR (n:Provider) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT provider_agb IF NOT EXISTS FOR (n:Provider) REQUIRE n.agb IS UNIQUE;
CREATE CONSTRAINT provider_type_code IF NOT EXISTS FOR (n:ProviderType) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT client_id IF NOT EXISTS FOR (n:Client) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT informal_carer_id IF NOT EXISTS FOR (n:InformalCarer) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT condition_code IF NOT EXISTS FOR (n:Condition) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT care_pathway_code IF NOT EXISTS FOR (n:CarePathway) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT network_id IF NOT EXISTS FOR (n:Network) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT municipality_code IF NOT EXISTS FOR (n:Municipality) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT region_code IF NOT EXISTS FOR (n:Region) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT user_name IF NOT EXISTS FOR (n:User) REQUIRE n.username IS UNIQUE;
CREATE CONSTRAINT access_log_id IF NOT EXISTS FOR (n:AccessLogEntry) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT dataset_key IF NOT EXISTS FOR (n:AtlasDataset) REQUIRE n.key IS UNIQUE;

// Properties views filter on.
CREATE INDEX provider_type IF NOT EXISTS FOR (n:Provider) ON (n.type);
CREATE INDEX provider_domain IF NOT EXISTS FOR (n:Provider) ON (n.domain);
CREATE INDEX provider_name IF NOT EXISTS FOR (n:Provider) ON (n.name);
CREATE INDEX provider_kvk IF NOT EXISTS FOR (n:Provider) ON (n.kvk);
CREATE INDEX provider_municipality IF NOT EXISTS FOR (n:Provider) ON (n.municipalityCode);
CREATE INDEX provider_accepting IF NOT EXISTS FOR (n:Provider) ON (n.acceptingClients);
CREATE POINT INDEX provider_location IF NOT EXISTS FOR (n:Provider) ON (n.location);
CREATE INDEX client_municipality IF NOT EXISTS FOR (n:Client) ON (n.municipalityCode);
CREATE INDEX client_age_band IF NOT EXISTS FOR (n:Client) ON (n.ageBand);
CREATE INDEX network_kind IF NOT EXISTS FOR (n:Network) ON (n.kind);
CREATE INDEX network_name IF NOT EXISTS FOR (n:Network) ON (n.name);
CREATE INDEX municipality_name IF NOT EXISTS FOR (n:Municipality) ON (n.name);
CREATE INDEX municipality_province IF NOT EXISTS FOR (n:Municipality) ON (n.provinceCode);
CREATE INDEX region_kind IF NOT EXISTS FOR (n:Region) ON (n.kind);
CREATE INDEX region_name IF NOT EXISTS FOR (n:Region) ON (n.name);
CREATE INDEX access_log_time IF NOT EXISTS FOR (n:AccessLogEntry) ON (n.at);
CREATE INDEX access_log_user IF NOT EXISTS FOR (n:AccessLogEntry) ON (n.username);
