package nl.netwerkzorg.atlas.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Properties;

import org.junit.jupiter.api.Test;

class AtlasI18NProviderTest {

    private final AtlasI18NProvider provider = new AtlasI18NProvider();

    @Test
    void dutchIsTheDefaultAndEnglishTheSecondLocale() {
        assertThat(provider.getProvidedLocales()).first().extracting(Locale::getLanguage).isEqualTo("nl");
        assertThat(provider.getTranslation("nav.overview", Locale.GERMAN)).isEqualTo("Overzicht");
        assertThat(provider.getTranslation("nav.overview", Locale.ENGLISH)).isEqualTo("Overview");
        assertThat(provider.getTranslation("overview.serverTime", AtlasI18NProvider.DUTCH, 12)).isEqualTo("Opgehaald in 12 ms");
    }

    @Test
    void everyKeyIsTranslatedInBothLanguages() throws IOException {
        Properties dutch = load("/i18n/messages.properties");
        Properties english = load("/i18n/messages_en.properties");
        assertThat(english.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(dutch.stringPropertyNames());
    }

    private static Properties load(String path) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = AtlasI18NProviderTest.class.getResourceAsStream(path)) {
            properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return properties;
    }
}
