@NullMarked
package nl.netwerkzorg.atlas.provider;

import org.jspecify.annotations.NullMarked;
