package io.dealgraph.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The deal frames of {@code extract/rules/frames.yaml}: which words open a frame and which role each grammatical
 * position under them fills. Data, so that a new phrasing is a word or a line in that file and an example beside it.
 */
final class DealFrames {

    static final String RESOURCE = "extract/rules/frames.yaml";

    enum Kind { ROUND, DIRECT, INVESTORS, BACKING, SPEND }

    enum Role { INVESTEE, INVESTOR, LEAD, PARTICIPANT, AMOUNT, ROUND, CUSTOMER, PROVIDER, PARTY }

    /** Grammatical positions under a trigger word. */
    enum Position { SUBJECT, OBJECT, AGENT, POSSESSOR, PASSIVE_SUBJECT, MODIFIES, APPOSITION }

    /** A verb above a frame's noun that brings the noun's owner: "SoftBank agreed to buy a stake in Intel". */
    record Governors(Set<String> verbs, Role subject, Role object, Map<String, List<Role>> cases) {
    }

    /** A sentence the test suite runs, after an optional context sentence, with the facts it must give. */
    record Example(String context, String text, List<String> facts) {
    }

    record Frame(String name, Kind kind, Set<String> verbs, Set<String> nouns, Map<Position, Role> positions,
                 Map<String, List<Role>> cases, Set<String> subjectIs, List<Governors> governors, boolean needsAmount,
                 List<Example> examples) {

        Role at(Position p) {
            return positions.get(p);
        }
    }

    /**
     * An investor list: cue words (or, written "re: ...", a regular expression over the lower-cased sentence, for a
     * cue whose words vary: "a round ... that also featured"), then names; see the lists section of frames.yaml.
     */
    record ListRule(String name, Role role, List<String> cues, List<java.util.regex.Pattern> patterns,
                    boolean afterInvestorWord, boolean needsDealWord, List<Example> examples) {
    }

    final int version;
    final List<Frame> frames;
    final List<ListRule> lists;
    final Map<String, Set<String>> vocabularies;

    private DealFrames(int version, List<Frame> frames, List<ListRule> lists, Map<String, Set<String>> vocabularies) {
        this.version = version;
        this.frames = List.copyOf(frames);
        this.lists = List.copyOf(lists);
        this.vocabularies = vocabularies;
    }

