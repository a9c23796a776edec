package nl.netwerkzorg.atlas.exchange.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.UploadHandler;
import nl.netwerkzorg.atlas.base.CsvExport;
import nl.netwerkzorg.atlas.exchange.FhirExport;
import nl.netwerkzorg.atlas.exchange.FhirImport;
import nl.netwerkzorg.atlas.exchange.FhirImport.FhirProblem;
import nl.netwerkzorg.atlas.exchange.ImportKind;
import nl.netwerkzorg.atlas.geography.MunicipalityGeometry;
import nl.netwerkzorg.atlas.geography.RegionService.RegionSummary;
import nl.netwerkzorg.atlas.security.AtlasPrincipal;

/**
 * The FHIR R4 / IHE mCSD part of Beheer › Import (docs/fhir.md): a bundle of the country or a province to download, and
 * a bundle to import, with the municipality for organisations the bundle does not place, every problem by resource and
 * element, and what was not imported.
 */
class FhirSection extends VerticalLayout {

    final Select<Optional<RegionSummary>> region = new Select<>();
    final Anchor export;
    final ComboBox<MunicipalityGeometry> place = new ComboBox<>();
    final Upload upload;
    final ProgressBar progress = new ProgressBar();
    final Paragraph status = new Paragraph();
    final Grid<FhirProblem> problems = new Grid<>();
    final Anchor problemsCsv;
    final Details notes = new Details();
    private final Runnable afterImport;
    private volatile Optional<RegionSummary> chosenRegion = Optional.empty();
    /** The chosen municipality, read by the upload's thread (which holds no lock on the UI). */
    private volatile Optional<String> chosenPlace = Optional.empty();
    private volatile List<FhirProblem> shown = List.of();

    FhirSection(AtlasPrincipal user, FhirExport exporter, FhirImport importer, List<RegionSummary> provinces,
            List<MunicipalityGeometry> municipalities, Runnable afterImport) {
        this.afterImport = afterImport;
        setPadding(false);
        setSpacing(true);
        Paragraph note = new Paragraph(getTranslation("fhir.note", FhirImport.MAX_BYTES / (1024 * 1024)));
        note.addClassName("atlas-note");

        List<Optional<RegionSummary>> choices = new ArrayList<>();
        choices.add(Optional.empty());
        provinces.forEach(r -> choices.add(Optional.of(r)));
        region.setId("fhir-region");
        region.setLabel(getTranslation("import.export.region"));
        region.setItems(choices);
        region.setItemLabelGenerator(r -> r.map(RegionSummary::name).orElse(getTranslation("import.export.all")));
        region.setValue(Optional.empty());
        region.setWidth("16em");
        region.addValueChangeListener(e -> chosenRegion = e.getValue() == null ? Optional.empty() : e.getValue());
        export = new Anchor((DownloadHandler) event -> {
            Optional<String> code = chosenRegion.map(RegionSummary::code);
            event.setFileName("netwerkzorg-atlas-mcsd-" + code.orElse("NL") + ".json");
            event.setContentType("application/fhir+json");
            try (var out = event.getOutputStream()) {
                exporter.export(user, code, out);
            }
        }, getTranslation("fhir.export"));
        export.getElement().setAttribute("download", true);
        export.addClassName("atlas-export");
        export.setId("fhir-export");
        HorizontalLayout exporting = new HorizontalLayout(region, export);
        exporting.setAlignItems(Alignment.BASELINE);

        place.setId("fhir-place");
        place.setLabel(getTranslation("fhir.place"));
        place.setHelperText(getTranslation("fhir.place.help"));
        place.setItems(municipalities);
        place.setItemLabelGenerator(m -> m.name() + " (" + m.code() + ")");
        place.setClearButtonVisible(true);
        place.setWidth("22em");
        place.addValueChangeListener(e -> chosenPlace = Optional.ofNullable(e.getValue()).map(MunicipalityGeometry::code));

        UI ui = UI.getCurrent();
        // To a temporary file first: the browser's size limit is no limit for the server, which checks the size itself.
        upload = new Upload(UploadHandler.toTempFile((metadata, file) -> {
            String fileName = metadata.fileName();
            Optional<String> municipality = chosenPlace;
            ui.access(() -> started(fileName));
            Thread.ofVirtual().name("atlas-fhir-import").start(() -> {
                FhirImport.Result result;
                try {
                    result = importer.importBundle(user, fileName, file.toPath(), municipality);
                } catch (RuntimeException | java.io.IOException | OutOfMemoryError e) {
                    ui.access(() -> failed(e));
                    return;
                } finally {
                    file.delete();
                }
                ui.access(() -> finished(result));
            });
        }));
        upload.setId("fhir-upload");
        upload.setAcceptedFileTypes(".json", ".xml", "application/fhir+json", "application/json", "application/fhir+xml",
                "application/xml", "text/xml");
        upload.setMaxFileSize(FhirImport.MAX_BYTES);
        upload.setMaxFiles(1);
        upload.getElement().addEventListener("upload-start", e -> e.getSource().getComponent()
                .flatMap(c -> c.getUI()).ifPresent(current -> current.setPollInterval(500)));
        for (String end : List.of("upload-error", "upload-abort")) {
            upload.getElement().addEventListener(end, e -> getUI().ifPresent(current -> current.setPollInterval(-1)));
        }
        upload.addFileRejectedListener(e -> say(getTranslation("import.rejected", e.getErrorMessage()), true));
        upload.setI18n(nl.netwerkzorg.atlas.base.ui.UploadTexts.of(this, "fhir.upload",
                getTranslation("import.tooLarge", FhirImport.MAX_BYTES / (1024 * 1024)), "fhir.wrongType"));

        progress.setIndeterminate(true);
        progress.setVisible(false);
        status.setId("fhir-status");
        status.getElement().setAttribute("role", "status");
        problems.setId("fhir-problems");
        problems.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        problems.addColumn(FhirProblem::resource).setHeader(getTranslation("fhir.resource")).setAutoWidth(true).setFlexGrow(0);
        problems.addColumn(FhirProblem::element).setHeader(getTranslation("fhir.element")).setAutoWidth(true).setFlexGrow(0);
        problems.addColumn(FhirProblem::value).setHeader(getTranslation("import.value")).setAutoWidth(true).setFlexGrow(0);
        problems.addColumn(FhirProblem::message).setHeader(getTranslation("import.message")).setFlexGrow(1);
        problems.setHeight("20em");
        problems.setVisible(false);
        problemsCsv = nl.netwerkzorg.atlas.base.ui.CsvDownload.link("fhir-importfouten.csv", getTranslation("import.problems.csv"),
                this::problemsCsv);
        problemsCsv.setVisible(false);
        notes.setId("fhir-notes");
        notes.setVisible(false);

        add(new H3(getTranslation("fhir.title")), note, exporting, place, upload, progress, status, problemsCsv, problems, notes);
    }

