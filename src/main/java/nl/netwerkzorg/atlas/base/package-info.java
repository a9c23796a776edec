@NullMarked
package nl.netwerkzorg.atlas.base;

import org.jspecify.annotations.NullMarked;
