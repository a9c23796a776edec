@NullMarked
package nl.netwerkzorg.atlas.exchange.ui;

import org.jspecify.annotations.NullMarked;
