// Netwerkzorg Atlas schema, part 5: partner search and capacity upkeep.
// Every capacity report is kept (who, when, what) next to the current values on the provider.
CREATE CONSTRAINT capacity_update_id IF NOT EXISTS FOR (n:CapacityUpdate) REQUIRE n.id IS UNIQUE;
CREATE INDEX capacity_update_provider IF NOT EXISTS FOR (n:CapacityUpdate) ON (n.providerId);
// Referrals recorded from partner search: (:Referral)-[:FROM|TO]->(:Provider), (:Referral)-[:FOR]->(:Client).
CREATE CONSTRAINT referral_id IF NOT EXISTS FOR (n:Referral) REQUIRE n.id IS UNIQUE;
CREATE INDEX referral_client IF NOT EXISTS FOR (n:Referral) ON (n.clientId);
