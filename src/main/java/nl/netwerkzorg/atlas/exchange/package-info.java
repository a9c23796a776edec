@NullMarked
package nl.netwerkzorg.atlas.exchange;

import org.jspecify.annotations.NullMarked;
