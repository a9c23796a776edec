package nl.netwerkzorg.atlas.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.netwerkzorg.atlas.geography.MunicipalityGeometry;
import nl.netwerkzorg.atlas.geography.ReferenceGeography;

/** Planner inputs as the generator would read them from a freshly loaded database, built from the shipped files. */
final class PlannerFixtures {

    static final ReferenceGeography GEOGRAPHY = new ReferenceGeography();
    private static final Map<DataPreset, List<MunicipalityInput>> INPUTS = new HashMap<>();
    private static List<PathwaySpec> pathways;

    private PlannerFixtures() {
    }

    static synchronized List<MunicipalityInput> municipalities(DataPreset preset) {
        return INPUTS.computeIfAbsent(preset, PlannerFixtures::load);
    }

    private static List<MunicipalityInput> load(DataPreset preset) {
        Map<String, Long> inhabitants = new HashMap<>();
        List<String> lines = lines("geo/inhabitants_estimate.csv");
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(";");
            inhabitants.put(f[0], Long.parseLong(f[1]));
        }
        Map<String, String[]> zk = new HashMap<>();
        Map<String, String[]> ggd = new HashMap<>();
        for (String line : lines("geo/regio_2025.csv")) {
            String[] f = line.split(";");
            if (f[0].equals("ZORGKANTOOR")) {
                zk.put(f[3], new String[] {f[1], f[2]});
            } else if (f[0].equals("GGD")) {
                ggd.put(f[3], new String[] {f[1], f[2]});
            }
        }
        List<MunicipalityInput> result = new ArrayList<>();
        for (MunicipalityGeometry g : GEOGRAPHY.municipalities()) {
            if (preset.includes(g.provinceCode())) {
                result.add(new MunicipalityInput(g.code(), g.name(), g.provinceCode(), inhabitants.get(g.code()),
                        zk.get(g.code())[0], zk.get(g.code())[1], ggd.get(g.code())[0], ggd.get(g.code())[1], g));
            }
        }
        return List.copyOf(result);
    }

    /** The care pathways of migration V002, parsed from its text (as the database would hold them). */
    static synchronized List<PathwaySpec> pathways() {
        if (pathways == null) {
            pathways = parsePathways(String.join("\n", lines("cypher/migrations/V002__reference_data.cypher")));
        }
        return pathways;
    }

    static List<PathwaySpec> parsePathways(String cypher) {
        Pattern pathway = Pattern.compile("\\{code: '(PAD_\\w+)', condition: '(\\w+)'");
        Pattern requirement = Pattern.compile("\\{type: '(\\w+)', optional: (true|false), maxKm: (\\d+)}");
        List<PathwaySpec> result = new ArrayList<>();
        for (String block : cypher.split(";\\s*\\n")) {
            Matcher p = pathway.matcher(block);
            if (!p.find()) {
                continue;
            }
            List<PathwaySpec.Requirement> reqs = new ArrayList<>();
            Matcher r = requirement.matcher(block);
            while (r.find()) {
                reqs.add(new PathwaySpec.Requirement(r.group(1), Boolean.parseBoolean(r.group(2)),
                        Integer.parseInt(r.group(3))));
            }
            result.add(new PathwaySpec(p.group(1), p.group(2), reqs));
        }
        return result;
    }

    /** ProviderType code → [domain, bedBased] from V002. */
    static Map<String, String[]> providerTypes() {
        Pattern type = Pattern.compile(
                "\\{code: '(\\w+)', name: '[^']*', nameEn: '[^']*', domain: '(\\w+)', bedBased: (true|false)}");
        Map<String, String[]> result = new TreeMap<>();
        Matcher m = type.matcher(String.join("\n", lines("cypher/migrations/V002__reference_data.cypher")));
        while (m.find()) {
            result.put(m.group(1), new String[] {m.group(2), m.group(3)});
        }
        return result;
    }

    static List<String> lines(String resource) {
        try (InputStream in = PlannerFixtures.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A planned data set with all clients materialised (fine for the demo preset). */
    record Planned(DemoPlanner planner, List<PlannedClient> clients) {

        long relationships() {
            long count = planner.providers().relationshipCount() + planner.networks().relationshipCount();
            for (PlannedClient c : clients) {
                count += c.relationshipCount();
            }
            return count;
        }
    }

    private static final Map<Long, Planned> DEMO = new LinkedHashMap<>();

    static synchronized Planned demo(long seed) {
        return DEMO.computeIfAbsent(seed, s -> {
            DemoPlanner planner = DemoPlanner.plan(municipalities(DataPreset.DEMO), pathways(), s);
            List<PlannedClient> clients = new ArrayList<>();
            planner.forEachMunicipality((m, planned) -> clients.addAll(planned));
            return new Planned(planner, List.copyOf(clients));
        });
    }
}
