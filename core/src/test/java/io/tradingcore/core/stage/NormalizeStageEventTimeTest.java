package io.tradingcore.core.stage;

import io.tradingcore.core.kraken.Side;
import io.tradingcore.core.stage.OutboxEntries.Entry;
import io.tradingcore.core.time.Rfc3339;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.tradingcore.core.stage.NormalizeStageRig.BTC;
import static io.tradingcore.core.stage.NormalizeStageRig.T0;
import static io.tradingcore.core.stage.NormalizeStageRig.ladder;
import static io.tradingcore.core.stage.OutboxEntries.on;
import static io.tradingcore.core.stage.OutboxEntries.one;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Event time: the exchange times of trades, books and tickers, guarded against jumps. */
class NormalizeStageEventTimeTest
{
    private static final long FOUR_DAYS = 4 * 86_400_000_000L;

    private final NormalizeStageRig rig = new NormalizeStageRig();
    private final KrakenFrames frames = rig.frames;

    private List<Entry> trade(final int side, final long price, final long id, final long micros)
    {
        return rig.frame(KrakenFrames.trades(false, frames.tradeItem(BTC, side, price, 1_000_000, id, micros)));
    }

    private long eventMicros()
    {
        return rig.event.eventMicros;
    }

    @Test
    void thereIsNoEventTimeBeforeAnExchangeTime()
    {
        rig.frame("{\"channel\":\"heartbeat\"}");
        assertEquals(0, eventMicros(), "no exchange time yet");
    }

    @Test
    void aTradeMovesEventTime()
    {
        trade(Side.BUY, 628_000, 1, T0 + 1_000);
        assertEquals(T0 + 1_000, eventMicros());
    }

    @Test
    void aSnapshotWithoutTimeLeavesTheClock()
    {
        trade(Side.BUY, 628_000, 1, T0 + 1_000);
        rig.frame(frames.snapshot(BTC, 0, ladder(628_000, -5, 10), ladder(628_005, 5, 10)));
        assertEquals(T0 + 1_000, eventMicros(), "a snapshot without time leaves the clock");
    }

    @Test
    void aBookUpdateMovesEventTime()
    {
        rig.frame(frames.snapshot(BTC, 0, ladder(628_000, -5, 10), ladder(628_005, 5, 10)));
        rig.frame(frames.update(BTC, T0 + 2_000, new long[] {627_999, 1}, new long[0]));
        assertEquals(T0 + 2_000, eventMicros());
    }

    @Test
    void aTickerMovesEventTime()
    {
        rig.frame(frames.ticker(BTC, 628_000, 1, 628_004, 1, 628_002, T0 + 3_000));
        assertEquals(T0 + 3_000, eventMicros());
    }

    @Test
    void aLateTradeDoesNotMoveTheClockBack()
    {
        rig.frame(frames.ticker(BTC, 628_000, 1, 628_004, 1, 628_002, T0 + 3_000));
        trade(Side.BUY, 628_000, 2, T0 + 500);
        assertEquals(T0 + 3_000, eventMicros(), "a late trade does not move the clock back");
    }

    @Test
    void anOhlcItemLeavesTheClock()
    {
        rig.frame(frames.ticker(BTC, 628_000, 1, 628_004, 1, 628_002, T0 + 3_000));
        rig.frame(frames.ohlc(BTC, 1, 628_000, 628_000, 628_000, 628_000, 1, T0, T0 + 3_000));
        assertEquals(T0 + 3_000, eventMicros(), "an ohlc item's time is its interval's end, ahead of the market");
    }

    @Test
    void aSessionStartLeavesTheClock()
    {
        rig.frame(frames.ticker(BTC, 628_000, 1, 628_004, 1, 628_002, T0 + 3_000));
        rig.sessionStart();
        assertEquals(T0 + 3_000, eventMicros());
    }

    @Test
    void aTimestampFarAheadOfTheMarketMovesNothing()
    {
        trade(Side.BUY, 628_000, 1, T0 + 1_000_000);
        final List<Entry> written = trade(Side.BUY, 628_100, 2, T0 + FOUR_DAYS);
        assertEquals(T0 + 1_000_000, eventMicros(), "the clock stays");
        assertEquals(0, rig.event.updateCount, "no trade reaches the candles");
        assertTrue(on(written, "md:trades").isEmpty());
    }

    @Test
    void aTimestampFarAheadOfTheMarketIsReported()
    {
        trade(Side.BUY, 628_000, 1, T0 + 1_000_000);
        final Entry error = one(trade(Side.BUY, 628_100, 2, T0 + FOUR_DAYS), "kraken:errors");
        assertEquals("timestamp_rejected", error.get("error"));
        assertEquals("ahead", error.get("reason"));
        assertEquals(BTC, error.get("symbol"));
        assertEquals(Rfc3339.formatMicros(T0 + FOUR_DAYS), error.get("exchange_time"));
        assertEquals(Rfc3339.formatMicros(T0 + 1_000_000), error.get("event_clock"));
        assertEquals(1, rig.counters().timestampsRejected());
    }

    @Test
    void theNextFrameRefutesTheJump()
    {
        trade(Side.BUY, 628_000, 1, T0 + 1_000_000);
        trade(Side.BUY, 628_100, 2, T0 + FOUR_DAYS);
        final List<Entry> written = trade(Side.SELL, 628_000, 3, T0 + 2_000_000);
        assertEquals(T0 + 2_000_000, eventMicros(), "the next frame refutes the jump");
        one(written, "md:trades");
    }

    @Test
    void anUpdateAnHourBehindTheClockIsRejected()
    {
        trade(Side.BUY, 628_000, 1, T0 + 2_000_000);
        trade(Side.SELL, 628_000, 4, T0 - 3_600_000_000L);
        assertEquals(T0 + 2_000_000, eventMicros());
        assertEquals(1, rig.counters().timestampsRejected(), "an update an hour behind the clock is rejected too");
    }

    @Test
    void aJumpThatTheNextFrameConfirmsIsTheMarketMovingOn()
    {
        trade(Side.BUY, 628_000, 1, T0 + 1_000_000);
        final long outage = 600_000_000L; // a recording across a 10-minute reconnect
        rig.frame(frames.ticker(BTC, 628_000, 1, 628_004, 1, 628_002, T0 + outage));
        assertEquals(T0 + 1_000_000, eventMicros());
        trade(Side.BUY, 628_000, 2, T0 + outage + 300_000);
        assertEquals(T0 + outage + 300_000, eventMicros());
        assertEquals(1, rig.counters().timestampsRejected());
    }
}
