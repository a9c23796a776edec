@NullMarked
package nl.netwerkzorg.atlas.partner;

import org.jspecify.annotations.NullMarked;