    private void started(String fileName) {
        getUI().ifPresent(ui -> ui.setPollInterval(500));
        progress.setVisible(true);
        problems.setVisible(false);
        problemsCsv.setVisible(false);
        notes.setVisible(false);
        status.setText(getTranslation("fhir.checking", fileName));
        status.setClassName("");
    }

    void finished(FhirImport.Result result) {
        getUI().ifPresent(ui -> ui.setPollInterval(-1));
        progress.setVisible(false);
        if (result.written()) {
            say(getTranslation("fhir.done", result.fileName(), result.resources(), count(result, ImportKind.PROVIDERS),
                    count(result, ImportKind.NETWORKS), count(result, ImportKind.MEMBERSHIPS), count(result, ImportKind.COLLABORATIONS)),
                    false);
        } else {
            say(getTranslation("fhir.refused", result.fileName(), result.problemCount()), true);
            shown = result.problems();
            problems.setItems(shown);
            problems.setVisible(true);
            problemsCsv.setVisible(true);
        }
        notes.setVisible(!result.notes().isEmpty());
        notes.setSummaryText(getTranslation("fhir.notes", result.notes().size()));
        UnorderedList list = new UnorderedList();
        result.notes().stream().limit(500).forEach(n -> list.add(new ListItem(n.toString())));
        notes.removeAll();
        notes.add(list);
        upload.clearFileList();
        afterImport.run();
    }

    private static int count(FhirImport.Result result, ImportKind kind) {
        return result.counts().getOrDefault(kind, 0);
    }

    private void failed(Throwable e) {
        getUI().ifPresent(ui -> ui.setPollInterval(-1));
        progress.setVisible(false);
        say(getTranslation("import.failed", String.valueOf(e.getMessage())), true);
        upload.clearFileList();
        afterImport.run();
    }

    private void say(String text, boolean error) {
        status.setText(text);
        status.setClassName(error ? "atlas-error" : "atlas-success");
        status.getElement().setAttribute("role", error ? "alert" : "status");
    }

    private byte[] problemsCsv() {
        List<List<Object>> rows = new ArrayList<>();
        shown.forEach(p -> rows.add(List.of(p.resource(), p.element(), p.value(), p.message())));
        return CsvExport.toBytes(List.of(getTranslation("fhir.resource"), getTranslation("fhir.element"),
                getTranslation("import.value"), getTranslation("import.message")), rows);
    }
}
