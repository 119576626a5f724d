package io.tradingcore.core.stage;

import io.tradingcore.core.book.ResyncRequests;
import io.tradingcore.core.kraken.Side;
import io.tradingcore.core.market.Instruments;
import io.tradingcore.core.market.SymbolTable;
import io.tradingcore.core.ring.FrameEvent;
import io.tradingcore.core.strategy.SignalEngine;
import io.tradingcore.core.strategy.StrategyParameters;
import io.tradingcore.core.strategy.SymbolMarket;
import io.tradingcore.core.stream.EntryWriter;
import io.tradingcore.core.stream.Environment;
import io.tradingcore.core.stream.Outbox;
import io.tradingcore.core.stream.RunIds;
import io.tradingcore.core.stream.StreamCatalog;
import io.tradingcore.core.time.EventClock;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The normalize and signal stages on one slot: an ohlc snapshot's closed candles cross the ring as
 * the slot's history and become the strategies' candles; its candle in progress, the ohlc updates
 * and a snapshot sent again add nothing the trades build.
 */
class CandleHistoryAcrossStagesTest
{
    private static final String BTC = "BTC/USD";
    private static final long MINUTE = 60_000_000L;
    private static final long T0 = 1_764_086_400_000_000L; // 2025-11-25T16:00:00Z
    private static final int CANDLES = 50;

    private final SymbolTable symbols = new SymbolTable();
    private final Instruments instruments = new Instruments();
    private final Outbox outbox = new Outbox(new StreamCatalog(), 1 << 22, 100);
    private final OutboxEntries entries = new OutboxEntries(outbox, symbols);
    private final KrakenFrames frames = new KrakenFrames(10).symbol(BTC, 1, 8);
    private final FrameEvent event = new FrameEvent(64 * 1024);
    private final SignalEngine engine;
    private final NormalizeStage normalize;
    private final SignalStage signal;
    private final int btc;
    private long sequence;

    CandleHistoryAcrossStagesTest()
    {
        btc = symbols.intern(BTC);
        instruments.offer(btc, 1, 8, Instruments.SOURCE_CONFIG);
        engine = new SignalEngine(StrategyParameters.DEFAULTS, instruments, 4);
        normalize = new NormalizeStage(symbols, instruments, new ResyncRequests(), outbox, 10,
            new EventClock(5_000_000, false), 10);
        signal = new SignalStage(engine, symbols, new StreamCatalog(), Environment.DEVELOPMENT, new EntryWriter(outbox),
            new RunIds("RUN"), null, null);
    }

    @Test
    void theClosedCandlesOfAnOhlcSnapshotBecomeTheStrategiesCandles()
    {
        final long now = T0 + (CANDLES - 1) * MINUTE + 20_000_000; // the snapshot's last candle is in progress
        frame(frames.snapshot(BTC, now, new long[] {628_000, 100_000_000}, new long[] {628_002, 100_000_000}));
        frame(frames.ohlcSnapshot(BTC, 1, 628_000, T0, CANDLES, now));
        assertEquals(CANDLES - 1, signal.candlesSeeded());
        assertEquals(CANDLES - 1, engine.candles(btc, SymbolMarket.TIMEFRAME_1M).closedCount());
        assertEquals(T0 + (CANDLES - 2) * MINUTE, engine.candles(btc, SymbolMarket.TIMEFRAME_1M).last().startMicros);

        frame(frames.ohlc(BTC, 1, 628_049, 628_060, 628_040, 628_055, 100_000_000, T0 + (CANDLES - 1) * MINUTE, now));
        frame(KrakenFrames.trades(false, frames.tradeItem(BTC, Side.BUY, 628_002, 10_000_000, 1, now + 1)));
        frame(frames.ohlcSnapshot(BTC, 1, 628_000, T0, CANDLES, now + 2));
        assertEquals(CANDLES - 1, signal.candlesSeeded(), "an update and a repeated snapshot add nothing");
        assertEquals(CANDLES - 1, engine.candles(btc, SymbolMarket.TIMEFRAME_1M).closedCount());
        assertEquals(628_002, engine.candles(btc, SymbolMarket.TIMEFRAME_1M).current().open,
            "the candle in progress is the trades'");
        assertEquals(1, engine.candles(btc, SymbolMarket.TIMEFRAME_1M).current().trades);
    }

    private void frame(final String text)
    {
        final byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        event.kind = FrameEvent.KIND_FRAME;
        event.frame.putBytes(0, bytes);
        event.length = bytes.length;
        event.receiveEpochMicros = T0 + CANDLES * MINUTE;
        normalize.onEvent(event, sequence, true);
        signal.onEvent(event, sequence++, true);
        entries.drain();
    }
}
