@NullMarked
package nl.netwerkzorg.atlas.network;

import org.jspecify.annotations.NullMarked;
