package nl.netwerkzorg.atlas.demo;

/** Size of the synthetic data set: {@link #DEMO} is province Utrecht, {@link #NATIONAL} all 342 municipalities. */
public enum DataPreset {
    DEMO("PV26"),
    NATIONAL(null);

    private final String provinceCode;

    DataPreset(String provinceCode) {
        this.provinceCode = provinceCode;
    }

    /** Whether a municipality in the given province belongs to this preset. */
    public boolean includes(String municipalityProvinceCode) {
        return provinceCode == null || provinceCode.equals(municipalityProvinceCode);
    }
}
