/** The Analyse view. */
@NullMarked
package nl.netwerkzorg.atlas.analysis.ui;

import org.jspecify.annotations.NullMarked;
