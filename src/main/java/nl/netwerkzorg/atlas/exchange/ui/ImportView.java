package nl.netwerkzorg.atlas.exchange.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.upload.Upload;
import nl.netwerkzorg.atlas.base.ui.UploadTexts;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.RolesAllowed;
import nl.netwerkzorg.atlas.base.CsvExport;
import nl.netwerkzorg.atlas.base.ui.CsvDownload;
import nl.netwerkzorg.atlas.exchange.DataExport;
import nl.netwerkzorg.atlas.exchange.DatasetBackup;
import nl.netwerkzorg.atlas.exchange.DataImport;
import nl.netwerkzorg.atlas.exchange.DataImport.HistoryEntry;
import nl.netwerkzorg.atlas.exchange.DataImport.Result;
import nl.netwerkzorg.atlas.exchange.DataImport.Validation;
import nl.netwerkzorg.atlas.exchange.ImportKind;
import nl.netwerkzorg.atlas.exchange.ImportProblem;
import nl.netwerkzorg.atlas.geography.RegionService;
import nl.netwerkzorg.atlas.geography.RegionService.RegionSummary;
import nl.netwerkzorg.atlas.security.AtlasPrincipal;
import nl.netwerkzorg.atlas.security.CurrentUser;
import nl.netwerkzorg.atlas.security.Role;
import org.jspecify.annotations.Nullable;

/**
 * Beheer › Import: an administrator chooses what a CSV file holds (providers, service areas, capacity, networks,
 * memberships, collaborations, clients, care relations, carers, region layers, inhabitants), downloads its template,
 * uploads the file and sees every problem with its line, column and value — and nothing is written — or, for a file
 * without problems, imports it in one transaction. The import history lists every attempt. Checking and writing run off
 * the request thread with a progress bar. Each kind exports in its own format, for the country or one province.
 */
@Route("beheer/import")
@Menu(title = "nav.import", order = 81, icon = "vaadin:upload")
@RolesAllowed({Role.ADMIN_NAME, Role.NETWORK_MANAGER_NAME})
public class ImportView extends VerticalLayout implements HasDynamicTitle {

    private final DataImport imports;
    private final AtlasPrincipal user;
    private final DateTimeFormatter time;

    final Upload upload;
    final ProgressBar progress = new ProgressBar();
    final Paragraph status = new Paragraph();
    final Grid<ImportProblem> problems = new Grid<>();
    final Anchor problemsCsv;
    final Grid<HistoryEntry> history = new Grid<>();
    /** Read by the downloads, which run outside the UI lock. */
    private volatile @Nullable Validation last;
    private volatile Optional<RegionSummary> chosenRegion = Optional.empty();
    private volatile ImportKind kind = ImportKind.PROVIDERS;
    private volatile ImportKind exportKind = ImportKind.PROVIDERS;

    final Select<ImportKind> kindSelect = new Select<>();
    final Paragraph kindHelp = new Paragraph();
    final Anchor template;
    final Select<ImportKind> exportKindSelect = new Select<>();
    final Anchor datasetExport;
    final Upload restoreUpload;
    final Paragraph restoreStatus = new Paragraph();
    final Div restoreProblems = new Div();
    final Select<Optional<RegionSummary>> exportRegion = new Select<>();
    final Anchor export;

    final FhirSection fhir;

