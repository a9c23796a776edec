package nl.netwerkzorg.atlas.analysis.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import nl.netwerkzorg.atlas.analysis.Analysis.MunicipalityFigures;
import nl.netwerkzorg.atlas.analysis.Analysis.Report;
import nl.netwerkzorg.atlas.base.ui.AtlasMap;
import nl.netwerkzorg.atlas.base.ui.AtlasMap.FeatureStyle;
import nl.netwerkzorg.atlas.base.ui.AtlasMap.LegendItem;
import nl.netwerkzorg.atlas.base.ui.ClassBreaks;
import nl.netwerkzorg.atlas.geography.ReferenceGeography;

/**
 * The "Kaart" tab of Analyse: the region's municipalities coloured by a connectivity figure of the providers located
 * there (equal-count classes), a details panel per municipality, and the figures of every municipality as a table.
 */
final class AnalysisMapPanel extends Div {

    /** What the map colours by; {@code worseWhenHigher} picks the red scale instead of the blue one. */
    enum MapMetric {
        PROVIDERS("aanbieders", m -> m.providers(), false, false, true),
        MEAN_DEGREE("verbindingen", MunicipalityFigures::meanDegree, false, false, false),
        ISOLATED_SHARE("geisoleerd", MunicipalityFigures::isolatedShare, true, true, false),
        LARGEST_SHARE("grootste-deel", MunicipalityFigures::largestShare, true, false, false),
        CUT_POINTS("scharnierpunten", m -> m.cutPoints(), false, true, true),
        BROKERAGE("tussenpositie", MunicipalityFigures::brokerage, false, false, false),
        CROSS_DOMAIN_SHARE("domeingrens", MunicipalityFigures::crossDomainShare, true, false, false);

        final String parameter;
        final ToDoubleFunction<MunicipalityFigures> value;
        final boolean share;
        final boolean worseWhenHigher;
        final boolean whole;

        MapMetric(String parameter, ToDoubleFunction<MunicipalityFigures> value, boolean share, boolean worseWhenHigher,
                boolean whole) {
            this.parameter = parameter;
            this.value = value;
            this.share = share;
            this.worseWhenHigher = worseWhenHigher;
            this.whole = whole;
        }

        static Optional<MapMetric> ofParameter(String text) {
            for (MapMetric m : values()) {
                if (m.parameter.equals(text)) {
                    return Optional.of(m);
                }
            }
            return Optional.empty();
        }
    }

    private static final String[] BLUES = {"#deebf7", "#9ecae1", "#6baed6", "#3182bd", "#08519c"};
    private static final String[] REDS = {"#fee5d9", "#fcae91", "#fb6a4a", "#de2d26", "#a50f15"};
    private static final String NO_PROVIDERS = "#d0d4da";

    final AtlasMap map = new AtlasMap();
    final Select<MapMetric> metric = new Select<>();
    final Grid<MunicipalityFigures> table = new Grid<>();
    final Div details = new Div();
    private final Report report;
    private final AnalysisFormat format;

