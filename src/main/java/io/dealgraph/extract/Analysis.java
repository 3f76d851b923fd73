package io.dealgraph.extract;

import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.semgraph.SemanticGraph;
import java.util.ArrayList;
import java.util.List;

/**
 * One document on its way through the pipeline: each stage reads some layers and adds its own. Per-sentence layers
 * are lists indexed like {@link #sentences}; the statistical ones hold null for sentences that are not candidates.
 * Lives for one {@code extract} call, so the pipeline's stages stay stateless and thread-safe.
 */
final class Analysis {

    final Document doc;
    /** Checked at each sentence by the stages that loop over them. */
    final Deadline deadline;
    List<Sentences.Sentence> sentences = List.of();
    List<String> lowered = List.of();
    List<List<Mentions.Mention>> mentions = List.of();
    List<List<Money.Amount>> money = List.of();
    List<List<Dates.DateMention>> dates = List.of();
    boolean[] candidate = new boolean[0];
    /** Candidates the parser reads too (a subset of {@link #candidate}). */
    boolean[] parse = new boolean[0];
    List<List<CoreLabel>> tokens = List.of();
    List<SemanticGraph> graphs = List.of();
    final List<Relations.Draft> contextDrafts = new ArrayList<>();
    final List<Relations.Draft> grammarDrafts = new ArrayList<>();
    List<Fact> facts = List.of();

    Analysis(Document doc, Deadline deadline) {
        this.doc = doc;
        this.deadline = deadline;
    }

    int size() {
        return sentences.size();
    }

    Relations.View view(int i) {
        Sentences.Sentence s = sentences.get(i);
        return new Relations.View(s, s.text(), lowered.get(i), mentions.get(i), money.get(i), dates.get(i));
    }
}
