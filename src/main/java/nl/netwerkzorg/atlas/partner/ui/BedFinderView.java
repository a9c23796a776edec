package nl.netwerkzorg.atlas.partner.ui;

import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import nl.netwerkzorg.atlas.partner.PartnerSearchService;
import nl.netwerkzorg.atlas.partner.ReferralService;
import nl.netwerkzorg.atlas.security.CurrentUser;
import nl.netwerkzorg.atlas.security.Role;
import org.springframework.beans.factory.annotation.Value;

/**
 * ELV/GRZ-bedden: the regional coordination point's everyday question — where is a free short-stay bed within 20 km
 * today? Partner search for bed-based types, sorted by free beds (fresh reports first, then stale ones, flagged) and
 * distance.
 */
@Route("bedden")
@Menu(title = "nav.beds", order = 4, icon = "vaadin:bed")
@RolesAllowed({Role.ADMIN_NAME, Role.NETWORK_MANAGER_NAME, Role.CARE_STAFF_NAME})
public class BedFinderView extends PartnerSearchView {

    public BedFinderView(PartnerSearchService partners, ReferralService referrals, CurrentUser currentUser,
            @Value("${atlas.map.tile-url:}") String tileUrl, @Value("${atlas.map.tile-attribution:}") String tileAttribution) {
        super(partners, referrals, currentUser, tileUrl, tileAttribution, true);
    }
}
