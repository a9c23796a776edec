@NullMarked
package nl.netwerkzorg.atlas.client;

import org.jspecify.annotations.NullMarked;
