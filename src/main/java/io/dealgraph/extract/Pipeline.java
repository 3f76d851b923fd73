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

    private static final boolean PROFILE = Boolean.getBoolean("dealgraph.profile.stages");
    private static final java.util.concurrent.ConcurrentHashMap<String, java.util.concurrent.atomic.LongAdder> NANOS =
            new java.util.concurrent.ConcurrentHashMap<>();

    static {
        if (PROFILE) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> NANOS.forEach((k, v) ->
                    System.err.printf(java.util.Locale.ROOT, "stage %-16s %8.1f s%n", k, v.sum() / 1e9))));
        }
    }

    Analysis run(Document doc, Deadline deadline) {
        Analysis a = new Analysis(doc, deadline);
        for (Stage s : stages) {
            deadline.check();
            if (PROFILE) {
                long t0 = System.nanoTime();
                s.annotate(a);
                NANOS.computeIfAbsent(s.name(), k -> new java.util.concurrent.atomic.LongAdder()).add(System.nanoTime() - t0);
            } else {
                s.annotate(a);
            }
        }
        return a;
    }

    List<String> names() {
        List<String> out = new ArrayList<>();
        stages.forEach(s -> out.add(s.name()));
        return out;
    }
}
