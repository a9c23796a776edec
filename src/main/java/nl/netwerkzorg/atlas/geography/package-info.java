@NullMarked
package nl.netwerkzorg.atlas.geography;

import org.jspecify.annotations.NullMarked;
