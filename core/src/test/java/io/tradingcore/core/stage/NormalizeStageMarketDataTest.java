package io.tradingcore.core.stage;

import io.tradingcore.core.kraken.Side;
import io.tradingcore.core.ring.CandleHistory;
import io.tradingcore.core.ring.FrameEvent;
import io.tradingcore.core.ring.SymbolUpdate;
import io.tradingcore.core.stage.OutboxEntries.Entry;
import io.tradingcore.core.stream.Timeframe;
import io.tradingcore.core.time.Rfc3339;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.tradingcore.core.stage.NormalizeStageRig.BTC;
import static io.tradingcore.core.stage.NormalizeStageRig.ETH;
import static io.tradingcore.core.stage.NormalizeStageRig.T0;
import static io.tradingcore.core.stage.OutboxEntries.on;
import static io.tradingcore.core.stage.OutboxEntries.one;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The normalize stage's trades, tickers and candles, and the decimals they are written with. */
class NormalizeStageMarketDataTest
{
    private final NormalizeStageRig rig = new NormalizeStageRig();
    private final KrakenFrames frames = rig.frames;

    private List<Entry> twoBtcTrades()
    {
        return rig.frame(KrakenFrames.trades(false,
            frames.tradeItem(BTC, Side.BUY, 628_000, 1_000_000, 100, T0),
            frames.tradeItem(BTC, Side.SELL, 627_995, 2_000_000, 101, T0 + 10)));
    }

    @Test
    void tradesAreWrittenToTheirThreeStreams()
    {
        final List<Entry> written = twoBtcTrades();
        for (final String key : new String[] {"md:trades", "md:trades:BTC/USD", "kraken:trades:BTC/USD"})
        {
            final List<Entry> trades = on(written, key);
            assertEquals(2, trades.size(), key);
            final Entry first = trades.get(0);
            assertEquals("trade", first.get("type"));
            assertEquals("kraken", first.get("exchange"));
            assertEquals(BTC, first.get("symbol"));
            assertEquals("buy", first.get("side"));
            assertEquals("62800.0", first.get("price"));
            assertEquals("0.01000000", first.get("qty"));
            assertEquals("limit", first.get("ord_type"));
            assertEquals("100", first.get("trade_id"));
            assertEquals(Rfc3339.formatMicros(T0), first.get("timestamp"));
            assertEquals("sell", trades.get(1).get("side"));
            assertEquals("101", trades.get(1).get("trade_id"));
        }
    }

    @Test
    void tradesAreHandedOnToTheLaterStages()
    {
        twoBtcTrades();
        final SymbolUpdate update = rig.onlyUpdate(rig.btc);
        assertFalse(update.bookChanged);
        assertEquals(2, update.tradeCount);
        assertEquals(627_995, update.tradePrice[1]);
        assertEquals(2_000_000, update.tradeQty[1]);
        assertEquals(Side.SELL, update.tradeSide[1]);
        assertEquals(T0 + 10, update.tradeMicros[1]);
    }

    @Test
    void aSnapshotAfterAReconnectWritesOnlyTheTradesNotSeenBefore()
    {
        twoBtcTrades();
        rig.sessionStart();
        final List<Entry> written = rig.frame(KrakenFrames.trades(true,
            frames.tradeItem(BTC, Side.BUY, 628_000, 1_000_000, 100, T0),
            frames.tradeItem(BTC, Side.SELL, 627_995, 2_000_000, 101, T0 + 10),
            frames.tradeItem(BTC, Side.BUY, 628_001, 3_000_000, 102, T0 + 20)));
        assertEquals("102", one(written, "md:trades").get("trade_id"));
        one(written, "md:trades:BTC/USD");
        one(written, "kraken:trades:BTC/USD");
        final SymbolUpdate update = rig.onlyUpdate(rig.btc);
        assertEquals(1, update.tradeCount);
        assertEquals(628_001, update.tradePrice[0]);
    }

    @Test
    void aTickerIsWrittenToItsStream()
    {
        final List<Entry> written = rig.frame(frames.ticker(BTC, 628_000, 150_000_000, 628_004, 250_000_000, 628_002, T0));
        final Entry ticker = one(written, "kraken:ticker:BTC/USD");
        assertEquals("ticker", ticker.get("type"));
        assertEquals("62800.0", ticker.get("bid"));
        assertEquals("1.50000000", ticker.get("bid_qty"));
        assertEquals("62800.4", ticker.get("ask"));
        assertEquals("62800.2", ticker.get("last"));
        assertEquals("-0.1", ticker.get("change"));
        assertEquals("-0.17", ticker.get("change_pct"));
    }

