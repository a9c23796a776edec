package nl.netwerkzorg.atlas.analysis.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import nl.netwerkzorg.atlas.analysis.Analysis;
import nl.netwerkzorg.atlas.analysis.Analysis.InvalidParameters;
import nl.netwerkzorg.atlas.analysis.Analysis.Parameters;
import nl.netwerkzorg.atlas.analysis.Analysis.Report;
import nl.netwerkzorg.atlas.analysis.Analysis.TieKind;
import nl.netwerkzorg.atlas.analysis.AnalysisService;
import nl.netwerkzorg.atlas.analysis.AnalysisSnapshots;
import nl.netwerkzorg.atlas.analysis.AnalysisSnapshots.Snapshot;
import nl.netwerkzorg.atlas.base.ui.AtlasChart;
import nl.netwerkzorg.atlas.geography.ReferenceGeography;
import nl.netwerkzorg.atlas.geography.ui.RegionKinds;
import nl.netwerkzorg.atlas.security.AtlasPrincipal;
import nl.netwerkzorg.atlas.security.CurrentUser;
import nl.netwerkzorg.atlas.security.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

/**
 * The one-page region report for policy makers: the connectivity of care in one region on one printable A4 page —
 * the key figures, what they mean in plain words, the strongest brokers and the single points of failure, ties across
 * domains, the degree distribution, formal versus actual collaboration and the course of the stored snapshots. The
 * same parameters as Analyse ({@code /analyse/rapport?regio=PV26&banden=…}); "Afdrukken" prints it or saves it as PDF.
 * Aggregates and providers only, like Analyse.
 */
