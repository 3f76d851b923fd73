package io.dealgraph.extract;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Stages in order, checked at construction: every stage finds what it requires already provided. */
final class Pipeline {

    private final List<Stage> stages;

    Pipeline(List<Stage> stages) {
        Set<Layer> have = EnumSet.noneOf(Layer.class);
        for (Stage s : stages) {
            Set<Layer> missing = EnumSet.noneOf(Layer.class);
            missing.addAll(s.requires());
            missing.removeAll(have);
            if (!missing.isEmpty()) {
                throw new IllegalArgumentException("stage '" + s.name() + "' requires " + missing + ", which no earlier stage provides");
            }
            have.addAll(s.provides());
        }
        this.stages = List.copyOf(stages);
    }

    Analysis run(Document doc) {
        Analysis a = new Analysis(doc);
        for (Stage s : stages) {
            s.annotate(a);
        }
        return a;
    }

    List<String> names() {
        List<String> out = new ArrayList<>();
        stages.forEach(s -> out.add(s.name()));
        return out;
    }
}
