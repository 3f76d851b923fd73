package edu.stanford.nlp.parser.nndep;

import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;

/**
 * A drop-in replacement for the parser's feed-forward scorer that gives the same scores, bit for bit, in less time.
 *
 * <p>Why it lives in CoreNLP's package: {@link DependencyParser} asks its {@link Classifier} for the transition scores
 * through a package-private method, once per transition, and that call is where the parser spends most of its time
 * (profiled on real news: the output layer's dot products alone were a third of all extraction time). The stock
 * version multiplies the hidden layer into each output row with one running double sum per row, a chain the CPU
 * cannot overlap, and looks the precomputed hidden slices up in a {@code HashMap<Integer, Integer>}. This one keeps
 * the output weights transposed so that the inner loop adds one hidden unit into every score at once (independent
 * additions the JIT can pipeline and vectorise), and finds precomputed slices in an open-addressed int table. Each
 * score still adds the same products in the same order, so the parses are the ones the stock scorer gives
 * ({@code ScoringClassifierTest} checks that on real sentences).
 *
 * <p>It also skips the scoring where the arc-standard system leaves one move only: with nothing but the root, or the
 * root and one word, on the stack, the parser must shift while words are left and attach the word to the root when
 * none are. About a third of all moves are of that kind on news sentences (each sentence's first two shifts, and a
 * shift after every word that the top of the stack took as its dependent). The parser picks the best-scoring move
 * among the legal ones, so when exactly one is legal its scores change nothing; this scorer then returns a score for
 * that move alone. The parser's state is read from the feature array (the part-of-speech slots of the stack's two
 * top words and of the buffer's first word hold the root's and the empty slot's own ids).
 *
 * <p>It never trains: {@link #install} swaps it into a parser loaded for prediction, and leaves the stock classifier in
 * place (returning {@code false}) if the parser's shape is not the one this class knows.
 */
public final class ScoringClassifier extends Classifier {

    private static final int EMPTY = -1;
    /** Direct-mapped slots for hidden slices of word-position pairs the model did not precompute. */
    private static final int CACHE_SLOTS = 1 << 16;

    private final int hiddenSize;
    private final int embeddingSize;
    private final int numTokens;
    private final int numLabels;
    private final float[][] embeddings;
    /** Hidden weights transposed: {@code hiddenByInput[k][i] == W1[i][k]}, so one input adds into every unit. */
    private final float[][] hiddenByInput;
    private final float[] hiddenBias;
    /** Output weights transposed: {@code outputByHidden[j * numLabels + i] == W2[i][j]}, widened to double (exact). */
    private final double[] outputByHidden;
    private final int[] precomputedKeys;
    private final int[] precomputedRows;
    private final int precomputedMask;
    private final double[][] precomputed;
    private final Slice[] slices = new Slice[CACHE_SLOTS];
    /** Where a move is forced, read from the features; {@code null} when the parser is not one this class knows. */
    private final ForcedMoves forced;

    private record Slice(int index, float[] values) {
    }

    /**
     * The ids that tell the arc-standard parser's state from its features, and the two moves that can be forced.
     * Feature slots (CoreNLP's {@code getFeatureArray}): words 0-17, tags 18-35; slot 0 is the third word on the
     * stack, 1 the second, 2 the top, 3 the buffer's first.
     */
    record ForcedMoves(int rootTag, int emptyTag, int shift, int rootArc, int moves) {
        static final int SECOND_ON_STACK = 18 + 1;
        static final int TOP_OF_STACK = 18 + 2;
        static final int FIRST_IN_BUFFER = 18 + 3;

        /** The only legal move for these features, or -1 when more than one is legal. */
        int of(int[] feature) {
            if (feature[TOP_OF_STACK] == rootTag) {
                return shift; // the stack holds the root only, and the parse is not done: words are left
            }
            if (feature[SECOND_ON_STACK] == rootTag) {
                return feature[FIRST_IN_BUFFER] == emptyTag ? rootArc : shift;
            }
            return -1;
        }
    }

