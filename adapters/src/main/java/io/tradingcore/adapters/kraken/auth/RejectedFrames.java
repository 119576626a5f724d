package io.tradingcore.adapters.kraken.auth;

import io.tradingcore.adapters.kraken.FeedEventWriter;
import io.tradingcore.core.kraken.Channel;
import io.tradingcore.core.kraken.ParseError;
import org.agrona.DirectBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Frames of the order connection that could not be used (not UTF-8, not JSON, a broken executions or
 * balances message or row, an answer to nothing this client asks): none is dropped unseen. Each is
 * counted by its {@link ParseError} ({@link ParseError#NONE}: well-formed but of no known channel or
 * request) and written to {@code kraken:errors} with the frame's head. The log gets the first of each
 * reason at once, then at most one line a minute per reason with how many more came, so a flood of
 * garbage cannot flood the log. Connection thread only; the counts may be read racily from any thread.
 */
final class RejectedFrames
{
    private static final Logger LOG = LoggerFactory.getLogger(RejectedFrames.class);
    private static final long LOG_INTERVAL_NANOS = 60_000_000_000L;

    private final FeedEventWriter events;
    private final long[] byReason = new long[ParseError.COUNT];
    private final long[] logged = new long[ParseError.COUNT];
    private final long[] loggedAtNanos = new long[ParseError.COUNT];

    RejectedFrames(final FeedEventWriter events)
    {
        this.events = events;
    }

    /** {@code position}: where in the frame it failed, from its start. */
    void reject(final int reason, final int channel, final int position, final DirectBuffer frame, final int offset,
        final int length, final long epochMicros)
    {
        byReason[reason]++;
        events.frameError(epochMicros, reason, channel, position, frame, offset, length);
        if (logged[reason] == 0)
        {
            logged[reason] = 1;
            loggedAtNanos[reason] = System.nanoTime();
            LOG.warn("order connection rejected a frame ({}, channel {}, at byte {}); each one goes to kraken:errors, and the log"
                + " counts later ones of this reason once a minute", ParseError.name(reason), Channel.name(channel), position);
        }
    }

    /** On the housekeeping tick: one line for each reason with rejections not logged for a minute. */
    void logSince(final long nowNanos)
    {
        for (int reason = 0; reason < ParseError.COUNT; reason++)
        {
            if (byReason[reason] > logged[reason] && nowNanos - loggedAtNanos[reason] >= LOG_INTERVAL_NANOS)
            {
                LOG.warn("order connection: {} more frames rejected ({}) in the last {} s", byReason[reason] - logged[reason],
                    ParseError.name(reason), (nowNanos - loggedAtNanos[reason]) / 1_000_000_000L);
                logged[reason] = byReason[reason];
                loggedAtNanos[reason] = nowNanos;
            }
        }
    }

    long count(final int reason)
    {
        return byReason[reason];
    }

    long count()
    {
        long total = 0;
        for (final long n : byReason)
        {
            total += n;
        }
        return total;
    }
}
