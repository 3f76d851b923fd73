package io.dealgraph.devtools.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import io.dealgraph.extract.Extractors;
import io.dealgraph.extract.Fact;
import io.dealgraph.extract.FactFormat;
import io.dealgraph.extract.FactType;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The quality gate: scores the extractor on the shared seeds and on every folder under src/test/resources/eval/
 * (dev, and the held-out set when present), printing P/R/F1 per type and amount/date accuracy, and failing below
 * the floors. Floors sit a little under the measured figures. A folder with floors must be there: the seeds skip
 * without {@code ../shared} on a contributor's machine and fail in CI (GraphFixtures.assumeSeeds), the others fail.
 */
class EvaluationTest {

    static final Path SEEDS = io.dealgraph.testing.GraphFixtures.SEEDS;
    static final Path EVAL = Path.of("src", "test", "resources", "eval");
    /** The blind folder: only its aggregate scores are printed, never its per-document misses and extras. */
    static final String BLIND = "heldout";

    /**
     * Folder name -> metric -> minimum: the one place floors live. Metrics: a FactType's F1, or "amount" (accuracy
     * of matched deal facts). Floors sit a little under what the extractor measured when they were set (2026-12-06,
     * with the language layer): seeds 1.00 deals, 0.95 MAKES_CHIP, 1.00 others; dev (48 docs) 0.96 INVESTS_IN, 1.00
     * COMMITS_SPEND_TO, 1.00 MAKES_CHIP, 0.97 USES_CHIP, 1.00 OPERATES, amount 0.97; held-out (written by someone else,
     * never read here) 0.64 INVESTS_IN, 0.74 COMMITS_SPEND_TO, 0.72 MAKES_CHIP, 0.67 USES_CHIP, 0.93 OPERATES, amount
     * 0.86. The held-out floors keep what generalisation has been won (USES_CHIP fell from 0.71 when the named-entity
     * model began adding names; INVESTS_IN rose from 0.57). Real articles: corpus/README.md and the evaluate command.
     */
    static final Map<String, Map<String, Double>> FLOORS = Map.of(
            "seeds", Map.of("INVESTS_IN", 0.95, "COMMITS_SPEND_TO", 0.95, "MAKES_CHIP", 0.90, "USES_CHIP", 0.90,
                    "OPERATES", 0.90, "amount", 0.95),
            "dev", Map.of("INVESTS_IN", 0.94, "COMMITS_SPEND_TO", 0.95, "MAKES_CHIP", 0.95, "USES_CHIP", 0.93,
                    "OPERATES", 0.95, "amount", 0.94),
            "heldout", Map.of("INVESTS_IN", 0.61, "COMMITS_SPEND_TO", 0.70, "MAKES_CHIP", 0.68, "USES_CHIP", 0.64,
                    "OPERATES", 0.88, "amount", 0.80));

    static Map<String, Path> folders() throws IOException {
        Map<String, Path> out = new LinkedHashMap<>();
        out.put("seeds", SEEDS);
        if (Files.isDirectory(EVAL)) {
            try (Stream<Path> dirs = Files.list(EVAL)) {
                dirs.filter(Files::isDirectory).sorted().forEach(d -> out.put(d.getFileName().toString(), d));
            }
        }
        return out;
    }