    AnalysisMapPanel(Report report, String boundaries, AnalysisFormat format, String tileUrl, String tileAttribution,
            MapMetric initial, Consumer<MapMetric> changed,
            java.util.function.BiFunction<String, java.util.function.Supplier<byte[]>, Anchor> csv) {
        this.report = report;
        this.format = format;
        addClassName("atlas-panel");
        setWidthFull();
        metric.setLabel(getTranslation("analysis.map.metric"));
        metric.setItems(MapMetric.values());
        metric.setItemLabelGenerator(m -> getTranslation("analysis.map.metric." + m.name()));
        metric.setWidth("22em");
        metric.setId("analysis-map-metric");
        metric.setValue(initial);
        metric.addValueChangeListener(e -> {
            colour(e.getValue());
            changed.accept(e.getValue());
        });

        map.setId("analysis-map");
        map.setHeight("30em");
        map.setAttribution(ReferenceGeography.ATTRIBUTION);
        if (!tileUrl.isBlank()) {
            map.setTileLayer(tileUrl, tileAttribution);
        }
        map.setGeoJson(boundaries);
        map.addFeatureClickListener(e -> select(e.code()));
        details.addClassName("atlas-analysis-map-details");
        details.setId("analysis-map-details");
        details.add(AnalysisParts.note(getTranslation("analysis.map.clickHint")));
        HorizontalLayout row = new HorizontalLayout(map, details);
        row.setWidthFull();
        row.setFlexGrow(1, map);
        row.setAlignItems(FlexComponent.Alignment.START);

        table.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        table.setId("analysis-municipalities");
        table.setHeight("22em");
        table.setWidthFull();
        table.addColumn(MunicipalityFigures::name).setHeader(getTranslation("analysis.whatIf.municipality")).setFlexGrow(3)
                .setSortable(true);
        column(m -> format.number(m.providers()), MunicipalityFigures::providers, MapMetric.PROVIDERS);
        column(m -> format.decimal(m.meanDegree(), 1), MunicipalityFigures::meanDegree, MapMetric.MEAN_DEGREE);
        column(m -> format.percent(m.isolatedShare()), MunicipalityFigures::isolatedShare, MapMetric.ISOLATED_SHARE);
        column(m -> format.percent(m.largestShare()), MunicipalityFigures::largestShare, MapMetric.LARGEST_SHARE);
        column(m -> format.number(m.cutPoints()), MunicipalityFigures::cutPoints, MapMetric.CUT_POINTS);
        column(m -> format.decimal(m.brokerage(), 4), MunicipalityFigures::brokerage, MapMetric.BROKERAGE);
        column(m -> format.percent(m.crossDomainShare()), MunicipalityFigures::crossDomainShare, MapMetric.CROSS_DOMAIN_SHARE);
        table.setItems(report.municipalities());
        table.addItemClickListener(e -> select(e.getItem().code()));

        com.vaadin.flow.component.button.Button png = new com.vaadin.flow.component.button.Button(
                getTranslation("analysis.png"), e -> map.downloadPng("kaart-" + report.parameters().regionCode() + "-"
                        + metric.getValue().parameter + ".png"));
        png.setId("analysis-map-png");
        HorizontalLayout bar = new HorizontalLayout(metric, png);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(bar, row, AnalysisParts.note(getTranslation("analysis.map.explained")), table,
                csv.apply("analyse-" + report.parameters().regionCode() + "-gemeenten.csv", this::csv));
        colour(initial);
    }

    private byte[] csv() {
        return nl.netwerkzorg.atlas.base.CsvExport.toBytes(List.of("gemeentecode", "gemeente", "aanbieders",
                        "gem_verbindingen", "geisoleerd", "aandeel_geisoleerd", "in_grootste_deel", "aandeel_grootste_deel",
                        "scharnierpunten", "tussenpositie_som", "aandeel_over_domeingrens"),
                report.municipalities().stream().map(m -> List.<Object>of(m.code(), m.name(), m.providers(),
                        decimal(m.meanDegree()), m.isolated(), decimal(m.isolatedShare()), m.inLargest(),
                        decimal(m.largestShare()), m.cutPoints(), decimal(m.brokerage()), decimal(m.crossDomainShare())))
                        .toList());
    }

    private static nl.netwerkzorg.atlas.base.CsvExport.Numeric decimal(double value) {
        return new nl.netwerkzorg.atlas.base.CsvExport.Numeric(String.format(java.util.Locale.ROOT, "%.6f", value));
    }

    private <V extends Comparable<? super V>> void column(com.vaadin.flow.function.ValueProvider<MunicipalityFigures, String> text,
            com.vaadin.flow.function.ValueProvider<MunicipalityFigures, V> sortKey, MapMetric m) {
        table.addColumn(text).setHeader(getTranslation("analysis.map.column." + m.name()))
                .setTextAlign(ColumnTextAlign.END).setComparator(sortKey).setAutoWidth(true).setFlexGrow(0);
    }

