/** Coverage and regional gaps: which municipalities are served by which provider types, per care pathway. */
@NullMarked
package nl.netwerkzorg.atlas.coverage;

import org.jspecify.annotations.NullMarked;
