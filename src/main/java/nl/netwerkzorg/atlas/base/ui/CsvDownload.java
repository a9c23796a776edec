package nl.netwerkzorg.atlas.base.ui;

import java.io.ByteArrayInputStream;
import java.util.function.Supplier;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

/**
 * A link that downloads a CSV file made when it is clicked. The bytes (and the file name) are produced in the download
 * request, outside the UI lock: the suppliers must read only what is safe there (final or volatile state).
 */
public final class CsvDownload {

    private CsvDownload() {
    }

    public static Anchor link(String fileName, String label, Supplier<byte[]> csv) {
        return link(() -> fileName, label, csv);
    }

    public static Anchor link(Supplier<String> fileName, String label, Supplier<byte[]> csv) {
        Anchor link = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] bytes = csv.get();
            return new DownloadResponse(new ByteArrayInputStream(bytes), fileName.get(), "text/csv; charset=UTF-8", bytes.length);
        }), label);
        link.getElement().setAttribute("download", true);
        link.addClassName("atlas-export");
        return link;
    }
}
