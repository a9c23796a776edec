@NullMarked
package nl.netwerkzorg.atlas.security;

import org.jspecify.annotations.NullMarked;
