package io.dealgraph.devtools.synthetic;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * News-like articles for measuring ingest: each about 4 KB, naming made-up startups and real investors and clouds,
 * with funding rounds, spend commitments and chip use phrased as outlets phrase them, plus filler paragraphs that
 * carry no facts (as most of a real article does). Deterministic for a seed, so runs can be compared.
 */
public final class SyntheticNews {

    private static final String[] INVESTORS = {"Amazon", "Microsoft", "Google", "Nvidia", "SoftBank", "Salesforce",
            "Sequoia Capital", "Andreessen Horowitz", "Lightspeed Venture Partners", "General Catalyst", "Thrive Capital",
            "Index Ventures", "Accel", "Greenoaks", "Coatue"};
    private static final String[] CLOUDS = {"Amazon Web Services", "Microsoft Azure", "Google Cloud", "Oracle Cloud Infrastructure"};
    private static final String[] CHIPS = {"Trainium", "TPU", "H100", "Blackwell", "MI300X", "Inferentia"};
    private static final String[] SYLLABLES = {"ka", "lo", "ve", "ri", "tan", "mo", "zu", "sel", "qua", "dri", "fen", "nox",
            "par", "lu", "vin", "ex", "or", "ast", "cel", "dyn"};
    private static final String[] SUFFIXES = {"AI", "Labs", "Robotics", "Systems", "Bio", "Compute", "Health"};
    private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August",
            "September", "October", "November", "December"};
    private static final String FILLER = "Analysts said the market for generative models remains crowded, with dozens of "
            + "well-funded rivals competing for the same enterprise customers and the same scarce engineers. The company "
            + "declined to comment on its revenue, and people close to it said it was still spending far more on training "
            + "runs than it earns from subscriptions. Its chief executive told staff in a memo that the focus for the coming "
            + "year would be reliability and cost, not headline model sizes. ";

    private SyntheticNews() {
    }

    /** {@code count} articles, each a distinct text. */
    public static List<String> articles(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(article(random, i));
        }
        return out;
    }

    private static String article(SplittableRandom r, int n) {
        String startup = startup(r);
        String lead = pick(r, INVESTORS);
        String other = pick(r, INVESTORS);
        String cloud = pick(r, CLOUDS);
        String chip = pick(r, CHIPS);
        int year = 2019 + r.nextInt(7);
        String month = MONTHS[r.nextInt(12)];
        int round = 10 + r.nextInt(990);
        int spend = 1 + r.nextInt(50);
        StringBuilder sb = new StringBuilder();
        sb.append(startup).append(" raises $").append(round).append(" million as AI funding frenzy continues\n\n");
        sb.append(month).append(' ').append(1 + r.nextInt(28)).append(", ").append(year).append("\n\n");
        sb.append(startup).append(", a startup building models for ").append(pick(r, new String[]{"drug discovery", "logistics",
                "legal research", "chip design", "weather forecasting"})).append(", said on Tuesday it had raised $").append(round)
                .append(" million in a funding round led by ").append(lead).append(", with participation from ").append(other)
                .append(".\n\n");
        sb.append(FILLER);
        sb.append("As part of the agreement, ").append(startup).append(" committed to spend $").append(spend).append(" million on ")
                .append(cloud).append(" over the next ").append(2 + r.nextInt(5)).append(" years.\n\n");
        sb.append(FILLER);
        sb.append("The company trains its models on ").append(chip).append(" chips, according to a person familiar with the matter.\n\n");
        while (sb.length() < 4000) {
            sb.append(FILLER);
        }
        sb.append("(Article ").append(n).append(")\n");
        return sb.toString();
    }

    private static String startup(SplittableRandom r) {
        String name = SYLLABLES[r.nextInt(SYLLABLES.length)] + SYLLABLES[r.nextInt(SYLLABLES.length)] + SYLLABLES[r.nextInt(SYLLABLES.length)];
        return name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1) + " " + SUFFIXES[r.nextInt(SUFFIXES.length)];
    }

    private static String pick(SplittableRandom r, String[] from) {
        return from[r.nextInt(from.length)];
    }
}
