package nl.netwerkzorg.atlas.base;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import com.vaadin.flow.i18n.I18NProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Dutch first, English second: translations from {@code i18n/messages*.properties}. */
@Component
public class AtlasI18NProvider implements I18NProvider {

    public static final Locale DUTCH = Locale.of("nl", "NL");
    public static final Locale ENGLISH = Locale.ENGLISH;
    private static final String BUNDLE = "i18n.messages";
    private static final Logger log = LoggerFactory.getLogger(AtlasI18NProvider.class);
    private final java.util.concurrent.ConcurrentMap<String, MessageFormat> formats = new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    public List<Locale> getProvidedLocales() {
        return List.of(DUTCH, ENGLISH);
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        Locale effective = "en".equals(locale.getLanguage()) ? ENGLISH : DUTCH;
        try {
            String pattern = ResourceBundle.getBundle(BUNDLE, effective, ResourceBundle.Control.getNoFallbackControl(
                    ResourceBundle.Control.FORMAT_PROPERTIES)).getString(key);
            if (params.length == 0) {
                return pattern;
            }
            // Parsing a pattern costs more than formatting with it; a MessageFormat is not thread-safe, so each call
            // formats with a copy of the parsed one.
            MessageFormat parsed = formats.computeIfAbsent(effective.getLanguage() + ":" + key,
                    k -> new MessageFormat(pattern, effective));
            return ((MessageFormat) parsed.clone()).format(params);
        } catch (MissingResourceException e) {
            log.warn("Missing translation {} for {}", key, effective);
            return "!" + key;
        }
    }
}