@Route(value = "analyse/rapport", autoLayout = false)
@RolesAllowed({Role.ADMIN_NAME, Role.NETWORK_MANAGER_NAME, Role.POLICY_ANALYST_NAME})
public class AnalysisReportView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    static final int TOP = 6;
    private final AnalysisService analysis;
    private final AnalysisSnapshots snapshots;
    private final AtlasPrincipal user;
    final Paragraph message = new Paragraph();
    final Div page = new Div();
    final AtlasChart degreeChart = new AtlasChart();
    final AtlasChart trendChart = new AtlasChart();
    @Nullable Report report;

    public AnalysisReportView(AnalysisService analysis, AnalysisSnapshots snapshots, CurrentUser currentUser) {
        this.analysis = analysis;
        this.snapshots = snapshots;
        this.user = currentUser.require();
        addClassName("atlas-report");
        message.setId("report-message");
        message.addClassName("atlas-message");
        page.addClassName("atlas-report-page");
        page.setId("report-page");
        add(message, page);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        QueryParameters q = event.getLocation().getQueryParameters();
        Parameters parameters = AnalysisView.parse(q, AnalysisView.defaultRegion(user), analysis.minimumSharedFor(user));
        page.removeAll();
        message.setText("");
        try {
            report = analysis.analyse(parameters, user);
        } catch (InvalidParameters e) {
            message.setText(e.getMessage());
            return;
        } catch (AccessDeniedException e) {
            message.setText(getTranslation("overview.noAccess"));
            return;
        }
        render(report, q);
    }

    private void render(Report r, QueryParameters q) {
        AnalysisFormat f = new AnalysisFormat(getLocale());
        Map<String, String> types = analysis.typeNames(getLocale());

        Button print = new Button(getTranslation("analysis.report.print"),
                e -> getUI().ifPresent(ui -> ui.getPage().executeJs("window.print()")));
        print.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        print.setId("report-print");
        Anchor back = new Anchor("analyse?" + q.getQueryString(), getTranslation("analysis.report.back"));
        Div actions = new Div(print, back);
        actions.addClassName("atlas-report-actions");

        H1 title = new H1(getTranslation("analysis.report.title", r.regionName()));
        Paragraph subtitle = new Paragraph(getTranslation("analysis.report.subtitle", RegionKinds.label(this, r.regionKind()),
                AnalysisParts.describe(this, r.parameters(), true), f.dateTime(r.computedAt()), user.displayName()));
        subtitle.addClassName("atlas-report-subtitle");

        Div figures = new Div(
                figure(f.number(r.nodes()), "analysis.card.providers"),
                figure(f.number(r.ties()), "analysis.card.ties"),
                figure(f.decimal(r.density(), 4), "analysis.card.density"),
                figure(f.decimal(r.meanDegree(), 1), "analysis.card.meanDegree"),
                figure(f.number(r.components()), "analysis.card.components"),
                figure(f.percent(share(r.largestComponent(), r.nodes())), "analysis.card.largest"),
                figure(f.number(r.isolatedCount()), "analysis.card.isolated"),
                figure(f.number(r.cutPointCount()), "analysis.card.cutPoints"),
                figure(f.number(r.bridgeCount()), "analysis.card.bridges"),
                figure(f.percent(r.crossDomainShare()), "analysis.card.crossDomain"));
        figures.addClassName("atlas-report-figures");
        figures.setId("report-figures");

        Div meaning = section("analysis.report.meaning", list(findings(r, f, types)));
        meaning.setId("report-meaning");

        Div brokers = section("analysis.tab.brokers", table(List.of(getTranslation("analysis.column.provider"),
                        getTranslation("analysis.column.type"), getTranslation("analysis.column.betweenness")),
                r.brokers().stream().limit(TOP).map(b -> List.of(b.provider().name(), typeName(types, b.provider().type()),
                        f.decimal(b.betweenness(), 4))).toList(), getTranslation("analysis.report.noBrokers")));
        brokers.setId("report-brokers");
        Div cutPoints = section("analysis.card.cutPoints", table(List.of(getTranslation("analysis.column.provider"),
                        getTranslation("analysis.column.type"), getTranslation("analysis.column.cutOff")),
                r.cutPoints().stream().limit(TOP).map(c -> List.of(c.provider().name(), typeName(types, c.provider().type()),
                        f.number(c.cutOff()))).toList(), getTranslation("analysis.report.noCutPoints")));
        cutPoints.setId("report-cut-points");
        Div pair = new Div(brokers, cutPoints);
        pair.addClassName("atlas-report-columns");

        Div domains = section("analysis.tab.domains", table(List.of(getTranslation("analysis.column.domainA"),
                        getTranslation("analysis.column.domainB"), getTranslation("analysis.column.ties"),
                        getTranslation("analysis.column.share")),
                r.domainTies().stream().limit(6).map(d -> List.of(getTranslation("domain." + d.domainA()),
                        getTranslation("domain." + d.domainB()), f.number(d.ties()), f.percent(share(d.ties(), r.ties()))))
                        .toList(), getTranslation("analysis.report.noTies")));
        domains.setId("report-domains");
        degreeChart.setChart(AnalysisParts.degreeChart(this, "", r));
        degreeChart.setHeight("11em");
        degreeChart.setId("report-degree-chart");
        Div degrees = section("analysis.tab.degrees", degreeChart);
        Div pair2 = new Div(domains, degrees);
        pair2.addClassName("atlas-report-columns");

        Div formal = section("analysis.tab.formal", list(List.of(
                getTranslation("analysis.formal.withoutSharing", f.number(r.agreementsWithoutSharingCount()),
                        r.parameters().minimumShared()),
                getTranslation("analysis.formal.withoutAgreement", f.number(r.sharingWithoutAgreementCount()),
                        r.parameters().heavySharing()),
                getTranslation("analysis.communities.explained", f.number(r.communityCount()), f.decimal(r.modularity(), 3)))));
        formal.setId("report-formal");
        Div trend = trendSection(r, f);
        Div pair3 = new Div(formal, trend);
        pair3.addClassName("atlas-report-columns");

        Paragraph footer = new Paragraph(getTranslation("analysis.report.footer", r.parameters().kinds().contains(TieKind.SHARING)
                ? getTranslation("analysis.report.footer.sharing", r.parameters().minimumShared()) : "",
                ReferenceGeography.ATTRIBUTION));
        footer.addClassName("atlas-report-footer");
        page.add(actions, title, subtitle, figures, meaning, pair, pair2, pair3, footer);
    }

    /** Plain-language findings computed from the report (nothing here is fixed text about a particular region). */
    private List<String> findings(Report r, AnalysisFormat f, Map<String, String> types) {
        List<String> lines = new ArrayList<>();
        lines.add(getTranslation("analysis.report.finding.connected", f.percent(share(r.largestComponent(), r.nodes())),
                f.number(Math.max(0, r.components() - 1 - r.isolatedCount())), f.number(r.isolatedCount())));
        if (!r.cutPoints().isEmpty()) {
            var worst = r.cutPoints().getFirst();
            lines.add(getTranslation("analysis.report.finding.cutPoint", worst.provider().name(),
                    typeName(types, worst.provider().type()), f.number(worst.cutOff()), f.number(r.cutPointCount())));
        } else {
            lines.add(getTranslation("analysis.report.finding.noCutPoint"));
        }
        if (!r.brokers().isEmpty()) {
            var top = r.brokers().getFirst();
            lines.add(getTranslation("analysis.report.finding.broker", top.provider().name(),
                    typeName(types, top.provider().type()), f.number(top.domainsAround())));
        }
        lines.add(getTranslation("analysis.report.finding.domains", f.percent(r.crossDomainShare())));
        if (r.parameters().kinds().contains(TieKind.SHARING) && r.parameters().kinds().contains(TieKind.COLLABORATION)) {
            lines.add(getTranslation("analysis.report.finding.formal", f.number(r.sharingWithoutAgreementCount()),
                    r.parameters().heavySharing()));
        }
        return lines;
    }

    private Div trendSection(Report r, AnalysisFormat f) {
        List<Snapshot> points = snapshots.trend(r.parameters(), user);
        Div section;
        if (points.size() < 2) {
            section = section("analysis.tab.trend", new Paragraph(points.isEmpty() ? getTranslation("analysis.trend.none")
                    : getTranslation("analysis.trend.one", f.dateTime(points.getFirst().takenAt()))));
        } else {
            String isolated = getTranslation("analysis.trend.metric.ISOLATED");
            String ties = getTranslation("analysis.trend.metric.TIES");
            trendChart.setChart(new AtlasChart.Chart("", "",
                    points.stream().map(s -> f.date(s.takenAt())).toList(), isolated, List.of(
                    AtlasChart.Series.line(isolated, points.stream().<Number>map(Snapshot::isolated).toList(), "#c62828"),
                    AtlasChart.Series.line(ties, points.stream().<Number>map(Snapshot::ties).toList(), "#1565c0")
                            .onRightAxis())));
            trendChart.setHeight("11em");
            trendChart.setId("report-trend-chart");
            section = section("analysis.tab.trend", trendChart);
        }
        section.setId("report-trend");
        return section;
    }

    private Div figure(String value, String label) {
        Span number = new Span(value);
        number.addClassName("atlas-report-figure-value");
        Span caption = new Span(getTranslation(label));
        caption.addClassName("atlas-report-figure-label");
        Div figure = new Div(number, caption);
        figure.addClassName("atlas-report-figure");
        return figure;
    }

    private Div section(String titleKey, Component content) {
        Div section = new Div(new H2(getTranslation(titleKey)), content);
        section.addClassName("atlas-report-section");
        return section;
    }

    private static Component list(List<String> lines) {
        com.vaadin.flow.component.html.UnorderedList list = new com.vaadin.flow.component.html.UnorderedList();
        lines.forEach(line -> list.add(new com.vaadin.flow.component.html.ListItem(line)));
        return list;
    }

    /** A plain HTML table (prints reliably, unlike a virtualised grid); text only, never markup. */
    private static Component table(List<String> header, List<List<String>> rows, String empty) {
        if (rows.isEmpty()) {
            return new Paragraph(empty);
        }
        com.vaadin.flow.dom.Element table = new com.vaadin.flow.dom.Element("table");
        com.vaadin.flow.dom.Element head = new com.vaadin.flow.dom.Element("tr");
        header.forEach(h -> head.appendChild(new com.vaadin.flow.dom.Element("th").setText(h)));
        table.appendChild(head);
        for (List<String> row : rows) {
            com.vaadin.flow.dom.Element tr = new com.vaadin.flow.dom.Element("tr");
            row.forEach(cell -> tr.appendChild(new com.vaadin.flow.dom.Element("td").setText(cell)));
            table.appendChild(tr);
        }
        Div holder = new Div();
        holder.getElement().appendChild(table);
        holder.addClassName("atlas-report-table");
        return holder;
    }

    private static String typeName(Map<String, String> types, String code) {
        return types.getOrDefault(code, code);
    }

    private static double share(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }

    @Override
    public String getPageTitle() {
        return report == null ? getTranslation("analysis.report.titleShort")
                : getTranslation("analysis.report.title", report.regionName());
    }
}
