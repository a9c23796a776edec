@NullMarked
package nl.netwerkzorg.atlas.overview;

import org.jspecify.annotations.NullMarked;
