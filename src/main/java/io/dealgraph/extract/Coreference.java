package io.dealgraph.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves the references news uses instead of names: knowledge-file descriptors ("the Claude maker"), generic ones
 * ("the company", "the startup") and "it"/"its", to the most recent compatible organisation. The salient organisation
 * is the first one named in a sentence (news puts the subject first).
 */
final class Coreference {

    private static final Pattern GENERIC = Pattern.compile(
            "\\b(?:the|this|that)\\s+(?:(?:[\\w\\-]+\\s+){0,2}?)(company|firm|startup|start-up|lab|ai lab|group|giant|tech giant|"
                    + "cloud giant|cloud provider|retailer|investor|developer|maker|unicorn|business)\\b(?!\\s+(?:of|that|which)\\b)");
    private static final Pattern PRONOUN = Pattern.compile("(?:^|(?<=[\\s,;:(—–-]))(It|it|its|Its)\\b(?!')");

    private final Knowledge knowledge;
    private final Map<String, List<Knowledge.Entity>> descriptors;

    Coreference(Knowledge knowledge) {
        this.knowledge = knowledge;
        this.descriptors = knowledge.byDescriptor;
    }

    /** Adds COREF mentions to each sentence's list, in document order. */
    void resolve(List<Sentences.Sentence> sentences, List<String> lowered, List<List<Mentions.Mention>> perSentence) {
        List<String> recent = new ArrayList<>(); // most recent last
        String salient = null;
        for (int si = 0; si < sentences.size(); si++) {
            String s = sentences.get(si).text();
            String ls = lowered.get(si);
            List<Mentions.Mention> ms = perSentence.get(si);
            List<Mentions.Mention> added = new ArrayList<>();
            // descriptors from the knowledge file
            for (Map.Entry<String, List<Knowledge.Entity>> d : descriptors.entrySet()) {
                if (ls.indexOf(lastWord(d.getKey())) < 0) {
                    continue;
                }
                int at = ls.indexOf(d.getKey());
                while (at >= 0) {
                    int end = at + d.getKey().length();
                    boolean bounded = (at == 0 || !Character.isLetterOrDigit(ls.charAt(at - 1)))
                            && (end >= ls.length() || !Character.isLetterOrDigit(ls.charAt(end)));
                    if (bounded && !overlaps(ms, at, end)) {
                        String target = pick(d.getValue(), recent);
                        if (target != null) {
                            added.add(new Mentions.Mention(at, end, target, "Company", Mentions.Source.COREF, true,
                                    s.startsWith("'s", end) || s.startsWith("’s", end)));
                        }
                    }
                    at = ls.indexOf(d.getKey(), end);
                }
            }
            Matcher g = GENERIC.matcher(ls);
            while (mayHoldGeneric(ls) && g.find()) {
                if (overlaps(ms, g.start(1), g.end(1)) || overlaps(added, g.start(1), g.end(1))) {
                    continue;
                }
                String noun = g.group(1).toLowerCase(Locale.ROOT);
                String target = generic(noun, recent, salient, ms, g.start(),
                        ls.substring(Math.max(0, g.start() - 20), g.start()) + ls.substring(g.start(), ls.indexOf(' ', g.start()) + 1));
                if (target != null) {
                    added.add(new Mentions.Mention(g.start(1), g.end(1), target, "Company", Mentions.Source.COREF, true,
                            s.startsWith("'s", g.end()) || s.startsWith("’s", g.end())));
                }
            }
            Matcher p = PRONOUN.matcher(s);
            while ((ls.contains("it ") || ls.contains("its ") || ls.contains("it'")) && p.find()) {
                String target = firstOrgBefore(ms, p.start());
                if (target == null) {
                    target = salient;
                }
                if (target != null) {
                    added.add(new Mentions.Mention(p.start(), p.end(), target, "Company", Mentions.Source.COREF, true,
                            p.group(1).equalsIgnoreCase("its")));
                }
            }
            if (!added.isEmpty()) {
                ms.addAll(added);
                ms.sort((a, b) -> Integer.compare(a.start(), b.start()));
            }
            String first = null;
            for (Mentions.Mention m : ms) {
                if ("Company".equals(m.type()) && (m.source() != Mentions.Source.UNKNOWN || m.strong())) {
                    if (first == null) {
                        first = m.name();
                    }
                    recent.remove(m.name());
                    recent.add(m.name());
                }
            }
            if (first != null) {
                salient = first;
            }
        }
    }

