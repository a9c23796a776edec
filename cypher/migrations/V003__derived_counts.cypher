// Netwerkzorg Atlas schema, part 3: markers of derived, recomputable data. AtlasDerived {key} records when a
// derived data set (e.g. the clients-per-condition counts, (:Municipality)-[:CLIENTS_WITH {count}]->(:Condition))
// was last computed; the application shows that time next to figures read from it.

CREATE CONSTRAINT derived_key IF NOT EXISTS FOR (n:AtlasDerived) REQUIRE n.key IS UNIQUE;
