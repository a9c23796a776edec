package nl.netwerkzorg.atlas.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.upload.UploadI18N;

/** The Dutch (or English) texts of an upload field: its button, the drop hint and the errors, from the i18n bundles. */
public final class UploadTexts {

    private UploadTexts() {
    }

    /**
     * {@code addKey} labels the button, {@code tooLarge} and {@code wrongTypeKey} are the messages for a file over the
     * limit and of the wrong kind.
     */
    public static UploadI18N of(Component owner, String addKey, String tooLarge, String wrongTypeKey) {
        String add = owner.getTranslation(addKey);
        String drop = owner.getTranslation("regions.drop");
        return new UploadI18N()
                .setAddFiles(new UploadI18N.AddFiles().setOne(add).setMany(add))
                .setDropFiles(new UploadI18N.DropFiles().setOne(drop).setMany(drop))
                .setError(new UploadI18N.Error().setTooManyFiles(owner.getTranslation("regions.tooMany"))
                        .setFileIsTooBig(tooLarge).setIncorrectFileType(owner.getTranslation(wrongTypeKey)));
    }
}
