package nl.netwerkzorg.atlas.geography.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.html.ListItem;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import nl.netwerkzorg.atlas.AtlasSpringTest;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.test.context.support.WithUserDetails;

@AtlasSpringTest
class RegionImportViewTest extends SpringBrowserlessTest {

    @Autowired
    Neo4jClient neo4j;

    @Test
    @WithUserDetails("admin")
    void aBadMunicipalityCodeIsReportedByLineAndNothingChanges() {
        RegionImportView view = navigate(RegionImportView.class);
        long before = neo4j.query("MATCH ()-[r:IN_REGION]->() RETURN count(r)").fetchAs(Long.class).one().orElseThrow();
        String csv = "region_kind;region_code;region_name;municipality_code\nROAZ;R1;ROAZ Test;GM0344\nROAZ;R1;ROAZ Test;GM12\n";
        view.showResult(view.regionResult, view::importRegions, csv.getBytes(StandardCharsets.UTF_8));
        assertThat(view.regionResult.getElement().getTextRecursively()).startsWith("Import geweigerd, er is niets gewijzigd:");
        assertThat(view.regionResult.getChildren().flatMap(c -> c.getChildren()).filter(ListItem.class::isInstance)
                .map(c -> ((ListItem) c).getText())).containsExactly(
                "regel 3: ongeldige gemeentecode 'GM12' (verwacht GM gevolgd door 4 cijfers)");
        assertThat(neo4j.query("MATCH ()-[r:IN_REGION]->() RETURN count(r)").fetchAs(Long.class).one().orElseThrow()).isEqualTo(before);
    }
}
