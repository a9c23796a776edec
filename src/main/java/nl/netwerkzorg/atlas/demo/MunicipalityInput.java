package nl.netwerkzorg.atlas.demo;

import nl.netwerkzorg.atlas.geography.MunicipalityGeometry;

/**
 * What the planner needs to know about one municipality: inhabitants (from the database), the
 * zorgkantoor and GGD region it lies in, and its shipped outline.
 */
record MunicipalityInput(String code, String name, String provinceCode, long inhabitants,
        String zorgkantoorCode, String zorgkantoorName, String ggdCode, String ggdName,
        MunicipalityGeometry geometry) {

    /** Display name without the CBS disambiguation suffix, e.g. "Bergen (NH.)" → "Bergen". */
    String placeName() {
        int paren = name.indexOf(" (");
        return paren > 0 ? name.substring(0, paren) : name;
    }
}