    private static String lastWord(String phrase) {
        int sp = phrase.lastIndexOf(' ');
        return sp < 0 ? phrase : phrase.substring(sp + 1);
    }

    private static boolean mayHoldGeneric(String ls) {
        for (String noun : GENERIC_NOUNS) {
            if (ls.contains(noun)) {
                return true;
            }
        }
        return false;
    }

    private static final String[] GENERIC_NOUNS = {"company", "firm", "startup", "start-up", "lab", "group", "giant",
        "provider", "retailer", "investor", "developer", "maker", "unicorn", "business"};

    private static boolean overlaps(List<Mentions.Mention> ms, int start, int end) {
        for (Mentions.Mention m : ms) {
            if (m.start() < end && start < m.end()) {
                return true;
            }
        }
        return false;
    }

    /** An ambiguous descriptor ("chipmaker") means the candidate last mentioned; an unambiguous one its entity. */
    private static String pick(List<Knowledge.Entity> candidates, List<String> recent) {
        if (candidates.size() == 1) {
            return candidates.get(0).name();
        }
        for (int k = recent.size() - 1; k >= 0; k--) {
            for (Knowledge.Entity e : candidates) {
                if (e.name().equals(recent.get(k))) {
                    return e.name();
                }
            }
        }
        return null;
    }

    private String generic(String noun, List<String> recent, String salient, List<Mentions.Mention> ms, int at, String sentenceBefore) {
        boolean small = noun.equals("startup") || noun.equals("start-up") || noun.equals("lab") || noun.equals("ai lab")
                || noun.equals("unicorn") || noun.equals("developer");
        boolean big = noun.contains("giant") || noun.equals("cloud provider") || noun.equals("retailer");
        // same sentence first: "X said the company ..."
        List<String> order = new ArrayList<>();
        // "X put money into the company": an object reference is not the sentence's own subject
        boolean object = at > 0 && ms.stream().anyMatch(m -> m.end() <= at)
                && java.util.regex.Pattern.compile("\\b(?:into|in|to|for|from|with|backed|acquired|bought|of)\\s+(?:the|this|that)\\s+$")
                .matcher(sentenceBefore).find();
        // (compiled per call only on this rare path)
        for (int k = object ? -1 : ms.size() - 1; k >= 0; k--) {
            Mentions.Mention m = ms.get(k);
            if (m.end() <= at && "Company".equals(m.type()) && (m.source() != Mentions.Source.UNKNOWN || m.strong())) {
                order.add(m.name());
            }
        }
        if (salient != null) {
            order.add(salient);
        }
        for (int k = recent.size() - 1; k >= 0; k--) {
            order.add(recent.get(k));
        }
        for (String name : order) {
            Knowledge.Entity e = knowledge.entity(name);
            String kind = e == null ? "lab" : e.kind();
            if (small && "investor".equals(kind)) {
                continue;
            }
            if (big && !"investor".equals(kind) && !"provider".equals(kind)) {
                continue;
            }
            return name;
        }
        return null;
    }

    private static String firstOrgBefore(List<Mentions.Mention> ms, int at) {
        for (Mentions.Mention m : ms) {
            if (m.end() <= at && "Company".equals(m.type()) && (m.source() != Mentions.Source.UNKNOWN || m.strong())) {
                return m.name();
            }
        }
        return null;
    }
}