    @Test
    void aTickerWritesTheSpread()
    {
        final List<Entry> written = rig.frame(frames.ticker(BTC, 628_000, 150_000_000, 628_004, 250_000_000, 628_002, T0));
        for (final String key : new String[] {"md:spread", "md:spread:BTC/USD"})
        {
            final Entry spread = one(written, key);
            assertEquals("ticker", spread.get("source"));
            assertEquals("0.4", spread.get("spread"));
            assertEquals("0.06", spread.get("spread_bps"));
        }
    }

    @Test
    void anOhlcItemIsWrittenToTheCandleStreams()
    {
        final List<Entry> written = rig.frame(
            frames.ohlc(BTC, 5, 628_000, 628_100, 627_900, 628_050, 123_400_000, T0, T0 + 60_000_000));
        for (final String key : new String[] {"md:candles", "md:candles:BTC/USD:5m", "kraken:ohlc:5m:BTC/USD"})
        {
            final Entry candle = one(written, key);
            assertEquals("candle", candle.get("type"));
            assertEquals(BTC, candle.get("symbol"));
            assertEquals("5m", candle.get("timeframe"));
            assertEquals("62800.0", candle.get("open"));
            assertEquals("62810.0", candle.get("high"));
            assertEquals("62790.0", candle.get("low"));
            assertEquals("62805.0", candle.get("close"));
            assertEquals("1.23400000", candle.get("volume"));
            assertEquals("7", candle.get("trades"));
            assertEquals(Rfc3339.formatMicros(T0), candle.get("interval_begin"));
        }
    }

    @Test
    void tradeDecimalsAreWrittenInPlainNotationAtTheInstrumentPrecision()
    {
        final List<Entry> written = rig.frame("{\"channel\":\"trade\",\"type\":\"update\",\"data\":[{\"symbol\":\"BTC/USD\"," +
            "\"side\":\"buy\",\"price\":62807,\"qty\":1e-06,\"ord_type\":\"market\",\"trade_id\":7," +
            "\"timestamp\":\"2025-11-25T16:00:00.000001Z\"}]}");
        final Entry trade = one(written, "md:trades");
        assertEquals("62807.0", trade.get("price"));
        assertEquals("0.00000100", trade.get("qty"));
        assertEquals("market", trade.get("ord_type"));
        assertEquals("2025-11-25T16:00:00.000001Z", trade.get("timestamp"));
    }

    @Test
    void bookDecimalsAreWrittenInPlainNotationAtTheInstrumentPrecision()
    {
        final List<Entry> book = rig.frame(
            frames.snapshot(ETH, 0, new long[] {10, 1}, new long[] {1_000_000_000_000L, 100_000_000_000L}));
        assertEquals("[[0.10,0.00000001]]", one(book, "md:book:ETH/USD").get("bids"));
        assertEquals("[[10000000000.00,1000.00000000]]", one(book, "md:book:ETH/USD").get("asks"));
    }

    @Test
    void theItemsOfAnOhlcSnapshotAreHandedToTheSignalStageAsHistory()
    {
        final FrameEvent event = rig.event;
        rig.frame(frames.ohlcSnapshot(BTC, 1, 628_000, T0, 3, T0 + 3 * 60_000_000L));
        assertEquals(3, event.history.size());
        for (int i = 0; i < 3; i++)
        {
            assertEquals(rig.btc, event.history.symbolId(i));
            assertEquals(Timeframe.ofMinutes(1), event.history.timeframe(i));
            assertEquals(T0 + i * 60_000_000L, event.history.candle(i).startMicros, "oldest first");
            assertEquals(628_000 + i, event.history.candle(i).open);
            assertEquals(628_001 + i, event.history.candle(i).close);
            assertEquals(100_000_000, event.history.candle(i).volume);
            assertEquals(7, event.history.candle(i).trades);
        }
        assertEquals(0, event.updateCount, "history is no trade and no book");
    }

    @Test
    void anOhlcUpdateIsTheCandleInProgressAndNoHistory()
    {
        rig.frame(frames.ohlcSnapshot(BTC, 1, 628_000, T0, 2, T0 + 2 * 60_000_000L));
        rig.frame(frames.ohlc(BTC, 1, 628_000, 628_100, 627_900, 628_050, 123_400_000, T0 + 2 * 60_000_000L, T0));
        assertEquals(0, rig.event.history.size(), "the signal stage builds the candle in progress from trades");
    }

    @Test
    void aSnapshotLongerThanTheSlotKeepsItsNewestCandles()
    {
        final FrameEvent event = rig.event;
        final int count = CandleHistory.CAPACITY + 5;
        rig.frame(frames.ohlcSnapshot(BTC, 1, 628_000, T0, count, T0 + count * 60_000_000L));
        assertEquals(CandleHistory.CAPACITY, event.history.size());
        assertEquals(T0 + 5 * 60_000_000L, event.history.candle(0).startMicros);
        assertEquals(T0 + (count - 1) * 60_000_000L, event.history.candle(CandleHistory.CAPACITY - 1).startMicros);
    }
}
