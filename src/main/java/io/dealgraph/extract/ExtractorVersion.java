package io.dealgraph.extract;

import io.dealgraph.graph.CompanyNames;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * Which extractor read a claim, and with which knowledge file: fingerprints that change whenever the extractor's
 * code, rule files or word lists change ({@code extractor}), or the curated knowledge does ({@code knowledge}).
 * Claims keep both, so a graph says what read each fact; {@code reextract} brings old claims up to date.
 *
 * @param extractor e.g. {@code rules 3f2a9c01d4e7 (ner, parser, deal-word-parsing, context-rules)}
 * @param knowledge e.g. {@code knowledge 2 (9e1b07c4aa52)}: the file's version line and its content's fingerprint
 */
public record ExtractorVersion(String extractor, String knowledge) {

    /** The classes whose code decides what is read; any change to them is a new extractor. */
    private static final List<Class<?>> CODE = List.of(RuleBasedExtractor.class, Grammar.class, DraftMerge.class,
            FactResolver.class, Mentions.class, Money.class, Dates.class, Relations.class, Sentences.class,
            Coreference.class, LanguageStages.class, DealFrames.class, Lexicon.class, Gate.class, Tokens.class, Starts.class,
            NotDeals.class, CompanyNames.class);
    private static final List<String> RULES = List.of("/extract/rules/frames.yaml", "/extract/rules/money.yaml",
            "/extract/rules/not-deals.yaml", "/extract/lexicon.yaml", "/graph/company-names.yaml");

    static ExtractorVersion of(Set<RuleBasedExtractor.Part> parts, int knowledgeVersion) {
        MessageDigest code = sha256();
        for (Class<?> c : CODE) {
            code.update(resource(c, "/" + c.getName().replace('.', '/') + ".class"));
        }
        for (String r : RULES) {
            code.update(resource(ExtractorVersion.class, r));
        }
        String partNames = parts.stream().map(p -> p.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')).sorted()
                .reduce((a, b) -> a + ", " + b).orElse("no optional parts");
        MessageDigest knowledge = sha256();
        knowledge.update(resource(ExtractorVersion.class, Knowledge.RESOURCE));
        return new ExtractorVersion("rules " + HexFormat.of().formatHex(code.digest(), 0, 6) + " (" + partNames + ")",
                "knowledge " + knowledgeVersion + " (" + HexFormat.of().formatHex(knowledge.digest(), 0, 6) + ")");
    }

    private static byte[] resource(Class<?> anchor, String path) {
        try (InputStream in = anchor.getResourceAsStream(path)) {
            return in == null ? new byte[0] : in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + path, e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
