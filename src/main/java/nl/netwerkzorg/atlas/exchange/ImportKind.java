package nl.netwerkzorg.atlas.exchange;

/**
 * What a CSV file holds, in the order a whole dataset is restored (every kind refers only to kinds before it). The file
 * name is the template's and the file's name in an export zip; the label key names it in the UI (i18n).
 */
public enum ImportKind {
    REGIONS("regio-indelingen", false),
    INHABITANTS("inwoners", false),
    PROVIDERS("zorgaanbieders", false),
    SERVICE_AREAS("werkgebieden", false),
    CAPACITY("capaciteit", false),
    NETWORKS("netwerken", false),
    MEMBERSHIPS("lidmaatschappen", false),
    COLLABORATIONS("samenwerkingen", false),
    CLIENTS("clienten", true),
    CARE_RELATIONS("zorgrelaties", true),
    CARERS("mantelzorgers", true);

    private final String fileStem;
    private final boolean clientData;

    ImportKind(String fileStem, boolean clientData) {
        this.fileStem = fileStem;
        this.clientData = clientData;
    }

    /** The file name without extension, e.g. {@code zorgaanbieders}. */
    public String fileStem() {
        return fileStem;
    }

    /** Whether the file holds client records (health data: every client written is access-logged). */
    public boolean clientData() {
        return clientData;
    }

    /** The i18n key of the kind's name. */
    public String labelKey() {
        return "import.kind." + name();
    }
}
