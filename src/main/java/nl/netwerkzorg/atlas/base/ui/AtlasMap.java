package nl.netwerkzorg.atlas.base.ui;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import com.vaadin.flow.shared.Registration;
import tools.jackson.databind.json.JsonMapper;

/**
 * A map of polygons (municipalities) on Leaflet, as the {@code <atlas-map>} Lit web component in
 * {@code frontend/components/atlas-map.ts}. Java sets the GeoJSON layer once per region, then only the colour and
 * hover label per feature (keyed by the feature's {@code code} property) and the legend; clicks come back as
 * {@link FeatureClickEvent}. Numbered pins ({@link #setMarkers}) and a start point with its search radius
 * ({@link #setOrigin}) show places such as partner search results; with {@link #setPointPicking} a click on the map
 * reports a point ({@link MapClickEvent}). The polygons come from the database, so the map works offline; a base-map
 * tile URL is optional and its absence or failure never hides the polygons.
 */
@Tag("atlas-map")
@NpmPackage(value = "leaflet", version = AtlasMap.LEAFLET_VERSION)
@NpmPackage(value = "@types/leaflet", version = "1.9.22", dev = true)
@JsModule("./components/atlas-map.ts")
public class AtlasMap extends Component implements HasSize {

    static final String LEAFLET_VERSION = "1.9.4";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Colour and hover text of one feature. */
    public record FeatureStyle(String color, String label) {
    }

    /** One legend entry. */
    public record LegendItem(String color, String label) {
    }

    /** A numbered pin; {@code tooltip} is plain text (lines separated by newlines), never HTML. */
    public record Marker(String id, double lat, double lon, String color, String label, String tooltip) {
    }

    private record Origin(double lat, double lon, double radiusKm, String label) {
    }

    public AtlasMap() {
        setHeight("32em");
        setWidthFull();
    }

    /** The features to draw, as a GeoJSON FeatureCollection whose features have a {@code code} property; fits the view to them. */
    public void setGeoJson(String featureCollection) {
        getElement().setProperty("geojson", featureCollection);
    }

    /** Colour and hover label per feature code; features without an entry are drawn grey. */
    public void setFeatureStyles(Map<String, FeatureStyle> styles) {
        getElement().setProperty("styles", JSON.writeValueAsString(new LinkedHashMap<>(styles)));
    }

    /** The legend in the map's corner. */
    public void setLegend(String title, List<LegendItem> items) {
        getElement().setProperty("legend", JSON.writeValueAsString(Map.of("title", title, "items", items)));
    }

    /** An optional base map ({@code https://…/{z}/{x}/{y}.png}); empty for none. */
    public void setTileLayer(String urlTemplate, String attribution) {
        getElement().setProperty("tileUrl", urlTemplate);
        getElement().setProperty("tileAttribution", attribution);
    }

    /** Text shown in the map's attribution corner (e.g. the boundary source). */
    public void setAttribution(String attribution) {
        getElement().setProperty("attribution", attribution);
    }

    /** Marks one feature as selected (thicker outline); empty string for none. */
    public void setSelected(String code) {
        getElement().setProperty("selected", code);
    }

    /** The pins to show (replacing earlier ones); the view fits to them when no start point is set. */
    public void setMarkers(List<Marker> markers) {
        getElement().setProperty("markers", JSON.writeValueAsString(markers));
    }

    /** Highlights one pin by id; empty for none. */
    public void setSelectedMarker(String id) {
        getElement().setProperty("selectedMarker", id);
    }

    /** A start point with a dashed circle of the search radius; the view fits to the circle. */
    public void setOrigin(double lat, double lon, double radiusKm, String label) {
        getElement().setProperty("origin", JSON.writeValueAsString(new Origin(lat, lon, radiusKm, label)));
    }

    public void clearOrigin() {
        getElement().setProperty("origin", "");
    }

    /** When on, a click on the map (also on a polygon) fires a {@link MapClickEvent} with the point. */
    public void setPointPicking(boolean enabled) {
        getElement().setProperty("pickPoint", enabled);
    }

    /** Lets the browser download the polygons as drawn, with the legend and attribution, as a PNG. */
    public void downloadPng(String fileName) {
        getElement().callJsFunction("downloadPng", fileName);
    }

    public Registration addMarkerClickListener(ComponentEventListener<MarkerClickEvent> listener) {
        return addListener(MarkerClickEvent.class, listener);
    }

    public Registration addMapClickListener(ComponentEventListener<MapClickEvent> listener) {
        return addListener(MapClickEvent.class, listener);
    }

    public Registration addFeatureClickListener(ComponentEventListener<FeatureClickEvent> listener) {
        return addListener(FeatureClickEvent.class, listener);
    }

    public Registration addFeatureHoverListener(ComponentEventListener<FeatureHoverEvent> listener) {
        return addListener(FeatureHoverEvent.class, listener);
    }

    /** A feature (municipality) was clicked. */
    @DomEvent("atlas-feature-click")
    public static class FeatureClickEvent extends ComponentEvent<AtlasMap> {
        private final String code;

        public FeatureClickEvent(AtlasMap source, boolean fromClient, @EventData("event.detail.code") String code) {
            super(source, fromClient);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /** The pointer moved onto a feature (sent only while a listener is registered). */
    @DomEvent(value = "atlas-feature-hover", debounce = @com.vaadin.flow.component.DebounceSettings(timeout = 250,
            phases = com.vaadin.flow.dom.DebouncePhase.TRAILING))
    public static class FeatureHoverEvent extends ComponentEvent<AtlasMap> {
        private final String code;

        public FeatureHoverEvent(AtlasMap source, boolean fromClient, @EventData("event.detail.code") String code) {
            super(source, fromClient);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /** A pin was clicked. */
    @DomEvent("atlas-marker-click")
    public static class MarkerClickEvent extends ComponentEvent<AtlasMap> {
        private final String id;

        public MarkerClickEvent(AtlasMap source, boolean fromClient, @EventData("event.detail.id") String id) {
            super(source, fromClient);
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    /** A point was picked on the map (only while point picking is on). */
    @DomEvent("atlas-map-click")
    public static class MapClickEvent extends ComponentEvent<AtlasMap> {
        private final double latitude;
        private final double longitude;

        public MapClickEvent(AtlasMap source, boolean fromClient, @EventData("event.detail.lat") double latitude,
                @EventData("event.detail.lon") double longitude) {
            super(source, fromClient);
            this.latitude = latitude;
            this.longitude = longitude;
        }

        public double latitude() {
            return latitude;
        }

        public double longitude() {
            return longitude;
        }
    }
}
