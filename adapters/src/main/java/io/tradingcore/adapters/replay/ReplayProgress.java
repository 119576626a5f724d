package io.tradingcore.adapters.replay;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A progress line for a long replay (frames, share of the file, frames/s, ETA), from a housekeeping
 * thread that reads the feed's per-chunk counters: the reader itself never formats or prints.
 * Every few seconds for a person at a terminal, once a minute for a log file.
 */
public final class ReplayProgress implements AutoCloseable
{
    /** For a terminal. */
    public static final Duration INTERACTIVE = Duration.ofSeconds(5);
    /** For a log. */
    public static final Duration LOGGED = Duration.ofMinutes(1);

    private final ReplayFeed feed;
    private final long fileBytes;
    private final Consumer<String> out;
    private final long startNanos = System.nanoTime();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r ->
    {
        final Thread t = new Thread(r, "replay-progress");
        t.setDaemon(true);
        return t;
    });

    /** Starts reporting {@code feed} to {@code out} every {@code every}. */
    public ReplayProgress(final ReplayFeed feed, final Duration every, final Consumer<String> out) throws IOException
    {
        this.feed = feed;
        this.fileBytes = Files.size(feed.path());
        this.out = out;
        timer.scheduleAtFixedRate(this::report, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * {@link #INTERACTIVE} when stderr is a terminal, else {@link #LOGGED}. The launcher says which in
     * {@code trading.stderr.tty} (a shell can test file descriptor 2, Java cannot); without it, whether
     * the JVM has a console.
     */
    public static Duration period()
    {
        final String tty = System.getProperty("trading.stderr.tty");
        final boolean terminal = tty != null ? Boolean.parseBoolean(tty) : System.console() != null;
        return terminal ? INTERACTIVE : LOGGED;
    }

    private void report()
    {
        out.accept(line(feed.framesSoFar(), feed.bytesSoFar(), fileBytes, (System.nanoTime() - startNanos) / 1e9));
    }

    /** "replay: 1,234 frames, 42.0 % of the file, 8,000 frames/s, ETA 0:00:07" */
    static String line(final long frames, final long bytes, final long fileBytes, final double seconds)
    {
        final double share = fileBytes == 0 ? 1 : (double)bytes / fileBytes;
        final double rate = seconds > 0 ? frames / seconds : 0;
        final String eta = share > 0 ? clock(Math.round(seconds * (1 - share) / share)) : "unknown";
        return String.format(Locale.ROOT, "replay: %,d frames, %.1f %% of the file, %,.0f frames/s, ETA %s",
            frames, 100 * share, rate, eta);
    }

    private static String clock(final long seconds)
    {
        return String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }

    @Override
    public void close()
    {
        timer.shutdownNow();
    }
}
