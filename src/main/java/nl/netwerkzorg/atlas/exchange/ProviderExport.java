package nl.netwerkzorg.atlas.exchange;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import nl.netwerkzorg.atlas.base.CsvExport;
import nl.netwerkzorg.atlas.security.AtlasPrincipal;
import nl.netwerkzorg.atlas.security.Role;
import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Export of the provider register in exactly the import's format ({@link ProviderImport#COLUMNS}, Dutch Excel CSV), for
 * the whole country or the providers located in one region, so an export imports again unchanged (a round trip).
 * Providers only: no client data. Cells that a spreadsheet would run as a formula are neutralised by {@link CsvExport}.
 */
@Service
public class ProviderExport {

    private final Neo4jClient neo4j;
    private final TransactionTemplate transactions;

    ProviderExport(Neo4jClient neo4j, PlatformTransactionManager transactionManager) {
        this.neo4j = neo4j;
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setReadOnly(true);
    }

    /** The providers (of one region, when given) ordered by id, as CSV bytes. Administrators only. */
    public byte[] export(AtlasPrincipal user, Optional<String> regionCode) {
        if (user.role() != Role.ADMIN) {
            throw new AccessDeniedException("Alleen een beheerder exporteert het register");
        }
        String match = regionCode.isPresent()
                ? "MATCH (:Region {code: $region})<-[:IN_REGION]-(:Municipality)<-[:LOCATED_IN]-(p:Provider)"
                : "MATCH (p:Provider)";
        // One read transaction, retried when a concurrent writer (the patient-sharing derivation) outdates what it read.
        List<List<Object>> rows = ProviderImport.retrying(() -> transactions.execute(status -> read(match, regionCode)));
        return CsvExport.toBytes(ProviderImport.COLUMNS, rows);
    }

    private List<List<Object>> read(String match, Optional<String> regionCode) {
        List<List<Object>> rows = new ArrayList<>();
        neo4j.query(match + """

                        RETURN p.id AS id, p.agb AS agb, p.kvk AS kvk, p.name AS name, p.type AS type,
                               p.municipalityCode AS municipality, p.address AS address, p.location AS location,
                               p.acceptingClients AS accepting, p.capacity AS capacity, p.available AS available,
                               p.waitingDays AS waitingDays,
                               COLLECT { MATCH (p)-[:SERVES]->(m:Municipality) RETURN m.code ORDER BY m.code } AS serves
                        ORDER BY id""")
                .bind(regionCode.orElse("")).to("region")
                .fetchAs(List.class).mappedBy((types, r) -> row(r))
                .all().forEach(rows::add);
        return rows;
    }

    private static List<Object> row(org.neo4j.driver.Record r) {
        Value location = r.get("location");
        List<Object> row = new ArrayList<>();
        row.add(r.get("id").asString());
        row.add(r.get("agb").asString(""));
        row.add(r.get("kvk").asString(""));
        row.add(r.get("name").asString(""));
        row.add(r.get("type").asString(""));
        row.add(r.get("municipality").asString(""));
        row.add(r.get("address").asString(""));
        row.add(location.isNull() ? "" : new CsvExport.Numeric(decimal(location.asPoint().y())));
        row.add(location.isNull() ? "" : new CsvExport.Numeric(decimal(location.asPoint().x())));
        row.add(r.get("accepting").isNull() ? "" : r.get("accepting").asBoolean() ? "ja" : "nee");
        row.add(number(r.get("capacity")));
        row.add(number(r.get("available")));
        row.add(number(r.get("waitingDays")));
        row.add(String.join("|", r.get("serves").asList(Value::asString)));
        return row;
    }

    private static Object number(Value v) {
        return v.isNull() ? "" : new CsvExport.Numeric(String.valueOf(v.asLong()));
    }

    /** Coordinates with a decimal comma and enough digits for a metre (the import reads comma or point). */
    private static String decimal(double degrees) {
        String text = String.format(Locale.ROOT, "%.7f", degrees).replaceAll("0+$", "").replaceAll("\\.$", "");
        return text.replace('.', ',');
    }
}
