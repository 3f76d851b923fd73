package io.dealgraph.extract;

import edu.stanford.nlp.ie.crf.CRFClassifier;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.parser.nndep.DependencyParser;
import edu.stanford.nlp.parser.nndep.ScoringClassifier;
import edu.stanford.nlp.tagger.maxent.MaxentTagger;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The statistical models under the rules: Stanford CoreNLP's part-of-speech tagger, its 4-class named-entity CRF
 * (organisations, people, places, other names) and its Universal Dependencies parser. They take a few seconds and a
 * few hundred megabytes to load, so they load once per JVM, off the caller's thread when {@link #preload()} is
 * called early (the server does so at start-up), and every extractor shares them: all three are safe to use from
 * many threads once loaded. Only these three model files ship in the jar (see the pom's corenlp-models step).
 */
public final class LanguageModels {

    static final String TAGGER = "edu/stanford/nlp/models/pos-tagger/english-left3words-distsim.tagger";
    static final String NER = "edu/stanford/nlp/models/ner/english.conll.4class.distsim.crf.ser.gz";
    static final String PARSER = "edu/stanford/nlp/models/parser/nndep/english_UD.gz";

    private static final Logger log = LoggerFactory.getLogger(LanguageModels.class);

    /** The loaded models. */
    record Loaded(MaxentTagger tagger, CRFClassifier<CoreLabel> ner, DependencyParser parser, long millis) {
    }

    private static volatile CompletableFuture<Loaded> loading;

    private LanguageModels() {
    }

    /** Starts loading in the background if nobody has yet; returns at once. */
    public static CompletableFuture<?> preload() {
        return future();
    }

    /** True once the models are in memory (for health reporting). */
    public static boolean ready() {
        CompletableFuture<Loaded> f = loading;
        return f != null && f.isDone() && !f.isCompletedExceptionally();
    }

    /** The models, loading them first if needed (blocks until they are in). */
    static Loaded get() {
        try {
            return future().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the language models loaded", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the language models could not be loaded: " + e.getCause().getMessage(), e.getCause());
        }
    }

    private static CompletableFuture<Loaded> future() {
        CompletableFuture<Loaded> f = loading;
        if (f == null) {
            synchronized (LanguageModels.class) {
                f = loading;
                if (f == null) {
                    f = new CompletableFuture<>();
                    loading = f;
                    CompletableFuture<Loaded> target = f;
                    Thread t = new Thread(() -> {
                        try {
                            target.complete(load());
                        } catch (Throwable e) {
                            target.completeExceptionally(e);
                        }
                    }, "dealgraph-language-models");
                    t.setDaemon(true);
                    t.start();
                }
            }
        }
        return f;
    }

    private static Loaded load() throws Exception {
        long t0 = System.nanoTime();
        Properties tagger = new Properties();
        tagger.setProperty("model", TAGGER);
        MaxentTagger pos = new MaxentTagger(TAGGER, tagger, false);
        CRFClassifier<CoreLabel> ner = CRFClassifier.getClassifier(NER);
        // keep the hidden-layer slices of 50,000 word-position pairs the model did not precompute: the parser runs
        // about 1.4 times as fast (measured on the study corpus), for some 50 MB
        Properties parserProps = new Properties();
        parserProps.setProperty("numCached", "50000");
        DependencyParser parser = DependencyParser.loadFromModelFile(PARSER, parserProps);
        // same parses, about twice as fast: see ScoringClassifier (-Ddealgraph.parser.stock=true keeps CoreNLP's own)
        if (!Boolean.getBoolean("dealgraph.parser.stock") && !ScoringClassifier.install(parser)) {
            log.warn("Parser kept CoreNLP's own scorer (this CoreNLP version's parser has another shape)");
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        log.info("Language models loaded in {} ms (part of speech, named entities, dependencies)", ms);
        return new Loaded(pos, ner, parser, ms);
    }
}
