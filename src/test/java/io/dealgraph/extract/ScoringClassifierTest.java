package io.dealgraph.extract;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.parser.nndep.DependencyParser;
import edu.stanford.nlp.parser.nndep.ScoringClassifier;
import edu.stanford.nlp.util.ArrayCoreMap;
import edu.stanford.nlp.util.CoreMap;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The parser's faster scorer must not change a single parse: every sentence of the seeds and of our written test
 * documents is parsed with CoreNLP's own scorer, then with {@link ScoringClassifier} swapped into the same parser, and
 * the typed dependencies must be equal.
 */
class ScoringClassifierTest {

    @Test
    void theFasterScorerGivesTheParsesOfTheStockOne() throws Exception {
        List<CoreMap> sentences = taggedSentences();
        assertThat(sentences).hasSizeGreaterThan(300);

        Properties props = new Properties();
        props.setProperty("numCached", "50000");
        // a parser of its own: loadFromModelFile hands out CoreNLP's shared (already swapped) instance
        DependencyParser parser = new DependencyParser(props);
        parser.loadModelFile(LanguageModels.PARSER);
        List<String> stock = new ArrayList<>();
        for (CoreMap s : sentences) {
            stock.add(parser.predict(s).typedDependencies().toString());
        }

        assertThat(ScoringClassifier.install(parser)).as("installed").isTrue();
        assertThat(ScoringClassifier.install(parser)).as("installed twice").isFalse();
        List<String> fast = new ArrayList<>();
        for (CoreMap s : sentences) {
            fast.add(parser.predict(s).typedDependencies().toString());
        }

        assertThat(fast).hasSameSizeAs(stock);
        for (int i = 0; i < stock.size(); i++) {
            assertThat(fast.get(i)).as("parse of sentence %d", i).isEqualTo(stock.get(i));
        }
    }

    private static List<CoreMap> taggedSentences() throws Exception {
        List<Path> dirs = new ArrayList<>();
        for (Path p : List.of(io.dealgraph.testing.GraphFixtures.SEEDS, Path.of("src", "test", "resources", "eval", "dev"), Path.of("src", "test", "resources", "eval", "heldout"))) {
            if (Files.isDirectory(p)) {
                dirs.add(p);
            }
        }
        var tagger = LanguageModels.get().tagger();
        List<CoreMap> out = new ArrayList<>();
        for (Path file : DocumentReader.collect(dirs)) {
            for (Document d : DocumentReader.read(file, null)) {
                for (Sentences.Sentence sentence : Sentences.split(d.text())) {
                    // tokenised as the pipeline does it
                    List<CoreLabel> tokens = LanguageStages.Tokenize.tokens(sentence.text());
                    if (tokens.isEmpty() || tokens.size() > LanguageStages.MAX_PARSE_TOKENS) {
                        continue;
                    }
                    tagger.tagCoreLabels(tokens);
                    CoreMap map = new ArrayCoreMap();
                    map.set(CoreAnnotations.TokensAnnotation.class, tokens);
                    out.add(map);
                }
            }
        }
        return out;
    }
}