    private ScoringClassifier(Config config, Classifier stock, Map<Integer, Integer> preMap, double[][] saved,
            ForcedMoves forced) {
        // the superclass keeps the matrices (for its getters); its own precomputation stays empty
        super(config, stock.getE(), stock.getW1(), stock.getb1(), stock.getW2(), Collections.emptyList());
        float[][] W1 = stock.getW1();
        float[][] W2 = stock.getW2();
        this.hiddenSize = config.hiddenSize;
        this.embeddingSize = config.embeddingSize;
        this.numTokens = Config.numTokens;
        this.numLabels = W2.length;
        this.embeddings = stock.getE();
        this.hiddenBias = stock.getb1();
        this.hiddenByInput = new float[W1[0].length][hiddenSize];
        for (int i = 0; i < hiddenSize; i++) {
            for (int k = 0; k < W1[i].length; k++) {
                hiddenByInput[k][i] = W1[i][k];
            }
        }
        this.outputByHidden = new double[hiddenSize * numLabels];
        for (int i = 0; i < numLabels; i++) {
            for (int j = 0; j < hiddenSize; j++) {
                outputByHidden[j * numLabels + i] = W2[i][j];
            }
        }
        // the stock classifier's precomputed hidden slices, found through an int table instead of boxed keys
        int capacity = Integer.highestOneBit(Math.max(4, preMap.size() * 2)) << 1;
        precomputedKeys = new int[capacity];
        precomputedRows = new int[capacity];
        precomputedMask = capacity - 1;
        Arrays.fill(precomputedKeys, EMPTY);
        for (Map.Entry<Integer, Integer> e : preMap.entrySet()) {
            int slot = find(e.getKey());
            precomputedKeys[slot] = e.getKey();
            precomputedRows[slot] = e.getValue();
        }
        this.precomputed = saved;
        this.forced = forced;
    }

