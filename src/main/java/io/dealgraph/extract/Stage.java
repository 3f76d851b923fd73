package io.dealgraph.extract;

import java.util.Set;

/** One step of the extraction pipeline: what it reads, what it adds, and the work itself. Stateless. */
interface Stage {

    String name();

    Set<Layer> requires();

    Set<Layer> provides();

    void annotate(Analysis analysis);
}
