package io.tradingcore.adapters.kraken.auth;

import io.tradingcore.adapters.kraken.FeedEventWriter;
import io.tradingcore.core.kraken.Channel;
import io.tradingcore.core.kraken.ParseError;
import io.tradingcore.core.market.SymbolTable;
import io.tradingcore.core.stage.OutboxEntries;
import io.tradingcore.core.stream.Outbox;
import io.tradingcore.core.stream.StreamCatalog;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** How a flood of garbage on the order connection reaches the log: the first of each reason, then a count a minute. */
class RejectedFramesTest
{
    private static final long MINUTE_NANOS = 60_000_000_000L;

    private final Outbox outbox = new Outbox(new StreamCatalog(), 1 << 20, 50);
    private final RejectedFrames rejected = new RejectedFrames(new FeedEventWriter(outbox, "ws://127.0.0.1/v2"));
    private final UnsafeBuffer frame = new UnsafeBuffer("garbage".getBytes(StandardCharsets.US_ASCII));

    @Test
    void theFirstOfEachReasonIsLoggedAtOnceAndTheRestAsOneCountAMinuteWhileEveryOneIsReported()
    {
        final ByteArrayOutputStream log = new ByteArrayOutputStream();
        final PrintStream stderr = System.err;
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        final long later;
        try
        {
            for (int i = 0; i < 3; i++)
            {
                rejected.reject(ParseError.SYNTAX, Channel.UNKNOWN, 0, frame, 0, frame.capacity(), 1L);
            }
            rejected.reject(ParseError.MISSING_FIELD, Channel.EXECUTIONS, 0, frame, 0, frame.capacity(), 1L);
            rejected.logSince(System.nanoTime()); // within the minute of the first: nothing more
            later = System.nanoTime() + MINUTE_NANOS;
            rejected.logSince(later);
            rejected.logSince(later + MINUTE_NANOS); // nothing new since
        }
        finally
        {
            System.setErr(stderr);
        }
        final String[] lines = log.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(1, count(lines, "order connection rejected a frame (syntax, channel unknown"), log.toString());
        assertEquals(1, count(lines, "order connection rejected a frame (missing_field, channel executions"), log.toString());
        assertEquals(1, count(lines, "order connection: 2 more frames rejected (syntax)"), log.toString());
        assertEquals(3, lines.length, log.toString());
        assertEquals(3, rejected.count(ParseError.SYNTAX));
        assertEquals(4, rejected.count());
        assertEquals(4, new OutboxEntries(outbox, new SymbolTable()).all(StreamCatalog.KRAKEN_ERRORS).size());
    }

    private static long count(final String[] lines, final String text)
    {
        return Arrays.stream(lines).filter(line -> line.contains(text)).count();
    }
}
