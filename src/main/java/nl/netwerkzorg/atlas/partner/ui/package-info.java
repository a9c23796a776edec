@NullMarked
package nl.netwerkzorg.atlas.partner.ui;

import org.jspecify.annotations.NullMarked;
