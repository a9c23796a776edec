package nl.netwerkzorg.atlas.base;

import java.util.Locale;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import org.springframework.stereotype.Component;

/**
 * Dutch first: every session starts in Dutch whatever the browser asks for; English only when the user picks it
 * in the header (stored in the session).
 */
@Component
public class DutchFirstLocale implements VaadinServiceInitListener {

    static final String CHOSEN = DutchFirstLocale.class.getName() + ".chosen";

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(ui -> {
            VaadinSession session = ui.getUI().getSession();
            Object chosen = session.getAttribute(CHOSEN);
            ui.getUI().setLocale(chosen instanceof Locale locale ? locale : AtlasI18NProvider.DUTCH);
        });
    }

    /** Remembers the user's language for this session. */
    public static void choose(VaadinSession session, Locale locale) {
        session.setAttribute(CHOSEN, locale);
        session.setLocale(locale);
    }
}