    static DealFrames load() {
        try (InputStream in = DealFrames.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath");
            }
            return parse(new ObjectMapper(new YAMLFactory()).readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    static DealFrames parse(JsonNode root) {
        Map<String, Set<String>> vocab = new LinkedHashMap<>();
        root.path("vocabularies").fields().forEachRemaining(e -> vocab.put(e.getKey(), words(e.getValue())));
        List<Frame> frames = new ArrayList<>();
        for (JsonNode f : root.path("frames")) {
            String name = f.path("name").asText();
            Map<Position, Role> positions = new EnumMap<>(Position.class);
            put(positions, Position.SUBJECT, f.get("subject"), name);
            put(positions, Position.OBJECT, f.get("object"), name);
            put(positions, Position.AGENT, f.get("agent"), name);
            put(positions, Position.POSSESSOR, f.get("possessor"), name);
            put(positions, Position.PASSIVE_SUBJECT, f.get("passive-subject"), name);
            put(positions, Position.MODIFIES, f.get("modifies"), name);
            put(positions, Position.APPOSITION, f.get("appositions"), name);
            Set<String> subjectIs = f.has("subject-is") ? vocab.get(f.get("subject-is").asText()) : null;
            if (f.has("subject-is") && subjectIs == null) {
                throw new IllegalStateException("frame " + name + ": no vocabulary " + f.get("subject-is").asText());
            }
            // one set of governing verbs, or several whose subjects and objects play different roles ("takes a stake":
            // the subject invests; "gives Arlo a stake": the object does)
            List<Governors> governors = null;
            if (f.has("governors")) {
                governors = new ArrayList<>();
                for (JsonNode g : f.get("governors").isArray() ? f.get("governors") : List.of(f.get("governors"))) {
                    governors.add(new Governors(words(g.path("verbs")), role(g.get("subject"), name), role(g.get("object"), name),
                            cases(g.path("cases"), name)));
                }
                governors = List.copyOf(governors);
            }
            List<Example> examples = examples(f);
            frames.add(new Frame(name, Kind.valueOf(f.path("kind").asText().toUpperCase(Locale.ROOT)), words(f.path("verbs"), vocab),
                    words(f.path("nouns"), vocab), positions, cases(f.path("cases"), name), subjectIs, governors,
                    "amount".equals(f.path("needs").asText()), List.copyOf(examples)));
        }
        List<ListRule> lists = new ArrayList<>();
        for (JsonNode l : root.path("lists")) {
            List<String> cues = new ArrayList<>();
            List<java.util.regex.Pattern> patterns = new ArrayList<>();
            for (JsonNode c : l.path("cues")) {
                String cue = c.asText();
                if (cue.startsWith("re:")) {
                    patterns.add(java.util.regex.Pattern.compile(cue.substring(3).strip()));
                } else {
                    cues.add(cue.toLowerCase(Locale.ROOT));
                }
            }
            lists.add(new ListRule(l.path("name").asText(), role(l.get("role"), l.path("name").asText()), List.copyOf(cues),
                    List.copyOf(patterns),
                    l.path("after-investor-word").asBoolean(false), l.path("needs-deal-word").asBoolean(false), examples(l)));
        }
        return new DealFrames(root.path("version").asInt(1), frames, lists, vocab);
    }

    /** The {@code examples} of a rule in any of the rule files: a text, an optional context, the facts it gives. */
    static List<Example> examples(JsonNode rule) {
        List<Example> examples = new ArrayList<>();
        for (JsonNode ex : rule.path("examples")) {
            List<String> facts = new ArrayList<>();
            ex.path("facts").forEach(x -> facts.add(x.asText()));
            examples.add(new Example(ex.path("context").asText(null), ex.path("text").asText(), List.copyOf(facts)));
        }
        return List.copyOf(examples);
    }

    private static void put(Map<Position, Role> positions, Position p, JsonNode v, String frame) {
        Role r = role(v, frame);
        if (r != null) {
            positions.put(p, r);
        }
    }

    private static Role role(JsonNode v, String frame) {
        if (v == null || v.isNull()) {
            return null;
        }
        try {
            return Role.valueOf(v.asText().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("frame " + frame + ": unknown role '" + v.asText() + "'");
        }
    }

    /** {@code from: investor}, or a list tried in order, the first that fits the name or figure: {@code with: [amount, participant]}. */
    private static Map<String, List<Role>> cases(JsonNode node, String frame) {
        Map<String, List<Role>> out = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> {
            List<Role> roles = new ArrayList<>();
            if (e.getValue().isArray()) {
                e.getValue().forEach(v -> roles.add(role(v, frame)));
            } else {
                roles.add(role(e.getValue(), frame));
            }
            out.put(e.getKey(), List.copyOf(roles));
        });
        return out;
    }

    private static Set<String> words(JsonNode node) {
        return words(node, Map.of());
    }

    /** A word list; "@name" stands for the vocabulary of that name, so no list is kept twice. */
    private static Set<String> words(JsonNode node, Map<String, Set<String>> vocab) {
        Set<String> out = new HashSet<>();
        node.forEach(w -> {
            String t = w.asText().toLowerCase(Locale.ROOT);
            if (t.startsWith("@")) {
                Set<String> v = vocab.get(t.substring(1));
                if (v == null) {
                    throw new IllegalStateException("no vocabulary " + t.substring(1) + " in " + RESOURCE);
                }
                out.addAll(v);
            } else {
                out.add(t);
            }
        });
        return Set.copyOf(out);
    }

    /** Every surface form of every trigger word: what the cheap candidate scan looks for before any model runs. */
    /** Whether one of {@code cues} begins a word of {@code lowered} ("rais" in "raised", "led by"); cues lower case. */
    static boolean cueAtWordStart(String lowered, java.util.Collection<String> cues) {
        for (String c : cues) {
            int at = lowered.indexOf(c);
            while (at >= 0) {
                if (at == 0 || !Character.isLetter(lowered.charAt(at - 1))) {
                    return true;
                }
                at = lowered.indexOf(c, at + 1);
            }
        }
        return false;
    }

    Set<String> cueWords() {
        Set<String> out = new HashSet<>();
        for (Frame f : frames) {
            for (String v : f.verbs()) {
                out.addAll(Inflections.ofVerb(v));
            }
            for (String n : f.nouns()) {
                out.add(n);
                out.add(Inflections.plural(n));
            }
        }
        return out;
    }

    /** English inflections, enough for the trigger words (irregular ones listed). */
    static final class Inflections {
        private static final Map<String, List<String>> IRREGULAR = Map.ofEntries(
                Map.entry("lead", List.of("led")), Map.entry("co-lead", List.of("co-led")), Map.entry("take", List.of("took", "taken")),
                Map.entry("get", List.of("got", "gotten")), Map.entry("win", List.of("won")), Map.entry("draw", List.of("drew", "drawn")),
                Map.entry("sink", List.of("sank", "sunk")), Map.entry("put", List.of("put")), Map.entry("buy", List.of("bought")),
                Map.entry("hold", List.of("held")), Map.entry("make", List.of("made")), Map.entry("spend", List.of("spent")),
                Map.entry("be", List.of("is", "are", "was", "were", "been", "being")), Map.entry("pull", List.of()),
                Map.entry("bring", List.of("brought")), Map.entry("head", List.of()), Map.entry("rake", List.of()));

        private Inflections() {
        }

        static Set<String> ofVerb(String v) {
            Set<String> out = new HashSet<>();
            out.add(v);
            out.addAll(IRREGULAR.getOrDefault(v, List.of()));
            out.add(plural(v));
            String stem = v.endsWith("e") ? v.substring(0, v.length() - 1) : v;
            boolean doubles = v.length() <= 4 && v.matches(".*[^aeiou][aeiou][bdgklmnprt]");
            String dstem = doubles ? v + v.charAt(v.length() - 1) : stem;
            out.add(v.endsWith("e") ? v + "d" : v.endsWith("y") && !v.matches(".*[aeiou]y") ? v.substring(0, v.length() - 1) + "ied" : dstem + "ed");
            out.add(v.endsWith("ie") ? v.substring(0, v.length() - 2) + "ying" : (doubles ? dstem : stem) + "ing");
            return out;
        }

        static String plural(String w) {
            if (w.endsWith("s") || w.endsWith("x") || w.endsWith("ch") || w.endsWith("sh")) {
                return w + "es";
            }
            if (w.endsWith("y") && !w.matches(".*[aeiou]y")) {
                return w.substring(0, w.length() - 1) + "ies";
            }
            return w + "s";
        }
    }
}