    /**
     * Replaces a loaded parser's classifier by this one.
     *
     * @return whether it was installed; {@code false} leaves the parser exactly as it was
     */
    public static boolean install(DependencyParser parser) {
        try {
            Object classifier = read(DependencyParser.class, parser, "classifier");
            Config config = (Config) read(DependencyParser.class, parser, "config");
            if (!(classifier instanceof Classifier stock) || classifier instanceof ScoringClassifier || config == null) {
                return false;
            }
            @SuppressWarnings("unchecked")
            Map<Integer, Integer> preMap = (Map<Integer, Integer>) read(Classifier.class, stock, "preMap");
            double[][] saved = (double[][]) read(Classifier.class, stock, "saved");
            if (preMap == null || saved == null && !preMap.isEmpty()) {
                return false;
            }
            ScoringClassifier fast = new ScoringClassifier(config, stock, preMap, saved == null ? new double[0][] : saved,
                    forcedMoves(parser, stock.getW2().length));
            Field field = DependencyParser.class.getDeclaredField("classifier");
            field.setAccessible(true);
            field.set(parser, fast);
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    /** The forced moves of an arc-standard parser with a single root, or {@code null} for any other parser. */
    private static ForcedMoves forcedMoves(DependencyParser parser, int moves) {
        try {
            Object system = read(DependencyParser.class, parser, "system");
            if (!(system instanceof ArcStandard) || !(Boolean) read(ArcStandard.class, system, "singleRoot")) {
                return null;
            }
            @SuppressWarnings("unchecked")
            Map<String, Integer> tags = (Map<String, Integer>) read(DependencyParser.class, parser, "posIDs");
            ParsingSystem arcs = (ParsingSystem) system;
            String rootLabel = (String) read(ParsingSystem.class, system, "rootLabel");
            int shift = arcs.getTransitionID("S");
            int rootArc = arcs.getTransitionID("R(" + rootLabel + ")");
            Integer rootTag = tags.get(Config.ROOT);
            Integer emptyTag = tags.get(Config.NULL);
            if (shift < 0 || rootArc < 0 || rootTag == null || emptyTag == null || arcs.numTransitions() != moves) {
                return null;
            }
            return new ForcedMoves(rootTag, emptyTag, shift, rootArc, moves);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private static Object read(Class<?> type, Object target, String name) throws ReflectiveOperationException {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        return field.get(target);
    }

    private int find(int key) {
        int slot = (key * 0x9E3779B9) >>> 7 & precomputedMask;
        while (precomputedKeys[slot] != EMPTY && precomputedKeys[slot] != key) {
            slot = (slot + 1) & precomputedMask;
        }
        return slot;
    }

    @Override
    double[] computeScores(int[] feature) {
        int only = forced == null ? -1 : forced.of(feature);
        if (only >= 0) {
            // every other move is illegal here; a score of minus infinity keeps the parser from even testing them
            double[] scores = new double[forced.moves()];
            Arrays.fill(scores, Double.NEGATIVE_INFINITY);
            scores[only] = 0;
            return scores;
        }
        final double[] hidden = new double[hiddenSize];
        // the rows to add, in feature order: precomputed double rows, or float slices rounded as the stock cache does
        final double[][] rows = new double[feature.length][];
        final float[][] floats = new float[feature.length][];
        int offset = 0;
        for (int j = 0; j < feature.length; j++) {
            int tok = feature[j];
            int index = tok * numTokens + j;
            int slot = find(index);
            if (precomputedKeys[slot] == index) {
                rows[j] = precomputed[precomputedRows[slot]];
            } else {
                floats[j] = slice(index, tok, offset);
            }
            offset += embeddingSize;
        }
        // runs of precomputed rows are added four at a time: ((h + a) + b) + c) + d is the stock order, with a
        // quarter of the loads and stores of the hidden layer
        int j = 0;
        while (j < feature.length) {
            if (j + 3 < feature.length && rows[j] != null && rows[j + 1] != null && rows[j + 2] != null
                    && rows[j + 3] != null) {
                final double[] a = rows[j], b = rows[j + 1], c = rows[j + 2], d = rows[j + 3];
                for (int i = 0; i < hiddenSize; i++) {
                    hidden[i] = hidden[i] + a[i] + b[i] + c[i] + d[i];
                }
                j += 4;
            } else if (rows[j] != null) {
                final double[] a = rows[j];
                for (int i = 0; i < hiddenSize; i++) {
                    hidden[i] += a[i];
                }
                j++;
            } else {
                final float[] a = floats[j];
                for (int i = 0; i < hiddenSize; i++) {
                    hidden[i] += a[i];
                }
                j++;
            }
        }
        for (int i = 0; i < hiddenSize; i++) {
            double h = hidden[i] + hiddenBias[i];
            hidden[i] = h * h * h;
        }
        final double[] scores = new double[numLabels];
        final double[] weights = outputByHidden;
        final int labels = numLabels;
        // four hidden units per pass, each score still summing its products in unit order
        int k = 0;
        for (; k + 3 < hiddenSize; k += 4) {
            final double h0 = hidden[k], h1 = hidden[k + 1], h2 = hidden[k + 2], h3 = hidden[k + 3];
            final int b0 = k * labels, b1 = b0 + labels, b2 = b1 + labels, b3 = b2 + labels;
            for (int i = 0; i < labels; i++) {
                scores[i] = scores[i] + h0 * weights[b0 + i] + h1 * weights[b1 + i] + h2 * weights[b2 + i]
                        + h3 * weights[b3 + i];
            }
        }
        for (; k < hiddenSize; k++) {
            final double h = hidden[k];
            final int base = k * labels;
            for (int i = 0; i < labels; i++) {
                scores[i] += h * weights[base + i];
            }
        }
        return scores;
    }

    /** The hidden-layer slice of one word-position pair, rounded to float as the stock cache keeps it. */
    private float[] slice(int index, int tok, int offset) {
        int slot = (index * 0x9E3779B9) >>> 16;
        Slice cached = slices[slot];
        if (cached != null && cached.index() == index) {
            return cached.values();
        }

        // per unit the same float products added in the same order as the stock classifier's matrixMultiplySlice
        float[] vector = embeddings[tok];
        double[] partial = new double[hiddenSize];
        for (int k = 0; k < vector.length; k++) {
            final float v = vector[k];
            final float[] weights = hiddenByInput[offset + k];
            for (int i = 0; i < hiddenSize; i++) {
                partial[i] += weights[i] * v;
            }
        }
        float[] values = new float[hiddenSize];
        for (int i = 0; i < hiddenSize; i++) {
            values[i] = (float) partial[i];
        }
        // a benign race: slices are immutable and every thread would compute the same values
        slices[slot] = new Slice(index, values);
        return values;
    }
}
