@NullMarked
package nl.netwerkzorg.atlas.provider.ui;

import org.jspecify.annotations.NullMarked;
