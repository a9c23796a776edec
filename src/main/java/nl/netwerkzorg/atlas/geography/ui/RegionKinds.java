package nl.netwerkzorg.atlas.geography.ui;

import com.vaadin.flow.component.Component;

/** How a region kind is named in the user's language; a kind imported without a translation shows as it is. */
public final class RegionKinds {

    private RegionKinds() {
    }

    /** The translated name of {@code kind} ({@code regionKind.PROVINCIE} → "Provincie"), or the kind itself. */
    public static String label(Component translator, String kind) {
        String translated = translator.getTranslation("regionKind." + kind);
        return translated.startsWith("!") ? kind : translated;
    }
}