    public ImportView(DataImport imports, DataExport exporter, DatasetBackup backup, RegionService regions,
            nl.netwerkzorg.atlas.exchange.FhirExport fhirExport, nl.netwerkzorg.atlas.exchange.FhirImport fhirImport,
            nl.netwerkzorg.atlas.geography.ReferenceGeography geography, CurrentUser currentUser) {
        this.imports = imports;
        this.user = currentUser.require();
        // A network manager imports and exports the networks of their own regions and their members; the rest is the
        // administrator's (docs/import.md, "Network managers").
        boolean admin = user.role() == Role.ADMIN;
        List<ImportKind> kinds = DataImport.kindsFor(user);
        kind = kinds.getFirst();
        exportKind = kinds.getFirst();
        this.time = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(getLocale())
                .withZone(ZoneId.of("Europe/Amsterdam"));
        Paragraph intro = new Paragraph(getTranslation(admin ? "import.intro" : "import.intro.manager",
                DataImport.MAX_BYTES / (1024 * 1024), String.format(getLocale(), "%,d", DataImport.MAX_ROWS)));
        intro.addClassName("atlas-note");
        kindSelect.setId("import-kind");
        kindSelect.setLabel(getTranslation("import.kind"));
        kindSelect.setItems(kinds);
        kindSelect.setItemLabelGenerator(k -> getTranslation(k.labelKey()));
        kindSelect.setValue(kind);
        kindSelect.setWidth("20em");
        kindHelp.setId("import-kind-help");
        kindHelp.addClassName("atlas-note");
        template = CsvDownload.link(() -> kind.fileStem() + "-sjabloon.csv", getTranslation("import.template"),
                () -> imports.template(kind));
        template.setId("import-template");
        kindSelect.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                kind = e.getValue();
                showKind();
            }
        });
        showKind();

        UI ui = UI.getCurrent();
        upload = new Upload(UploadHandler.inMemory((metadata, bytes) -> {
            String fileName = metadata.fileName();
            ImportKind chosen = kind;
            ui.access(() -> started(fileName));
            Thread.ofVirtual().name("atlas-import").start(() -> {
                Result result;
                try {
                    result = imports.importFile(user, chosen, fileName, bytes,
                            (phase, done, total) -> ui.access(() -> showProgress(fileName, phase, done, total)));
                } catch (RuntimeException e) {
                    ui.access(() -> failed(e));
                    return;
                }
                ui.access(() -> finished(result));
            });
        }));
        upload.setId("import-upload");
        upload.setAcceptedFileTypes(".csv", "text/csv", "text/plain");
        upload.setMaxFileSize(DataImport.MAX_BYTES);
        upload.setMaxFiles(1);
        // The file arrives outside the UI's request cycle; a round trip at the start of the upload turns on polling so
        // the check's progress and outcome reach the browser (the application uses no server push).
        upload.getElement().addEventListener("upload-start", e -> e.getSource().getComponent()
                .flatMap(c -> c.getUI()).ifPresent(current -> current.setPollInterval(500)));
        upload.addFileRejectedListener(e -> say(getTranslation("import.rejected", e.getErrorMessage()), true));
        upload.setI18n(UploadTexts.of(this, "regions.upload", getTranslation("import.tooLarge", DataImport.MAX_BYTES / (1024 * 1024)),
                "regions.wrongType"));

        progress.setIndeterminate(true);
        progress.setVisible(false);
        status.setId("import-status");
        status.getElement().setAttribute("role", "status");

        problems.setId("import-problems");
        problems.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        problems.addColumn(p -> p.line() == 0 ? "—" : String.valueOf(p.line())).setHeader(getTranslation("import.line"))
                .setAutoWidth(true).setFlexGrow(0);
        problems.addColumn(ImportProblem::column).setHeader(getTranslation("import.column")).setAutoWidth(true).setFlexGrow(0);
        problems.addColumn(ImportProblem::value).setHeader(getTranslation("import.value")).setAutoWidth(true).setFlexGrow(0);
        problems.addColumn(ImportProblem::message).setHeader(getTranslation("import.message")).setFlexGrow(1);
        problems.setVisible(false);
        problems.setHeight("24em");
        problemsCsv = CsvDownload.link("importfouten.csv", getTranslation("import.problems.csv"), this::problemsCsv);
        problemsCsv.setVisible(false);

        history.setId("import-history");
        history.addThemeVariants(GridVariant.LUMO_COMPACT);
        history.addColumn(h -> time.format(h.at())).setHeader(getTranslation("import.history.at")).setAutoWidth(true).setFlexGrow(0);
        history.addColumn(HistoryEntry::username).setHeader(getTranslation("import.history.by")).setAutoWidth(true).setFlexGrow(0);
        history.addColumn(h -> kindName(h.kind())).setHeader(getTranslation("import.kind")).setWidth("14rem").setFlexGrow(0);
        history.addColumn(HistoryEntry::fileName).setHeader(getTranslation("import.history.file")).setAutoWidth(true);
        history.addColumn(HistoryEntry::rows).setHeader(getTranslation("import.history.rows")).setAutoWidth(true).setFlexGrow(0);
        history.addColumn(h -> getTranslation(h.accepted() ? "import.history.accepted" : "import.history.refused", h.problems()))
                .setHeader(getTranslation("import.history.result")).setAutoWidth(true).setFlexGrow(0);
        history.addColumn(HistoryEntry::summary).setHeader(getTranslation("import.history.summary")).setFlexGrow(1);
        history.setAllRowsVisible(true);
        showHistory();

        addDetachListener(e -> e.getUI().setPollInterval(-1));
        List<Optional<RegionSummary>> choices = new ArrayList<>();
        if (admin) {
            choices.add(Optional.empty());
            regions.regions("PROVINCIE").forEach(r -> choices.add(Optional.of(r)));
        } else {
            user.regionCodes().forEach(code -> regions.region(code).ifPresent(r -> choices.add(Optional.of(r))));
            chosenRegion = choices.isEmpty() ? Optional.empty() : choices.getFirst();
        }
        exportRegion.setLabel(getTranslation("import.export.region"));
        exportRegion.setItems(choices);
        exportRegion.setItemLabelGenerator(r -> r.map(RegionSummary::name).orElse(getTranslation("import.export.all")));
        exportRegion.setValue(chosenRegion);
        exportRegion.setWidth("16em");
        exportRegion.addValueChangeListener(e -> chosenRegion = e.getValue() == null ? Optional.empty() : e.getValue());
        exportKindSelect.setId("import-export-kind");
        exportKindSelect.setLabel(getTranslation("import.kind"));
        exportKindSelect.setItems(kinds);
        exportKindSelect.setItemLabelGenerator(k -> getTranslation(k.labelKey()));
        exportKindSelect.setValue(exportKind);
        exportKindSelect.setWidth("16em");
        exportKindSelect.addValueChangeListener(e -> exportKind = e.getValue() == null ? ImportKind.PROVIDERS : e.getValue());
        export = CsvDownload.link(() -> exportKind.fileStem() + "-" + chosenRegion.map(RegionSummary::code).orElse("NL") + ".csv",
                getTranslation("import.export.download"),
                () -> exporter.export(user, exportKind, chosenRegion.map(RegionSummary::code)));
        export.setId("import-export");
        HorizontalLayout exporting = new HorizontalLayout(exportKindSelect, exportRegion, export);
        exporting.setAlignItems(Alignment.BASELINE);
        Paragraph exportNote = new Paragraph(getTranslation(admin ? "import.export.note" : "import.export.note.manager"));
        exportNote.addClassName("atlas-note");

        // The whole dataset as a zip (or one province), streamed to the browser, and its restore.
        datasetExport = new Anchor((DownloadHandler) event -> {
            Optional<String> region = chosenRegion.map(RegionSummary::code);
            event.setFileName(DatasetBackup.fileName(region, java.time.OffsetDateTime.now()));
            event.setContentType("application/zip");
            try (var out = event.getOutputStream()) {
                backup.export(user, region, out);
            }
        }, getTranslation("import.backup.download"));
        datasetExport.getElement().setAttribute("download", true);
        datasetExport.addClassName("atlas-export");
        datasetExport.setId("import-dataset-export");
        Paragraph backupNote = new Paragraph(getTranslation("import.backup.note"));
        H3 backupTitle = new H3(getTranslation("import.backup"));
        backupNote.addClassName("atlas-note");
        restoreUpload = new Upload(UploadHandler.toTempFile((metadata, file) -> {
            String fileName = metadata.fileName();
            ui.access(() -> restoreStarted(fileName));
            Thread.ofVirtual().name("atlas-restore").start(() -> {
                try (var in = java.nio.file.Files.newInputStream(file.toPath())) {
                    DatasetBackup.Restore restore = backup.restore(user, fileName, in);
                    ui.access(() -> restoreFinished(fileName, restore));
                } catch (RuntimeException | java.io.IOException e) {
                    ui.access(() -> restoreFailed(fileName, e));
                } finally {
                    file.delete();
                }
            });
        }));
        restoreUpload.setId("import-restore-upload");
        restoreUpload.setAcceptedFileTypes(".zip", "application/zip");
        restoreUpload.setMaxFileSize((int) DatasetBackup.MAX_ZIP_BYTES);
        restoreUpload.setMaxFiles(1);
        restoreUpload.getElement().addEventListener("upload-start", e -> e.getSource().getComponent()
                .flatMap(c -> c.getUI()).ifPresent(current -> current.setPollInterval(500)));
        restoreUpload.setI18n(UploadTexts.of(this, "import.restore.upload",
                getTranslation("import.tooLarge", DatasetBackup.MAX_ZIP_BYTES / (1024 * 1024)), "regions.wrongType"));
        restoreStatus.setId("import-restore-status");
        restoreStatus.getElement().setAttribute("role", "status");
        restoreProblems.setId("import-restore-problems");

        add(new H2(getTranslation("import.title")), intro, kindSelect, kindHelp, template, upload,
                progress, status, new HorizontalLayout(problemsCsv), problems, new H3(getTranslation("import.history")), history,
                new H3(getTranslation("import.export")), exportNote, exporting, datasetExport,
                backupTitle, backupNote, restoreUpload, restoreStatus, restoreProblems);
        fhir = new FhirSection(user, fhirExport, fhirImport, regions.regions("PROVINCIE"), geography.municipalities(),
                this::showHistory);
        fhir.setId("import-fhir");
        add(fhir);
        for (var adminOnly : List.of(datasetExport, backupTitle, backupNote, restoreUpload, restoreStatus, restoreProblems, fhir)) {
            adminOnly.setVisible(admin);
        }
    }

    private void restoreStarted(String fileName) {
        getUI().ifPresent(ui -> ui.setPollInterval(500));
        restoreProblems.removeAll();
        restoreStatus.setText(getTranslation("import.restore.running", fileName));
        restoreStatus.setClassName("");
    }

    void restoreFinished(String fileName, DatasetBackup.Restore restore) {
        stopPolling();
        restoreUpload.clearFileList();
        restoreProblems.removeAll();
        if (restore.restored()) {
            restoreStatus.setText(getTranslation("import.restore.done", fileName, restore.rows().entrySet().stream()
                    .map(e -> getTranslation(e.getKey().labelKey()) + " " + String.format(getLocale(), "%,d", e.getValue()))
                    .reduce((a, b) -> a + ", " + b).orElse("")));
            restoreStatus.setClassName("atlas-success");
        } else {
            restoreStatus.setText(getTranslation("import.restore.refused", fileName, restore.problems().size()));
            restoreStatus.setClassName("atlas-error");
            restore.problems().stream().limit(50).forEach(p -> restoreProblems.add(new Paragraph(p)));
        }
        showHistory();
    }

    private void restoreFailed(String fileName, Exception e) {
        stopPolling();
        restoreUpload.clearFileList();
        restoreStatus.setText(getTranslation("import.restore.notDone", fileName, String.valueOf(e.getMessage())));
        restoreStatus.setClassName("atlas-error");
        showHistory();
    }

    /** The problems of the last refused file, as CSV. */
    private byte[] problemsCsv() {
        List<List<Object>> rows = new ArrayList<>();
        Validation shown = last;
        if (shown != null) {
            shown.problems().forEach(p -> rows.add(List.of(new CsvExport.Numeric(String.valueOf(p.line())), p.column(), p.value(),
                    p.message())));
        }
        return CsvExport.toBytes(List.of(getTranslation("import.line"), getTranslation("import.column"),
                getTranslation("import.value"), getTranslation("import.message")), rows);
    }

    private void started(String fileName) {
        // No server push in this application: the browser asks for the outcome twice a second while the import runs.
        getUI().ifPresent(ui -> ui.setPollInterval(500));
        progress.setVisible(true);
        problems.setVisible(false);
        problemsCsv.setVisible(false);
        status.setText(getTranslation("import.checking", fileName));
        status.setClassName("");
    }

    /** Rows checked of all as a bar, then an indeterminate bar while the file is written. */
    void showProgress(String fileName, String phase, int done, int total) {
        if (phase.equals("WRITE")) {
            progress.setIndeterminate(true);
            status.setText(getTranslation("import.writing", fileName, String.format(getLocale(), "%,d", total)));
        } else {
            progress.setIndeterminate(false);
            progress.setValue(total == 0 ? 0 : (double) done / total);
            status.setText(getTranslation("import.checkingRows", fileName, String.format(getLocale(), "%,d", done),
                    String.format(getLocale(), "%,d", total)));
        }
    }

    void finished(Result result) {
        last = result.validation();
        stopPolling();
        progress.setVisible(false);
        Validation v = result.validation();
        problems.setVisible(!result.written());
        problemsCsv.setVisible(!result.written());
        if (result.written()) {
            say(getTranslation("import.done", v.fileName(), v.inserted(), v.updated(), result.relationships(),
                    getTranslation(v.kind().labelKey())), false);
        } else {
            say(getTranslation("import.refused", v.fileName(), v.problemCount(), v.rows()), true);
            problems.setItems(v.problems());
            problems.setVisible(true);
            problemsCsv.setVisible(true);
        }
        upload.clearFileList();
        showHistory();
    }

    private void failed(RuntimeException e) {
        stopPolling();
        progress.setVisible(false);
        say(getTranslation("import.failed", String.valueOf(e.getMessage())), true);
        upload.clearFileList();
        showHistory();
    }

    private void stopPolling() {
        getUI().ifPresent(ui -> ui.setPollInterval(-1));
    }

    private void say(String text, boolean error) {
        status.setText(text);
        status.setClassName(error ? "atlas-error" : "atlas-success");
        status.getElement().setAttribute("role", error ? "alert" : "status");
    }

    private void showHistory() {
        history.setItems(imports.history(user, 20));
    }

    private void showKind() {
        kindHelp.setText(getTranslation(kind.labelKey() + ".help", String.join(";", imports.table(kind).columns())));
    }

    private String kindName(String code) {
        if (code.equals("RESTORE") || code.equals("FHIR")) {
            return getTranslation("import.kind." + code);
        }
        try {
            return getTranslation(ImportKind.valueOf(code).labelKey());
        } catch (IllegalArgumentException e) {
            return code;
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("import.title") + " · " + getTranslation("app.title");
    }
}
