package io.dealgraph.extract;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The word lists of {@link Starts} and {@link Gate} must not change what their patterns find: every Starts and Gate
 * of the pipeline is checked against its plain pattern on the sentences of the seeds and the dev set, and on the
 * windows the rules cut from them (the text before and after each name, figure and number).
 */
class GateTest {

    private static final List<Class<?>> STAGES = List.of(Relations.class, Mentions.class, Coreference.class, Dates.class,
            Money.class, Tokens.class);

    private static List<String> texts;

    @BeforeAll
    static void corpus() throws Exception {
        List<Path> dirs = new ArrayList<>();
        for (Path p : List.of(io.dealgraph.testing.GraphFixtures.SEEDS, Path.of("src", "test", "resources", "eval", "dev"))) {
            if (Files.isDirectory(p)) {
                dirs.add(p);
            }
        }
        Set<String> out = new LinkedHashSet<>();
        // what the rules meet beside the corpus: short phrases of each kind
        out.addAll(List.of("", "the company", "led by Accel and Sequoia, with participation from ", "has invested $4 billion",
                "in 2023", "over the next ten years", "a 10-year deal", "decade-long", "about $5 billion", "Q3 2024",
                "2024-05-01", "It said it raised more than $1 billion; reportedly planned to spend it on compute"));
        for (Path file : DocumentReader.collect(dirs)) {
            for (Document d : DocumentReader.read(file, null)) {
                for (Sentences.Sentence sentence : Sentences.split(d.text())) {
                    String s = sentence.text();
                    String l = RuleBasedExtractor.lower(s);
                    out.add(s);
                    out.add(l);
                    for (int p = 0; p < s.length(); p++) {
                        char c = s.charAt(p);
                        boolean start = Character.isUpperCase(c) || Character.isDigit(c) || "$€£¥".indexOf(c) >= 0
                                || p > 0 && c != ' ' && s.charAt(p - 1) == ' ' && p % 3 == 0;
                        if (start) {
                            for (int w : new int[]{12, 25, 30, 45, 60}) {
                                out.add(l.substring(Math.max(0, p - w), p));
                            }
                            out.add(s.substring(Math.max(0, p - 30), p));
                            out.add(l.substring(p, Math.min(l.length(), p + 80)));
                            out.add(l.substring(p));
                        }
                    }
                }
            }
        }
        texts = new ArrayList<>(out);
        assertThat(texts.size()).isGreaterThan(1000);
    }

    private static Map<String, Object> fields(Class<?> type) throws IllegalAccessException {
        Map<String, Object> out = new TreeMap<>();
        for (Class<?> c : STAGES) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) && f.getType() == type) {
                    f.setAccessible(true);
                    out.put(c.getSimpleName() + "." + f.getName(), f.get(null));
                }
            }
        }
        return out;
    }

    @Test
    void startsFindWhatFindFinds() throws Exception {
        Map<String, Object> all = fields(Starts.class);
        assertThat(all).isNotEmpty();
        for (Map.Entry<String, Object> e : all.entrySet()) {
            Starts st = (Starts) e.getValue();
            for (String x : texts) {
                List<String> expected = new ArrayList<>();
                Matcher plain = st.pattern().matcher(x);
                while (plain.find()) {
                    expected.add(plain.start() + "-" + plain.end());
                }
                List<String> actual = new ArrayList<>();
                Matcher m = st.matcher(x);
                String t = st.onLowerCase ? RuleBasedExtractor.lower(x) : x;
                for (int at = st.find(m, x, t, 0); at >= 0; at = st.find(m, x, t, m.end())) {
                    actual.add(m.start() + "-" + m.end());
                }
                assertThat(actual).as(e.getKey() + " on \"" + x + "\"").isEqualTo(expected);
            }
        }
    }

    @Test
    void gatesAdmitEveryTextThePatternMatches() throws Exception {
        Map<String, Object> all = fields(Gate.class);
        assertThat(all).isNotEmpty();
        for (Map.Entry<String, Object> e : all.entrySet()) {
            Gate g = (Gate) e.getValue();
            for (String x : texts) {
                if (g.pattern().matcher(x).find()) {
                    assertThat(g.admits(x)).as(e.getKey() + " on \"" + x + "\"").isTrue();
                }
            }
        }
    }
}
