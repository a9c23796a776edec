package nl.netwerkzorg.atlas.geography.ui;

import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.util.function.Function;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.RolesAllowed;
import nl.netwerkzorg.atlas.geography.CsvImportException;
import nl.netwerkzorg.atlas.geography.GeographyService;
import nl.netwerkzorg.atlas.security.Role;

/** Gebieden (admin): import region layers and inhabitants from CSV, all-or-nothing with a row-level report. */
@Route("beheer/gebieden")
@Menu(title = "nav.regions", order = 80, icon = "vaadin:map-marker")
@RolesAllowed(Role.ADMIN_NAME)
public class RegionImportView extends VerticalLayout implements HasDynamicTitle {

    static final int MAX_BYTES = 5 * 1024 * 1024;
    final Div regionResult = new Div();
    final Div inhabitantsResult = new Div();
    private final GeographyService geography;

    public RegionImportView(GeographyService geography) {
        this.geography = geography;
        regionResult.setId("region-import-result");
        inhabitantsResult.setId("inhabitants-import-result");
        add(new H2(getTranslation("regions.title")),
                new H3(getTranslation("regions.regions.title")), new Paragraph(getTranslation("regions.regions.help")),
                upload(regionResult, this::importRegions), regionResult,
                new H3(getTranslation("regions.inhabitants.title")), new Paragraph(getTranslation("regions.inhabitants.help")),
                upload(inhabitantsResult, this::importInhabitants), inhabitantsResult);
    }

    private Upload upload(Div result, Function<String, String> importer) {
        Upload upload = new Upload(UploadHandler.inMemory((metadata, data) -> getUI().ifPresent(ui -> ui.access(() ->
                showResult(result, importer, data)))));
        upload.setMaxFiles(1);
        upload.setMaxFileSize(MAX_BYTES);
        upload.setAcceptedFileTypes(".csv", "text/csv", "text/plain");
        upload.addFileRejectedListener(e -> showError(result, getTranslation("regions.tooLarge")));
        upload.setI18n(new UploadI18N()
                .setAddFiles(new UploadI18N.AddFiles().setOne(getTranslation("regions.upload")).setMany(getTranslation("regions.upload")))
                .setDropFiles(new UploadI18N.DropFiles().setOne(getTranslation("regions.drop")).setMany(getTranslation("regions.drop")))
                .setError(new UploadI18N.Error().setTooManyFiles(getTranslation("regions.tooMany"))
                        .setFileIsTooBig(getTranslation("regions.tooLarge")).setIncorrectFileType(getTranslation("regions.wrongType"))));
        return upload;
    }

    /** Runs an import and shows its outcome; public so tests can drive it without a browser upload. */
    void showResult(Div result, Function<String, String> importer, byte[] data) {
        result.removeAll();
        try {
            Paragraph ok = new Paragraph(importer.apply(new String(data, StandardCharsets.UTF_8)));
            ok.addClassName("atlas-success");
            result.add(ok);
        } catch (CsvImportException e) {
            Paragraph title = new Paragraph(getTranslation("regions.rejected"));
            title.addClassName("atlas-error");
            UnorderedList problems = new UnorderedList();
            e.problems().stream().limit(100).forEach(p -> problems.add(new ListItem(p.toString())));
            result.add(title, problems);
        }
    }

    String importRegions(String csv) {
        var r = geography.importRegions(csv);
        return getTranslation("regions.success.regions", r.regions(), r.memberships(), String.join(", ", r.kinds()));
    }

    String importInhabitants(String csv) {
        var r = geography.importInhabitants(csv, "IMPORT");
        return getTranslation("regions.success.inhabitants", r.municipalities(),
                NumberFormat.getIntegerInstance(getLocale()).format(r.inhabitants()));
    }

    private void showError(Div result, String text) {
        result.removeAll();
        Paragraph p = new Paragraph(text);
        p.addClassName("atlas-error");
        result.add(p);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("regions.title");
    }
}
