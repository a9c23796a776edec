@NullMarked
package nl.netwerkzorg.atlas.coverage.ui;

import org.jspecify.annotations.NullMarked;
