@NullMarked
package nl.netwerkzorg.atlas.database;

import org.jspecify.annotations.NullMarked;
