package nl.netwerkzorg.atlas.exchange;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import nl.netwerkzorg.atlas.base.CsvExport;
import nl.netwerkzorg.atlas.client.ClientAccessLog;
import nl.netwerkzorg.atlas.security.AtlasPrincipal;
import org.jspecify.annotations.Nullable;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Export of every {@link ImportKind} in exactly its import format (Dutch Excel CSV), for the whole country or one region,
 * so an export imports again unchanged. Cells that a spreadsheet would run as a formula are neutralised by
 * {@link CsvExport}. A region's export holds its municipalities' regions, inhabitants, networks and clients, the
 * providers located there, and the providers outside it that those refer to, so it imports on its own. Client files are
 * access-logged (one entry per client exported). Administrators only.
 */
@Service
public class DataExport {

    private final Neo4jClient neo4j;
    private final DataImport imports;
    private final ClientAccessLog accessLog;
    private final TransactionTemplate reading;
    private final TransactionTemplate writing;

    private final nl.netwerkzorg.atlas.security.RegionAccess regionAccess;

    DataExport(Neo4jClient neo4j, DataImport imports, ClientAccessLog accessLog, PlatformTransactionManager transactionManager,
            nl.netwerkzorg.atlas.security.RegionAccess regionAccess) {
        this.neo4j = neo4j;
        this.regionAccess = regionAccess;
        this.imports = imports;
        this.accessLog = accessLog;
        this.reading = new TransactionTemplate(transactionManager);
        this.reading.setReadOnly(true);
        this.writing = new TransactionTemplate(transactionManager);
    }

    /** One kind, of the whole country or of one region, as CSV bytes. */
    public byte[] export(AtlasPrincipal user, ImportKind kind, Optional<String> regionCode) {
        DataImport.requireImporter(user, kind);
        if (user.role() != nl.netwerkzorg.atlas.security.Role.ADMIN
                && (regionCode.isEmpty() || !regionAccess.mayView(user, regionCode.get()))) {
            // A network manager exports the networks of a region of theirs, not of the country.
            throw new org.springframework.security.access.AccessDeniedException("Exporteer een regio die u beheert");
        }
        CsvTable table = imports.table(kind);
        // One transaction, retried when a concurrent writer (the patient-sharing derivation) outdates what it read. Client
        // files are read in a write transaction, as their access-log entries are written with them.
        TransactionTemplate transaction = kind.clientData() ? writing : reading;
        List<List<Object>> rows = DataImport.retrying(() -> transaction.execute(status -> {
            List<List<Object>> read = table.export(regionCode.map(this::scope).orElse(null));
            if (kind.clientData()) {
                logClients(user, table, read, kind.fileStem() + ".csv");
            }
            return read;
        }));
        return CsvExport.toBytes(table.columns(), rows);
    }

    /** Access-log entries for the clients in an exported client file. */
    void logClients(AtlasPrincipal user, CsvTable table, List<List<Object>> rows, String fileName) {
        int column = table.columns().indexOf(table.clientColumn());
        Set<String> ids = new HashSet<>();
        rows.forEach(r -> ids.add(String.valueOf(r.get(column))));
        accessLog.record(user, ids, ClientAccessLog.Action.EXPORT, "Beheer › Export " + fileName);
    }

    /** The part of the dataset a region's export holds. */
    CsvTable.ExportScope scope(String regionCode) {
        Set<String> municipalities = new HashSet<>(neo4j.query("""
                        MATCH (:Region {code: $region})<-[:IN_REGION]-(m:Municipality) RETURN m.code""")
                .bind(regionCode).to("region").fetchAs(String.class).all());
        Set<String> providers = new HashSet<>(neo4j.query("""
                        UNWIND $codes AS code
                        MATCH (m:Municipality {code: code})
                        CALL (m) {
                          MATCH (m)<-[:LOCATED_IN]-(p:Provider) RETURN p
                          UNION
                          MATCH (m)<-[:LIVES_IN]-(:Client)<-[:CARES_FOR|COORDINATES|CARED_FOR]-(p:Provider) RETURN p
                          UNION
                          MATCH (m)<-[:LIVES_IN]-(c:Client) UNWIND coalesce(c.objections, []) AS objected
                          MATCH (p:Provider {id: objected}) RETURN p
                          UNION
                          MATCH (m)<-[:COVERS]-(:Network)<-[:MEMBER_OF]-(p:Provider) RETURN p
                          UNION
                          MATCH (m)<-[:LOCATED_IN]-(:Provider)-[:COLLABORATES_WITH]-(p:Provider) RETURN p
                          UNION
                          MATCH (m)<-[:LIVES_IN]-(:Client)<-[:SUPPORTS]-(:InformalCarer)-[:KNOWN_TO]->(p:Provider) RETURN p
                        }
                        RETURN DISTINCT p.id""")
                .bind(List.copyOf(municipalities)).to("codes").fetchAs(String.class).all());
        return new CsvTable.ExportScope(regionCode, municipalities, providers);
    }

    /**
     * Binds {@code c} to the clients of the export, in id order read from the id index (no sort of a million rows in
     * the transaction's memory); with a scope, the municipalities' clients ({@code $codes}) sorted by id.
     */
    static String clientsInIdOrder(CsvTable.@Nullable ExportScope scope) {
        return scope == null ? "MATCH (c:Client) WHERE c.id IS NOT NULL WITH c ORDER BY c.id"
                : "UNWIND $codes AS code MATCH (c:Client {municipalityCode: code}) WITH c ORDER BY c.id";
    }

    /** Runs a read query in the caller's transaction and hands each record over as it arrives (nothing collected). */
    static void stream(Neo4jClient neo4j, String cypher, java.util.Map<String, Object> parameters,
            java.util.function.Consumer<org.neo4j.driver.Record> each) {
        neo4j.delegateTo(runner -> {
            var result = runner.run(cypher, parameters);
            while (result.hasNext()) {
                each.accept(result.next());
            }
            return java.util.Optional.empty();
        }).run();
    }

    /** Rows read with {@code fetchAs(List.class)}, typed. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static List<List<Object>> rows(java.util.Collection<List> read) {
        List<List<Object>> rows = new java.util.ArrayList<>(read.size());
        read.forEach(r -> rows.add((List<Object>) r));
        return rows;
    }

    /** An exported cell that may be absent: a driver value (a date as jjjj-mm-dd) or a plain object. */
    static Object text(@Nullable Object value) {
        if (value instanceof org.neo4j.driver.Value v) {
            return v.isNull() ? "" : String.valueOf(v.asObject());
        }
        return value == null ? "" : value;
    }
}
