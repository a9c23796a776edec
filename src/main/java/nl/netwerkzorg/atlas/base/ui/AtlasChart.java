package nl.netwerkzorg.atlas.base.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * A bar or line chart over categories (degrees, dates, municipalities) on Apache ECharts, as the {@code <atlas-chart>}
 * Lit web component in {@code frontend/components/atlas-chart.ts}. Java describes the chart ({@link #setChart}); the
 * component draws it, resizes with its container and exports it as PNG. Text from the data is shown as plain text.
 */
@Tag("atlas-chart")
@NpmPackage(value = "echarts", version = AtlasChart.ECHARTS_VERSION)
@JsModule("./components/atlas-chart.ts")
public class AtlasChart extends Component implements HasSize {

    static final String ECHARTS_VERSION = "6.1.0";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** How a series is drawn. */
    public enum Kind {
        BAR, LINE
    }

    /**
     * One series: a value per category ({@code null} for none), drawn as bars or a line, against the left axis or — with
     * {@code rightAxis} — the right one.
     */
    public record Series(String name, Kind kind, List<? extends @Nullable Number> values, String colour, boolean rightAxis) {
        public Series {
            Objects.requireNonNull(name, "name");
            values = java.util.Collections.unmodifiableList(new ArrayList<>(values));
        }

        public static Series bars(String name, List<? extends @Nullable Number> values, String colour) {
            return new Series(name, Kind.BAR, values, colour, false);
        }

        public static Series line(String name, List<? extends @Nullable Number> values, String colour) {
            return new Series(name, Kind.LINE, values, colour, false);
        }

        public Series onRightAxis() {
            return new Series(name, kind, values, colour, true);
        }
    }

    /**
     * A chart over {@code categories}: {@code xName} names the category axis, {@code yName} the value axis (with a
     * second, right value axis the legend names the series instead). An empty title draws none.
     */
    public record Chart(String title, String xName, List<String> categories, String yName, List<Series> series) {
        public Chart {
            categories = List.copyOf(categories);
            series = List.copyOf(series);
        }
    }

    private String option = "";

    public AtlasChart() {
        setHeight("18em");
        setWidthFull();
        // Axis numbers and tooltips in the user's language (1.234,5 in Dutch).
        addAttachListener(e -> getElement().setProperty("locale", e.getUI().getLocale().toLanguageTag()));
    }

    /** Draws {@code chart}, replacing what was shown. */
    public void setChart(Chart chart) {
        option = JSON.writeValueAsString(option(chart));
        getElement().setProperty("option", option);
    }

    /** The ECharts option last set, as JSON (for tests and diagnostics). */
    public String option() {
        return option;
    }

    /** Lets the browser download the chart as a PNG (white background, twice the screen resolution). */
    public void downloadPng(String fileName) {
        getElement().callJsFunction("downloadPng", fileName);
    }

    static Map<String, Object> option(Chart chart) {
        boolean right = chart.series().stream().anyMatch(Series::rightAxis);
        boolean legend = chart.series().size() > 1;
        Map<String, Object> option = new LinkedHashMap<>();
        boolean titled = !chart.title().isBlank();
        if (titled) {
            option.put("title", Map.of("text", chart.title(), "left", "center", "textStyle", Map.of("fontSize", 14,
                    "fontWeight", 600)));
        }
        option.put("tooltip", Map.of("trigger", "axis"));
        if (legend) {
            option.put("legend", Map.of("bottom", 0, "type", "plain"));
        }
        // Room above the plot for the title and the value axis' name, below it for the category axis' name and legend.
        option.put("grid", Map.of("left", 16, "right", right ? 16 : 24, "top", titled ? 52 : 30,
                "bottom", (legend ? 30 : 6) + (chart.xName().isBlank() ? 0 : 22) + (chart.categories().size() > 6 ? 18 : 0),
                "containLabel", true));
        // Many categories (degree bins, dates) on a narrow chart: every label, slanted, rather than every fourth.
        boolean many = chart.categories().size() > 6;
        Map<String, Object> labels = many
                ? Map.of("interval", chart.categories().size() <= 14 ? 0 : "auto", "rotate", 35, "fontSize", 11)
                : Map.of();
        option.put("xAxis", Map.of("type", "category", "data", chart.categories(), "name", chart.xName(),
                "nameLocation", "middle", "nameGap", many ? 44 : 26, "axisTick", Map.of("alignWithLabel", true),
                "axisLabel", labels));
        // With two value axes their names would collide above the plot; the legend names the series instead.
        List<Map<String, Object>> yAxes = new ArrayList<>();
        yAxes.add(Map.of("type", "value", "name", right ? "" : chart.yName(), "nameTextStyle", Map.of("align", "left")));
        if (right) {
            yAxes.add(Map.of("type", "value", "name", "", "splitLine", Map.of("show", false)));
        }
        option.put("yAxis", yAxes);
        List<Map<String, Object>> series = new ArrayList<>();
        for (Series s : chart.series()) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("name", s.name());
            one.put("type", s.kind() == Kind.BAR ? "bar" : "line");
            one.put("data", s.values());
            one.put("itemStyle", Map.of("color", s.colour()));
            one.put("yAxisIndex", s.rightAxis() ? 1 : 0);
            if (s.kind() == Kind.LINE) {
                one.put("symbolSize", 7);
                one.put("connectNulls", true);
            } else {
                one.put("barMaxWidth", 48);
            }
            series.add(one);
        }
        option.put("series", series);
        return option;
    }
}
