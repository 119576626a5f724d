package io.tradingcore.core.indicator;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CandleBuilderTest
{
    private static final long MINUTE = 60_000_000L;
    private static final long T0 = 1_764_086_400_000_000L; // 2025-11-25T16:00:00Z, on a minute

    @Test
    void aTradeOfTheNextMinuteClosesTheCandle()
    {
        final CandleBuilder builder = new CandleBuilder(MINUTE);
        assertFalse(builder.onTrade(100, 2, T0 + 5_000_000));
        assertFalse(builder.onTrade(105, 1, T0 + 20_000_000));
        assertFalse(builder.onTrade(98, 3, T0 + 40_000_000));
        assertFalse(builder.onTrade(101, 4, T0 + 59_999_999));
        assertTrue(builder.onTrade(103, 1, T0 + MINUTE));
        final Candle last = builder.last();
        assertEquals(T0, last.startMicros);
        assertEquals(100, last.open);
        assertEquals(105, last.high);
        assertEquals(98, last.low);
        assertEquals(101, last.close);
        assertEquals(10, last.volume);
        assertEquals(4, last.trades);
        assertEquals(1, builder.closedCount());
        assertEquals(T0 + MINUTE, builder.current().startMicros);
        assertEquals(103, builder.current().open);
    }

    @Test
    void eventTimeClosesAQuietCandleAndLateTradesAreIgnored()
    {
        final CandleBuilder builder = new CandleBuilder(MINUTE);
        builder.onTrade(100, 1, T0 + 1);
        assertFalse(builder.onTime(T0 + MINUTE - 1));
        assertTrue(builder.onTime(T0 + MINUTE));
        assertFalse(builder.isOpen());
        assertFalse(builder.onTime(T0 + 3 * MINUTE));
        builder.onTrade(110, 1, T0 + 3 * MINUTE + 5);
        assertFalse(builder.onTrade(50, 1, T0 + 2 * MINUTE));
        assertEquals(110, builder.current().low);
        assertEquals(1, builder.closedCount());
    }

    @Test
    void closedCandlesOfHistoryAreTakenOldestFirstAndTradesBuildOn()
    {
        final CandleBuilder builder = new CandleBuilder(MINUTE);
        final long now = T0 + 2 * MINUTE + 5_000_000;
        assertTrue(builder.seed(candle(T0, 100), now));
        assertTrue(builder.seed(candle(T0 + MINUTE, 101), now));
        assertFalse(builder.seed(candle(T0 + 2 * MINUTE, 102), now), "the candle in progress is the trades' to build");
        assertEquals(2, builder.closedCount());
        assertEquals(T0 + MINUTE, builder.last().startMicros);
        assertEquals(101, builder.last().open);
        assertFalse(builder.isOpen());

        builder.onTrade(110, 1, now + 1);
        assertTrue(builder.onTrade(111, 1, T0 + 3 * MINUTE));
        assertEquals(T0 + 2 * MINUTE, builder.last().startMicros);
        assertEquals(110, builder.last().open, "only the trades seen: the in-progress candle was not counted twice");
        assertEquals(1, builder.last().volume);
        assertEquals(3, builder.closedCount());
    }

    @Test
    void historyNeverOverlapsTheCandlesTradesBuiltOrAreBuilding()
    {
        final CandleBuilder builder = new CandleBuilder(MINUTE);
        final long later = T0 + 60 * MINUTE;
        builder.onTrade(120, 1, T0 + 2 * MINUTE + 1);
        assertFalse(builder.seed(candle(T0 + 2 * MINUTE, 100), later), "the open candle's interval");
        assertFalse(builder.seed(candle(T0 + 3 * MINUTE, 100), later), "after the open candle");
        assertTrue(builder.seed(candle(T0 + MINUTE, 100), later), "before the open candle");
        assertFalse(builder.seed(candle(T0 + MINUTE, 100), later), "the same candle again");
        assertFalse(builder.seed(candle(T0, 100), later), "older than the last closed one");
        assertFalse(builder.seed(candle(T0 + 30_000_000, 100), later), "not on an interval's start");
        assertEquals(1, builder.closedCount());

        assertTrue(builder.onTime(T0 + 3 * MINUTE));
        assertFalse(builder.seed(candle(T0 + 2 * MINUTE, 100), later), "closed from trades already");
        assertTrue(builder.seed(candle(T0 + 3 * MINUTE, 130), later), "a gap after it is filled");
        assertEquals(130, builder.last().open);
    }

    private static Candle candle(final long startMicros, final long open)
    {
        final Candle candle = new Candle();
        candle.startMicros = startMicros;
        candle.open = candle.low = open;
        candle.high = candle.close = open + 2;
        candle.volume = 5;
        candle.trades = 3;
        return candle;
    }
}
