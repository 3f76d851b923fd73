package io.dealgraph.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine;

/**
 * How a long job (ingest, reextract, generate) shows how far it has got, on standard error so that results on
 * standard output stay clean: a redrawn bar on a terminal; elsewhere (a log file, CI, a test) one plain line every
 * {@link #LINE_EVERY}, so a job of a few seconds prints nothing and a long one a line now and then.
 */
abstract class Progress implements AutoCloseable {

    static final Duration LINE_EVERY = Duration.ofSeconds(30);

    /** {@code --progress} / {@code --no-progress}; neither: the bar on a terminal, periodic lines otherwise. */
    static final class Option {
        @CommandLine.Option(names = "--progress", negatable = true,
                description = "a progress bar even when standard error is not a terminal (--no-progress: no progress at all)")
        Boolean bar;

        Progress open(String task, String unit, PrintStream err) {
            if (Boolean.FALSE.equals(bar)) {
                return new Progress() {
                    @Override
                    void show(long done, long total, String extra) {
                    }
                };
            }
            return Boolean.TRUE.equals(bar) || System.console() != null ? new Bar(task, unit, err, System.console() != null)
                    : new Lines(task, unit, err);
        }
    }

    /** Where the job stands: {@code done} of {@code total} units ({@code total} 0 while unknown), and a remark. */
    abstract void show(long done, long total, String extra);

    @Override
    public void close() {
    }

    /** me.tongfei's bar, redrawn in place on a background thread. */
    private static final class Bar extends Progress {
        private final ProgressBar bar;

        Bar(String task, String unit, PrintStream err, boolean terminal) {
            // Off a terminal (--progress into a pipe) the width is fixed, so no terminal is probed for its size.
            ConsoleProgressBarConsumer consumer = terminal ? new ConsoleProgressBarConsumer(err) : new ConsoleProgressBarConsumer(err, 110);
            bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(-1).setUnit(" " + unit, 1).showSpeed()
                    .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(200).setConsumer(consumer)
                    .clearDisplayOnFinish().build();
        }

        @Override
        void show(long done, long total, String extra) {
            if (total > 0) {
                bar.maxHint(total);
            }
            bar.stepTo(done);
            bar.setExtraMessage(extra.isEmpty() ? "" : " " + extra);
        }

        @Override
        public void close() {
            bar.close();
        }
    }

    /** A line now and then, for logs. */
    private static final class Lines extends Progress {
        private final String task;
        private final String unit;
        private final PrintStream err;
        private final long started = System.nanoTime();
        private long next = System.nanoTime() + LINE_EVERY.toNanos();

        Lines(String task, String unit, PrintStream err) {
            this.task = task;
            this.unit = unit;
            this.err = err;
        }

        @Override
        void show(long done, long total, String extra) {
            long now = System.nanoTime();
            if (now < next) {
                return;
            }
            next = now + LINE_EVERY.toNanos();
            double seconds = (now - started) / 1e9;
            err.printf(Locale.ROOT, "%s: %,d%s %s after %.0f s (%s/s)%s%n", task, done, total > 0 ? String.format(Locale.ROOT, " of %,d", total) : "",
                    unit, seconds, Commands.rate(done / seconds), extra.isEmpty() ? "" : ", " + extra);
        }
    }
}
