@NullMarked
package nl.netwerkzorg.atlas.demo;

import org.jspecify.annotations.NullMarked;
