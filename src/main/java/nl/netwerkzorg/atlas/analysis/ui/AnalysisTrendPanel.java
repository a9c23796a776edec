package nl.netwerkzorg.atlas.analysis.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import nl.netwerkzorg.atlas.analysis.Analysis.Report;
import nl.netwerkzorg.atlas.analysis.AnalysisSnapshots;
import nl.netwerkzorg.atlas.analysis.AnalysisSnapshots.Metric;
import nl.netwerkzorg.atlas.analysis.AnalysisSnapshots.Snapshot;
import nl.netwerkzorg.atlas.base.CsvExport;
import nl.netwerkzorg.atlas.base.ui.AtlasChart;
import nl.netwerkzorg.atlas.base.ui.AtlasChart.Chart;
import nl.netwerkzorg.atlas.security.AtlasPrincipal;

/**
 * The "Verloop" tab of Analyse: stores the report on screen as a dated snapshot, draws the course of a chosen figure
 * over the snapshots taken with the same parameters, and lists every snapshot of the region (CSV).
 */
final class AnalysisTrendPanel extends Div {

    final Button save = new Button();
    final Select<Metric> metric = new Select<>();
    final AtlasChart chart = new AtlasChart();
    final Grid<Snapshot> table = new Grid<>();
    final Paragraph status = new Paragraph();
    final Paragraph trendNote = new Paragraph();
    private final Report report;
    private final AnalysisSnapshots snapshots;
    private final AtlasPrincipal user;
    private final AnalysisFormat format;
    private final Function<String, Anchor> csvLink;
    private final Div csvHolder = new Div();
    private List<Snapshot> all = List.of();

