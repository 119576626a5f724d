package io.tradingcore.core.stream;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Retention classes of the {@link Outbox}: market data is shed above the high-water mark, kept entries pass. */
class OutboxTest
{
    private static final int CAPACITY = 4096;
    private static final int ENTRY = 100;

    private final StreamCatalog catalog = new StreamCatalog();
    private final UnsafeBuffer entry = new UnsafeBuffer(new byte[ENTRY]);

    @Test
    void marketDataIsShedAboveTheHighWaterMarkWhileKeptEntriesPass()
    {
        final Outbox outbox = new Outbox(catalog, CAPACITY, 50);
        int accepted = 0;
        while (offer(outbox, StreamCatalog.MD_TRADES, accepted))
        {
            accepted++;
        }
        assertTrue(outbox.size() > CAPACITY / 2, "shedding starts above half: " + outbox.size());
        assertTrue(outbox.size() < CAPACITY / 2 + 2 * ENTRY, "and not before: " + outbox.size());
        assertEquals(1, outbox.shed(StreamCatalog.MD_TRADES));
        assertFalse(offer(outbox, StreamCatalog.KRAKEN_ORDERBOOK, 0));
        assertEquals(1, outbox.shed(StreamCatalog.KRAKEN_ORDERBOOK));

        // the headroom above the mark is for entries that must be kept
        for (int i = 0; i < 5; i++)
        {
            assertTrue(offer(outbox, StreamCatalog.ORDERS_REQUESTS, 1000 + i));
        }
        assertEquals(0, outbox.shed(StreamCatalog.ORDERS_REQUESTS));
        assertEquals(0, outbox.keptWaits(StreamCatalog.ORDERS_REQUESTS));
        assertEquals(accepted + 1, outbox.offered(StreamCatalog.MD_TRADES));
        assertEquals(5, outbox.offered(StreamCatalog.ORDERS_REQUESTS));

        final List<String> drained = drain(outbox);
        assertEquals(accepted + 5, drained.size());
        assertEquals("9:0", drained.get(0));
        assertEquals("9:" + (accepted - 1), drained.get(accepted - 1));
        assertEquals("29:1000", drained.get(accepted));
        assertEquals("29:1004", drained.get(accepted + 4));
        assertTrue(outbox.isEmpty());
        assertTrue(offer(outbox, StreamCatalog.MD_TRADES, 0), "accepted again once drained");
    }

    @Test
    void disabledStreamsAreDroppedUncounted()
    {
        final Outbox outbox = new Outbox(catalog, CAPACITY, 50);
        catalog.enabled(StreamCatalog.KRAKEN_TICKER, false);
        catalog.enabled(StreamCatalog.RISK_ALERTS_KRAKEN, false);
        assertFalse(offer(outbox, StreamCatalog.KRAKEN_TICKER, 1));
        assertFalse(offer(outbox, StreamCatalog.RISK_ALERTS_KRAKEN, 2));
        assertFalse(offer(outbox, StreamCatalog.SIGNALS_MIRROR, 3));
        assertTrue(outbox.isEmpty());
        assertEquals(0, outbox.offered(StreamCatalog.KRAKEN_TICKER));
        assertEquals(0, outbox.shed(StreamCatalog.KRAKEN_TICKER));

        catalog.mirror("signals:copy");
        assertTrue(offer(outbox, StreamCatalog.SIGNALS_MIRROR, 4));
        assertEquals(List.of(StreamCatalog.SIGNALS_MIRROR + ":4"), drain(outbox));
    }

    @Test
    void aKeptEntryWaitsForSpaceWhenTheRingIsFull() throws Exception
    {
        final Outbox outbox = new Outbox(catalog, CAPACITY, 100);
        int filled = 0;
        while (offer(outbox, StreamCatalog.MD_SPREAD, filled))
        {
            filled++;
        }
        assertEquals(1, outbox.shed(StreamCatalog.MD_SPREAD), "a full ring sheds market data even at 100 %");

        final CompletableFuture<Boolean> kept = CompletableFuture.supplyAsync(
            () -> offer(outbox, StreamCatalog.PORTFOLIO_UPDATES, 77));
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (outbox.keptWaits(StreamCatalog.PORTFOLIO_UPDATES) == 0)
        {
            assertTrue(System.nanoTime() < deadline, "the kept entry should be waiting");
            Thread.onSpinWait();
        }
        assertFalse(kept.isDone());
        final List<String> drained = new ArrayList<>();
        outbox.drain((stream, buffer, index, length) -> drained.add(stream + ":" + buffer.getInt(index)), 1);
        assertTrue(kept.get(5, TimeUnit.SECONDS), "one entry drained makes room");
        drained.addAll(drain(outbox));
        assertEquals(filled + 1, drained.size());
        assertEquals(StreamCatalog.PORTFOLIO_UPDATES + ":77", drained.get(filled), "after everything before it");
    }

    private boolean offer(final Outbox outbox, final int stream, final int n)
    {
        entry.putInt(0, n);
        return outbox.offer(stream, entry, 0, ENTRY);
    }

    /** Until empty: one drain stops at the end of the buffer, so entries that wrapped need a second. */
    private static List<String> drain(final Outbox outbox)
    {
        final List<String> drained = new ArrayList<>();
        while (!outbox.isEmpty())
        {
            outbox.drain((stream, buffer, index, length) ->
            {
                assertEquals(ENTRY, length);
                drained.add(stream + ":" + buffer.getInt(index));
            }, Integer.MAX_VALUE);
        }
        return drained;
    }
}
