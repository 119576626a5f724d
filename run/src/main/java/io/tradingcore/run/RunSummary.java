package io.tradingcore.run;

import io.tradingcore.adapters.redis.RedisStreamWriter;
import io.tradingcore.core.kraken.Channel;
import io.tradingcore.core.kraken.ParseError;
import io.tradingcore.core.stage.FeedCounters;
import io.tradingcore.core.stream.Outbox;
import io.tradingcore.core.stream.StreamCatalog;
import org.HdrHistogram.Histogram;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

/** The end-of-run report: what came in, what was verified, what went to Redis, how fast we decided. */
final class RunSummary
{
    private final FeedCounters feed;
    private final RedisStreamWriter writer;
    private final Outbox outbox;
    private final long stageFaults;
    private final long framesRead;
    private final long elapsedNanos;
    private final boolean interrupted;
    private Histogram tickToDecision;
    private Histogram receiveToDecision;
    private Histogram firstTicks;
    private String trading = "";

    RunSummary(
        final FeedCounters feed, final RedisStreamWriter writer, final Outbox outbox, final long stageFaults,
        final long framesRead, final long elapsedNanos, final boolean interrupted)
    {
        this.feed = feed;
        this.writer = writer;
        this.outbox = outbox;
        this.stageFaults = stageFaults;
        this.framesRead = framesRead;
        this.elapsedNanos = elapsedNanos;
        this.interrupted = interrupted;
    }

    RunSummary latency(final Histogram inPipeline, final Histogram fromReceipt, final Histogram first)
    {
        tickToDecision = inPipeline;
        receiveToDecision = fromReceipt;
        firstTicks = first;
        return this;
    }

    RunSummary trading(final String lines)
    {
        trading = lines;
        return this;
    }

    void print(final PrintStream out)
    {
        final double seconds = elapsedNanos / 1e9;
        out.println();
        out.println("=== trading-core run summary ===");
        out.printf(Locale.ROOT, "run            %.2f s%s, %,d frames read (%,.0f frames/s)%n", seconds,
            interrupted ? " (stopped by signal)" : "", framesRead, framesRead / Math.max(seconds, 1e-9));
        out.println("frames by channel");
        for (int c = 0; c < Channel.COUNT; c++)
        {
            if (feed.frames(c) > 0)
            {
                out.printf(Locale.ROOT, "  %-12s %,12d%n", Channel.name(c), feed.frames(c));
            }
        }
        boolean anyError = false;
        for (int e = 1; e < ParseError.COUNT; e++)
        {
            if (feed.errors(e) > 0)
            {
                if (!anyError)
                {
                    out.println("rejected frames (reported to kraken:errors)");
                    anyError = true;
                }
                out.printf(Locale.ROOT, "  %-18s %,8d%n", ParseError.name(e), feed.errors(e));
            }
        }
        out.printf(Locale.ROOT, "book messages  %,d; checksums verified %,d, failed %,d; crossed %,d; overflows %,d; "
            + "resynced %,d; updates skipped while invalid %,d%n", feed.bookMessages(), feed.checksumsVerified(),
            feed.checksumsFailed(), feed.crossedBooks(), feed.bookOverflows(), feed.booksResynced(),
            feed.updatesSkippedWhileInvalid());
        if (feed.timestampsRejected() > 0)
        {
            out.printf(Locale.ROOT, "timestamps rejected by the event clock (reported to kraken:errors) %,d%n",
                feed.timestampsRejected());
        }
        if (feed.updatesNotCarried() > 0)
        {
            out.printf(Locale.ROOT, "symbol updates beyond a slot's capacity (not seen by the strategies) %,d%n",
                feed.updatesNotCarried());
        }
        if (feed.failedAcks() > 0)
        {
            out.printf(Locale.ROOT, "failed acks    %,d%n", feed.failedAcks());
        }
        out.print(trading);
        printLatency(out, "tick->decision (µs, 4 stages)     ", tickToDecision);
        printLatency(out, "receive->decision (µs, +ring wait)", receiveToDecision);
        printLatency(out, "first ticks after start (µs)      ", firstTicks);
        long total = 0;
        out.println("entries written to Redis, by stream");
        for (final Map.Entry<String, Long> e : writer.writtenByKey().entrySet())
        {
            out.printf(Locale.ROOT, "  %-40s %,10d%n", e.getKey(), e.getValue());
            total += e.getValue();
        }
        out.printf(Locale.ROOT, "  %-40s %,10d%n", "total", total);
        long shed = 0;
        for (int s = 0; s < StreamCatalog.COUNT; s++)
        {
            shed += outbox.shed(s) + writer.shed(s);
        }
        out.printf(Locale.ROOT, "market data shed under back-pressure %,d; spilled to journal %,d, replayed %,d; "
            + "Redis write errors %,d, reconnects %,d; stage faults %,d%n", shed, writer.spilled(), writer.replayed(),
            writer.writeErrors(), writer.reconnects(), stageFaults);
    }

    private static void printLatency(final PrintStream out, final String label, final Histogram h)
    {
        if (h != null && h.getTotalCount() > 0)
        {
            out.printf(Locale.ROOT, "%s p50 %.1f  p90 %.1f  p99 %.1f  p99.9 %.1f  max %.1f  (%,d ticks)%n", label,
                us(h, 50), us(h, 90), us(h, 99), us(h, 99.9), h.getMaxValue() / 1e3, h.getTotalCount());
        }
    }

    private static double us(final Histogram h, final double percentile)
    {
        return h.getValueAtPercentile(percentile) / 1e3;
    }
}