    /** Colours the map by {@code m}: equal-count classes over the municipalities that have providers. */
    void colour(MapMetric m) {
        String[] scale = m.worseWhenHigher ? REDS : BLUES;
        double[] breaks = ClassBreaks.of(report.municipalities().stream().filter(f -> f.providers() > 0)
                .mapToDouble(m.value).toArray(), scale.length);
        Map<String, FeatureStyle> styles = new LinkedHashMap<>();
        for (MunicipalityFigures f : report.municipalities()) {
            styles.put(f.code(), f.providers() == 0
                    ? new FeatureStyle(NO_PROVIDERS, getTranslation("analysis.map.label.none", f.name()))
                    : new FeatureStyle(scale[ClassBreaks.bucket(m.value.applyAsDouble(f), breaks)],
                            getTranslation("analysis.map.label", f.name(), value(m, f), format.number(f.providers()))));
        }
        map.setFeatureStyles(styles);
        List<LegendItem> legend = new ArrayList<>();
        // Just enough digits that neighbouring bounds read differently (percentages count in hundredths).
        int digits = m.whole ? 0 : ClassBreaks.digits(java.util.Arrays.stream(breaks).map(b -> m.share ? b * 100 : b)
                .toArray(), m.share ? breaks[0] * 100 : breaks[0], m == MapMetric.BROKERAGE ? 4 : 1, 6);
        double low = Double.NaN;
        for (int i = 0; i < breaks.length; i++) {
            if (i > 0 && breaks[i] == breaks[i - 1]) {
                continue;
            }
            String upper = legendValue(m, breaks[i], digits);
            // Counts: the next class starts at the next whole number ("19 – 30" after "tot en met 18").
            String lower = Double.isNaN(low) ? "" : legendValue(m, m.whole ? low + 1 : low, digits);
            legend.add(new LegendItem(scale[i], Double.isNaN(low) ? getTranslation("analysis.map.legend.upTo", upper)
                    : lower.equals(upper) ? upper : lower + " – " + upper));
            low = breaks[i];
        }
        if (report.municipalities().stream().anyMatch(f -> f.providers() == 0)) {
            legend.add(new LegendItem(NO_PROVIDERS, getTranslation("analysis.map.legend.none")));
        }
        map.setLegend(getTranslation("analysis.map.metric." + m.name()), legend);
    }

    private void select(String code) {
        map.setSelected(code);
        details.removeAll();
        report.municipalities().stream().filter(f -> f.code().equals(code)).findFirst().ifPresent(f -> {
            details.add(new H4(f.name()));
            for (MapMetric m : MapMetric.values()) {
                Paragraph line = new Paragraph(getTranslation("analysis.map.column." + m.name()) + ": " + value(m, f));
                line.addClassName("atlas-detail-line");
                details.add(line);
            }
            Anchor network = new Anchor("netwerk?n=M:" + f.code(), getTranslation("coverage.detail.toNetwork"));
            network.setId("analysis-map-to-network");
            details.add(network);
        });
    }

    private String legendValue(MapMetric m, double v, int digits) {
        if (m.whole) {
            return format.number(Math.round(v));
        }
        return m.share ? format.decimal(v * 100, digits) + "%" : format.decimal(v, digits);
    }

    private String value(MapMetric m, MunicipalityFigures f) {
        return value(m, m.value.applyAsDouble(f));
    }

    private String value(MapMetric m, double v) {
        if (m.share) {
            return format.percent(v);
        }
        return switch (m) {
            case MEAN_DEGREE -> format.decimal(v, 1);
            case BROKERAGE -> format.decimal(v, 4);
            default -> format.number(Math.round(v));
        };
    }

}
