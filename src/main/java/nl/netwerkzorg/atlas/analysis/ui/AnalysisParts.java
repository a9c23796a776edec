package nl.netwerkzorg.atlas.analysis.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Paragraph;
import nl.netwerkzorg.atlas.analysis.Analysis;
import nl.netwerkzorg.atlas.analysis.Analysis.Parameters;
import nl.netwerkzorg.atlas.analysis.Analysis.Report;
import nl.netwerkzorg.atlas.analysis.Analysis.TieKind;
import nl.netwerkzorg.atlas.base.ui.AtlasChart;

/** Pieces the Analyse view, its tabs and the region report share: notes, the parameters in words, the degree chart. */
final class AnalysisParts {

    private AnalysisParts() {
    }

    /** A small explanatory line. */
    static Paragraph note(String text) {
        Paragraph p = new Paragraph(text);
        p.addClassName("atlas-note");
        return p;
    }

    /**
     * The parameters in words: "Samenwerkingen, Gedeelde cliënten · vanaf 5 gedeelde cliënten · Medisch"; with
     * {@code nameAllDomains} "Alle domeinen" is said too when no domain was chosen.
     */
    static String describe(Component translator, Parameters p, boolean nameAllDomains) {
        List<String> parts = new ArrayList<>();
        parts.add(p.kinds().stream().sorted().map(k -> translator.getTranslation("analysis.kind." + k.name()))
                .collect(Collectors.joining(", ")));
        if (p.kinds().contains(TieKind.SHARING)) {
            parts.add(translator.getTranslation("analysis.snapshot.minimum", p.minimumShared()));
        }
        if (p.domain() != null) {
            parts.add(translator.getTranslation("domain." + p.domain()));
        } else if (nameAllDomains) {
            parts.add(translator.getTranslation("analysis.domain.all"));
        }
        return String.join(" · ", parts);
    }

    /** The degree distribution of the report as a bar chart in bins ({@link Analysis#degreeBins}). */
    static AtlasChart.Chart degreeChart(Component translator, String title, Report r) {
        List<Analysis.DegreeBin> bins = Analysis.degreeBins(r.degreeDistribution());
        String providers = translator.getTranslation("analysis.column.providers");
        return new AtlasChart.Chart(title, translator.getTranslation("analysis.column.degree"),
                bins.stream().map(AnalysisParts::binLabel).toList(), providers,
                List.of(AtlasChart.Series.bars(providers, bins.stream().<Number>map(Analysis.DegreeBin::providers).toList(),
                        "#1565c0")));
    }

    static String binLabel(Analysis.DegreeBin bin) {
        if (bin.to() < 0) {
            return bin.from() + "+";
        }
        return bin.from() == bin.to() ? String.valueOf(bin.from()) : bin.from() + "–" + bin.to();
    }
}
