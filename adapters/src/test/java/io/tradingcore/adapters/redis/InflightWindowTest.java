package io.tradingcore.adapters.redis;

import io.tradingcore.core.market.SymbolTable;
import io.tradingcore.core.stream.StreamCatalog;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The window alone: oldest first across the end of its arrays, room, and forgetting everything at a lost link. */
final class InflightWindowTest
{
    private final StreamKeys keys = new StreamKeys(new StreamCatalog(), new SymbolTable());
    private final StreamKeys.Key signals = keys.key(StreamCatalog.SIGNALS_PAPER, -1, -1);
    private final StreamKeys.Key events = keys.key(StreamCatalog.EVENTS_BUS, -1, -1);

    @Test
    void entriesRetireOldestFirstAcrossTheEndOfTheArrays()
    {
        final InflightWindow window = new InflightWindow(3);
        for (int round = 0; round < 5; round++)
        {
            window.add(null, 2L * round, signals, -1, 100 + round);
            window.add(null, 2L * round + 1, events, 40, 100 + round);
            assertEquals(1, window.room());
            assertEquals(2L * round, window.oldestSequence());
            assertSame(signals, window.oldestKey());
            assertEquals(-1, window.oldestJournalLength());
            assertEquals(100 + round, window.oldestSentNs());
            window.retireOldest();
            assertEquals(2L * round + 1, window.oldestSequence());
            assertSame(events, window.oldestKey());
            assertEquals(40, window.oldestJournalLength());
            window.retireOldest();
            assertTrue(window.isEmpty());
        }
    }

    @Test
    void clearForgetsEveryEntryAndStartsOver()
    {
        final InflightWindow window = new InflightWindow(4);
        window.add(null, 0, signals, -1, 1);
        window.add(null, 1, signals, -1, 1);
        window.retireOldest();
        window.add(null, 2, events, -1, 1);
        window.clear();
        assertEquals(0, window.count());
        assertEquals(4, window.room());
        assertNull(window.oldestKey(), "no key kept alive");
        window.add(null, 7, events, -1, 1);
        assertEquals(7, window.oldestSequence());
    }
}