    @TestFactory
    Stream<DynamicTest> everyFolderMeetsItsFloors() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Map.Entry<String, Path> f : folders().entrySet()) {
            tests.add(DynamicTest.dynamicTest(f.getKey(), () -> {
                if (f.getValue().equals(SEEDS)) {
                    io.dealgraph.testing.GraphFixtures.assumeSeeds();
                }
                Assumptions.assumeTrue(Files.isDirectory(f.getValue()), "no folder " + f.getValue());
                Evaluation eval = Evaluation.load(f.getValue());
                List<Fact> facts = eval.extract(f.getValue(), Extractors.ruleBased());
                Map<String, Evaluation.Score> report = eval.report(facts);
                System.out.println("== " + f.getKey() + " (" + eval.docs().size() + " docs)");
                report.forEach((k, s) -> System.out.printf("  %-17s %s%n", k, s.line()));
                if (!BLIND.equals(f.getKey())) {
                    report.get("DEALS").misses().forEach(m -> System.out.println("  miss  " + m));
                    report.get("DEALS").extras().forEach(m -> System.out.println("  extra " + m));
                    report.get("CHIPS_CLOUDS").misses().forEach(m -> System.out.println("  miss  " + m));
                    report.get("CHIPS_CLOUDS").extras().forEach(m -> System.out.println("  extra " + m));
                }
                Map<String, Double> floors = FLOORS.getOrDefault(f.getKey(), Map.of());
                for (Map.Entry<String, Double> floor : floors.entrySet()) {
                    // a floor on what the folder has nothing of would pass whatever the extractor does: it is an error
                    if (floor.getKey().equals("amount")) {
                        Double acc = report.get("DEALS").amountAccuracy();
                        assertTrue(acc != null, f.getKey() + " has a floor on amount accuracy but no matched deal with an amount");
                        assertTrue(acc >= floor.getValue(), f.getKey() + " amount accuracy " + acc + " below " + floor.getValue());
                    } else {
                        Evaluation.Score s = report.get(floor.getKey());
                        assertTrue(s.tp() + s.fn() > 0, f.getKey() + " has a floor on " + floor.getKey() + " but no gold fact of that type");
                        assertTrue(s.f1() >= floor.getValue(),
                                f.getKey() + " " + floor.getKey() + " F1 " + s.f1() + " below " + floor.getValue());
                    }
                }
            }));
        }
        return tests.stream();
    }

    /** Floors on a folder that is not there would never be checked. */
    @Test
    void everyFolderWithFloorsIsThere() throws IOException {
        Map<String, Path> folders = folders();
        for (String folder : FLOORS.keySet()) {
            assertTrue(folders.containsKey(folder), "floors for " + folder + ", which is not under " + EVAL);
        }
    }

    /** The Java scorer must give score.py's numbers on the seeds, for the default types and each type alone. */
    @Test
    void aDocumentTheExtractorFailsOnIsReportedAndTheOthersAreStillScored() throws Exception {
        io.dealgraph.testing.GraphFixtures.assumeSeeds();
        Evaluation eval = Evaluation.load(SEEDS);
        String broken = eval.docs().iterator().next();
        io.dealgraph.extract.Extractor rules = Extractors.ruleBased();
        io.dealgraph.extract.Extractor failingOnOne = doc -> {
            if (doc.id().equals(broken)) {
                throw new StringIndexOutOfBoundsException("begin 5, end 3, length 4");
            }
            return rules.extract(doc);
        };
        List<String> failed = new ArrayList<>();
        List<Fact> facts = eval.extract(SEEDS, failingOnOne, (doc, e) -> failed.add(doc));
        assertThat(failed).containsExactly(broken);
        // the other documents' facts are all there
        assertThat(facts).isNotEmpty().allMatch(f -> !f.doc().equals(broken));
        assertThat(facts.size()).isEqualTo(eval.extract(SEEDS, rules).stream().filter(f -> !f.doc().equals(broken)).count());
    }

    @Test
    void agreesWithScorePy(@TempDir Path tmp) throws Exception {
        io.dealgraph.testing.GraphFixtures.assumeSeeds();
        Path script = SEEDS.resolveSibling("score.py");
        assertTrue(Files.exists(script), script + " is not beside the seeds");
        Assumptions.assumeTrue(python() != null, "python3 not available");
        Evaluation eval = Evaluation.load(SEEDS);
        List<Fact> facts = eval.extract(SEEDS, Extractors.ruleBased());
        Path jsonl = tmp.resolve("facts.jsonl");
        Files.write(jsonl, facts.stream().map(FactFormat::jsonLine).toList());
        List<Set<FactType>> groups = new ArrayList<>();
        groups.add(Evaluation.DEAL_TYPES);
        groups.add(EnumSet.of(FactType.MAKES_CHIP, FactType.USES_CHIP, FactType.OPERATES));
        for (FactType t : FactType.values()) {
            groups.add(EnumSet.of(t));
        }
        for (Set<FactType> types : groups) {
            String arg = String.join(",", types.stream().map(Enum::name).toList());
            Process p = new ProcessBuilder(python(), script.toString(), jsonl.toString(), SEEDS.toString(), "--types", arg, "--json")
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            JsonNode py = new ObjectMapper().readTree(out);
            Evaluation.Score java = eval.score(facts, types);
            assertEquals(py.get("tp").asInt(), java.tp(), arg + " tp");
            assertEquals(py.get("fp").asInt(), java.fp(), arg + " fp");
            assertEquals(py.get("fn").asInt(), java.fn(), arg + " fn");
            assertEquals(py.get("f1").asDouble(), java.f1(), 1e-9, arg + " f1");
            assertEquals(py.get("amount_n").asInt(), java.amountN(), arg + " amount_n");
            assertEquals(py.get("date_n").asInt(), java.dateN(), arg + " date_n");
            if (!py.get("amount_acc").isNull()) {
                assertEquals(py.get("amount_acc").asDouble(), java.amountAccuracy(), 1e-9, arg + " amount_acc");
            }
            if (!py.get("date_acc").isNull()) {
                assertEquals(py.get("date_acc").asDouble(), java.dateAccuracy(), 1e-9, arg + " date_acc");
            }
        }
    }

    /** The scorer itself, on facts built to hit its rules: owner leniency, chip prefixes, forgiven repeats. */
    @Test
    void scorerRulesOnSeeds() throws IOException {
        io.dealgraph.testing.GraphFixtures.assumeSeeds();
        Evaluation eval = Evaluation.load(SEEDS);
        String doc = "002_f9fa12afbb7fe71a.txt";
        Fact spendToOwner = new Fact(doc, FactType.COMMITS_SPEND_TO, "Anthropic", "Company", "Amazon", "Company",
                100_000_000_000L, "USD", 100_000_000_000L, "at_least", false, null, null, 10, "announced", "e", 0, 1);
        Evaluation.Score s = eval.score(List.of(spendToOwner), EnumSet.of(FactType.COMMITS_SPEND_TO));
        assertEquals(1, s.tp());
        assertEquals(0, s.fp());
        Fact wrongAmount = new Fact(doc, FactType.INVESTS_IN, "Amazon", "Company", "Anthropic", "Company",
                7L, "USD", 7L, "exact", false, null, null, null, "announced", "e", 0, 1);
        Evaluation.Score w = eval.score(List.of(wrongAmount), EnumSet.of(FactType.INVESTS_IN));
        assertEquals(1, w.tp());
        assertEquals(0.0, w.amountAccuracy());
    }

    private static String python() {
        for (String candidate : new String[]{"python3", "/usr/bin/python3"}) {
            try {
                Process p = new ProcessBuilder(candidate, "--version").redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                if (p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0) {
                    return candidate;
                }
            } catch (IOException | InterruptedException e) {
                // not this one
            }
        }
        return null;
    }
}