    AnalysisTrendPanel(Report report, AnalysisSnapshots snapshots, AtlasPrincipal user, AnalysisFormat format,
            Metric initial, java.util.function.Consumer<Metric> changed,
            java.util.function.BiFunction<String, java.util.function.Supplier<byte[]>, Anchor> csv) {
        this.report = report;
        this.snapshots = snapshots;
        this.user = user;
        this.format = format;
        this.csvLink = name -> csv.apply(name, this::csv);
        addClassName("atlas-panel");
        setWidthFull();

        save.setText(getTranslation("analysis.snapshot.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("analysis-snapshot-save");
        save.setDisableOnClick(true);
        save.addClickListener(e -> {
            try {
                Snapshot saved = snapshots.save(report, user);
                status.setText(getTranslation("analysis.snapshot.saved", format.dateTime(saved.takenAt())));
                refresh();
            } catch (nl.netwerkzorg.atlas.analysis.Analysis.InvalidParameters invalid) {
                status.setText(invalid.getMessage());
            } catch (org.springframework.security.access.AccessDeniedException denied) {
                status.setText(getTranslation("overview.noAccess"));
            } finally {
                save.setEnabled(true);
            }
        });
        metric.setLabel(getTranslation("analysis.trend.metric"));
        metric.setItems(Metric.values());
        metric.setItemLabelGenerator(m -> getTranslation("analysis.trend.metric." + m.name()));
        metric.setWidth("22em");
        metric.setId("analysis-trend-metric");
        metric.setValue(initial);
        metric.addValueChangeListener(e -> {
            draw();
            changed.accept(e.getValue());
        });
        Button png = new Button(getTranslation("analysis.png"), e -> chart.downloadPng("verloop-"
                + report.parameters().regionCode() + ".png"));
        png.setId("analysis-trend-png");
        HorizontalLayout bar = new HorizontalLayout(save, metric, png);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.setWrap(true);
        status.setId("analysis-snapshot-status");
        status.addClassName("atlas-note");
        trendNote.setId("analysis-trend-note");
        trendNote.addClassName("atlas-note");

        chart.setId("analysis-trend-chart");
        chart.setHeight("20em");
        table.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        table.setId("analysis-snapshots");
        table.setHeight("18em");
        table.setWidthFull();
        table.addColumn(s -> format.dateTime(s.takenAt())).setHeader(getTranslation("analysis.snapshot.takenAt"))
                .setAutoWidth(true).setFlexGrow(0).setComparator(Snapshot::takenAt);
        table.addColumn(Snapshot::takenBy).setHeader(getTranslation("analysis.snapshot.takenBy")).setAutoWidth(true)
                .setFlexGrow(0);
        table.addColumn(s -> AnalysisParts.describe(this, s.parameters(), false)).setHeader(getTranslation("analysis.snapshot.parameters")).setAutoWidth(true)
                .setFlexGrow(1);
        for (Metric m : List.of(Metric.PROVIDERS, Metric.TIES, Metric.DENSITY, Metric.COMPONENTS, Metric.ISOLATED,
                Metric.CUT_POINTS, Metric.CROSS_DOMAIN_SHARE)) {
            table.addColumn(s -> value(m, s.value(m))).setHeader(getTranslation("analysis.trend.metric." + m.name()))
                    .setTextAlign(ColumnTextAlign.END).setComparator(s -> s.value(m)).setAutoWidth(true).setFlexGrow(0);
        }
        add(AnalysisParts.note(getTranslation("analysis.trend.explained")), bar, status, trendNote, chart,
                AnalysisParts.note(getTranslation("analysis.snapshot.all")), table, csvHolder);
        refresh();
    }

    void refresh() {
        all = snapshots.list(report.parameters().regionCode(), user);
        table.setItems(all);
        // A handful of rows without empty space below them; a long history scrolls.
        table.setAllRowsVisible(all.size() <= 8);
        table.setHeight(all.size() <= 8 ? null : "18em");
        csvHolder.removeAll();
        if (!all.isEmpty()) {
            csvHolder.add(csvLink.apply("momentopnamen-" + report.parameters().regionCode() + ".csv"));
        }
        draw();
    }

    /** The snapshots with the report's parameters, oldest first. */
    List<Snapshot> points() {
        return all.stream().filter(s -> s.parameters().equals(report.parameters())).toList();
    }

    private void draw() {
        Metric m = metric.getValue();
        List<Snapshot> points = points();
        List<Number> values = new ArrayList<>();
        points.forEach(s -> values.add(m.isShare() ? Math.round(s.value(m) * 1000) / 10.0 : s.value(m)));
        String name = getTranslation("analysis.trend.metric." + m.name()) + (m.isShare() ? " (%)" : "");
        chart.setChart(new Chart(getTranslation("analysis.trend.title", report.regionName()),
                getTranslation("analysis.snapshot.takenAt"), points.stream().map(s -> format.dateTime(s.takenAt())).toList(),
                name, List.of(AtlasChart.Series.line(name, values, "#1565c0"))));
        if (points.isEmpty()) {
            trendNote.setText(getTranslation("analysis.trend.none"));
        } else if (points.size() == 1) {
            trendNote.setText(getTranslation("analysis.trend.one", format.dateTime(points.getFirst().takenAt())));
        } else {
            trendNote.setText(getTranslation("analysis.trend.some", points.size(), format.dateTime(points.getFirst().takenAt()),
                    format.dateTime(points.getLast().takenAt())));
        }
    }

    private String value(Metric m, double v) {
        if (m.isShare()) {
            return format.percent(v);
        }
        return switch (m) {
            case DENSITY -> format.decimal(v, 4);
            case MEAN_DEGREE -> format.decimal(v, 1);
            default -> format.number(Math.round(v));
        };
    }

    private byte[] csv() {
        List<String> header = new ArrayList<>(List.of("genomen_op", "door", "regio", "verbindingen_soorten",
                "minimum_gedeeld", "veel_gedeeld", "domein"));
        for (Metric m : Metric.values()) {
            header.add(m.name().toLowerCase(Locale.ROOT));
        }
        List<List<Object>> rows = all.stream().map(s -> {
            List<Object> row = new ArrayList<>(List.of(s.takenAt().toString(), s.takenBy(), s.regionCode(),
                    s.parameters().kinds().stream().sorted().map(Enum::name).collect(Collectors.joining(" ")),
                    s.parameters().minimumShared(), s.parameters().heavySharing(),
                    s.parameters().domain() == null ? "" : s.parameters().domain()));
            for (Metric m : Metric.values()) {
                row.add(new CsvExport.Numeric(m == Metric.DENSITY || m == Metric.MEAN_DEGREE || m.isShare()
                        ? String.format(Locale.ROOT, "%.6f", s.value(m)) : String.valueOf(Math.round(s.value(m)))));
            }
            return row;
        }).toList();
        return CsvExport.toBytes(header, rows);
    }

}
