package nl.netwerkzorg.atlas.exchange;

import java.util.List;
import java.util.Map;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.jspecify.annotations.Nullable;

/**
 * The systems and codes of the FHIR R4 / IHE mCSD exchange (docs/fhir.md): the Atlas's own identifier and code systems,
 * the Dutch identifier systems (AGB, KvK), the mCSD type codes, and which codes of other systems an import recognises
 * as a provider type.
 */
final class FhirCodes {

    /** The Atlas's own canonical base. No server answers there: it only keeps the Atlas's codes apart from others. */
    static final String BASE = "https://netwerkzorg-atlas.nl/fhir/";

    static final String PROVIDER_ID = BASE + "NamingSystem/zorgaanbieder-id";
    static final String NETWORK_ID = BASE + "NamingSystem/netwerk-id";
    static final String MUNICIPALITY = BASE + "NamingSystem/cbs-gemeentecode";
    static final String PROVIDER_TYPE = BASE + "CodeSystem/soort-zorgaanbieder";
    static final String ORGANIZATION_KIND = BASE + "CodeSystem/soort-organisatie";
    static final String NETWORK_KIND = BASE + "CodeSystem/soort-netwerk";
    static final String CONDITION = BASE + "CodeSystem/zorgvraag";
    static final String MEMBERSHIP_ROLE = BASE + "CodeSystem/rol-in-netwerk";
    static final String COLLABORATION_KIND = BASE + "CodeSystem/soort-samenwerking";

    static final String EXT_ACCEPTING = BASE + "StructureDefinition/neemt-clienten-aan";
    static final String EXT_CAPACITY = BASE + "StructureDefinition/capaciteit";
    static final String EXT_AVAILABLE = BASE + "StructureDefinition/beschikbaar";
    static final String EXT_WAITING_DAYS = BASE + "StructureDefinition/wachtdagen";
    static final String EXT_CAPACITY_UPDATED = BASE + "StructureDefinition/capaciteit-bijgewerkt";
    static final String EXT_FORMAL = BASE + "StructureDefinition/formeel";
    static final String EXT_NETWORK_AREA = BASE + "StructureDefinition/netwerk-werkgebied";
    static final String EXT_NETWORK_FOCUS = BASE + "StructureDefinition/netwerk-zorgvraag";

    /** The organisation kind that makes an Organization a network (zorgnetwerk) rather than a provider. */
    static final String NETWORK = "NETWERK";

    static final String AGB = "http://fhir.nl/fhir/NamingSystem/agb-z";
    static final String AGB_OID = "urn:oid:2.16.840.1.113883.2.4.6.1";
    static final String KVK = "http://fhir.nl/fhir/NamingSystem/kvk";

    static final String MCSD_TYPES = "https://profiles.ihe.net/ITI/mCSD/CodeSystem/IHE.mCSD.Organization.Location.Types";
    /** mCSD 3.x wrote its types as URNs in this system. */
    static final String MCSD_TYPES_3 = "urn:ietf:rfc:3986";
    static final String MCSD_FACILITY_3 = "urn:ihe:iti:mcsd:2019:facility";
    static final String MCSD_JURISDICTION_3 = "urn:ihe:iti:mcsd:2019:jurisdiction";
    static final String PROFILE = "https://profiles.ihe.net/ITI/mCSD/StructureDefinition/IHE.mCSD.";

    static final String ORGANIZATION_ROLE = "http://hl7.org/fhir/organization-role";
    static final String ORGANIZATION_TYPE = "http://terminology.hl7.org/CodeSystem/organization-type";
    static final String SERVICE_TYPE = "http://terminology.hl7.org/CodeSystem/service-type";
    static final String ROLE_CODE = "http://terminology.hl7.org/CodeSystem/v3-RoleCode";
    static final String PHYSICAL_TYPE = "http://terminology.hl7.org/CodeSystem/location-physical-type";

    /**
     * Codes of other systems an import reads as a provider type, when the Atlas's own type is absent: a code without a
     * system matches too (older examples leave it out). Service types first, then location and organisation types.
     */
    static final Map<String, Map<String, String>> KNOWN_TYPES = Map.of(
            SERVICE_TYPE, Map.of("124", "HUISARTS"),
            ROLE_CODE, Map.of("HOSP", "ZIEKENHUIS", "GACH", "ZIEKENHUIS", "NURS", "VERPLEEGHUIS", "PHARM", "APOTHEEK",
                    "PSYCHF", "GGZ", "RH", "GRZ"),
            ORGANIZATION_TYPE, Map.of("govt", "GEMEENTE"));

    private FhirCodes() {
    }

    static Coding mcsd(String code) {
        return new Coding(MCSD_TYPES, code, code.equals("facility") ? "Facility" : "Jurisdiction");
    }

    /** Whether a concept is the mCSD facility or jurisdiction type ({@code code} facility or jurisdiction), 3.x or later. */
    static boolean isMcsd(List<CodeableConcept> types, String code) {
        for (CodeableConcept concept : types) {
            for (Coding c : concept.getCoding()) {
                if (MCSD_TYPES.equals(c.getSystem()) && code.equals(c.getCode())
                        || MCSD_TYPES_3.equals(c.getSystem()) && ("urn:ihe:iti:mcsd:2019:" + code).equals(c.getCode())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The code of the first coding of {@code system} in the concepts. */
    static @Nullable String code(List<CodeableConcept> concepts, String system) {
        for (CodeableConcept concept : concepts) {
            for (Coding c : concept.getCoding()) {
                if (system.equals(c.getSystem()) && c.hasCode()) {
                    return c.getCode();
                }
            }
        }
        return null;
    }

    /** The provider type another system's code stands for, if the import knows it. */
    static @Nullable String knownType(List<CodeableConcept> concepts) {
        for (CodeableConcept concept : concepts) {
            for (Coding c : concept.getCoding()) {
                if (!c.hasCode()) {
                    continue;
                }
                if (c.hasSystem()) {
                    String type = KNOWN_TYPES.getOrDefault(c.getSystem(), Map.of()).get(c.getCode());
                    if (type != null) {
                        return type;
                    }
                } else {
                    for (Map<String, String> codes : KNOWN_TYPES.values()) {
                        if (codes.containsKey(c.getCode())) {
                            return codes.get(c.getCode());
                        }
                    }
                }
            }
        }
        return null;
    }

    /** A FHIR id (letters, digits, '-' and '.', at most 64) for an Atlas key, which may hold '_' or be long. */
    static String resourceId(String prefix, String key) {
        String candidate = prefix + key;
        if (candidate.length() <= 64 && candidate.matches("[A-Za-z0-9\\-.]+")) {
            return candidate;
        }
        return prefix + hash(key);
    }

    static String hash(String text) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest, 0, 12);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
