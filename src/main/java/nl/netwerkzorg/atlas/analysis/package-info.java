/**
 * Connectivity analysis for policy makers and regional back offices: the patient-sharing network (derived
 * {@code SHARES_CLIENTS}), the provider graph of a region from selectable tie kinds, its metrics (JGraphT) and the
 * what-if of removing providers. Aggregates only: no individual client ever leaves this package.
 */
@NullMarked
package nl.netwerkzorg.atlas.analysis;

import org.jspecify.annotations.NullMarked;
