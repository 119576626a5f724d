package io.tradingcore.core.strategy;

import io.tradingcore.core.indicator.Candle;
import io.tradingcore.core.indicator.TestBook;
import io.tradingcore.core.kraken.Side;
import io.tradingcore.core.kraken.TradePrint;
import io.tradingcore.core.market.Instruments;
import io.tradingcore.core.stream.Timeframe;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SignalEngineTest
{
    private static final long MINUTE = 60_000_000L;
    private static final long T0 = MarketDriver.T0;

    @Test
    void reportsWhichTimeframesClosed()
    {
        final SignalEngine engine = engineWithSymbol0();
        final TradePrint trade = new TradePrint();
        trade.reset();
        trade.symbolId = 0;
        trade.side = Side.BUY;
        trade.price = 10_000;
        trade.qty = 1;
        trade.exchangeMicros = T0;
        assertEquals(0, engine.onTrade(trade));
        trade.exchangeMicros = T0 + MINUTE;
        assertEquals(1 << SymbolMarket.TIMEFRAME_1M, engine.onTrade(trade));
        assertEquals(T0, engine.candles(0, SymbolMarket.TIMEFRAME_1M).last().startMicros);
        trade.exchangeMicros = T0 + 5 * MINUTE;
        assertEquals(1 << SymbolMarket.TIMEFRAME_1M | 1 << SymbolMarket.TIMEFRAME_5M, engine.onTrade(trade));
        assertEquals(1 << SymbolMarket.TIMEFRAME_1M, engine.onTime(0, T0 + 6 * MINUTE));
        assertEquals(0, engine.evaluate(0, T0 + 6 * MINUTE), "nothing is warmed up after a few bars");
    }

    @Test
    void ignoresSymbolsWithoutPrecisionOrOutOfRange()
    {
        final Instruments instruments = new Instruments();
        final SignalEngine engine = new SignalEngine(StrategyParameters.DEFAULTS, instruments, 2);
        assertEquals(0, engine.onTrade(0, Side.BUY, 10_000, 1, T0));
        assertEquals(0, engine.onTrade(0, Side.BUY, 10_000, 1, T0 + MINUTE));
        assertFalse(engine.candles(0, SymbolMarket.TIMEFRAME_1M).isOpen());
        assertEquals(0, engine.onTrade(5, Side.BUY, 10_000, 1, T0));
        assertEquals(0, engine.evaluate(5, T0));
    }

    @Test
    void strategiesCanBeSwitchedByParameterAndAtRunTime()
    {
        final SignalEngine engine = new SignalEngine(
            (section, name, def) -> section.equals("trend") && name.equals("enabled") ? 0 : def, new Instruments(), 1);
        assertFalse(engine.enabled(StrategyId.TREND));
        assertTrue(engine.enabled(StrategyId.SCALP));
        engine.enable(StrategyId.TREND, true);
        assertTrue(engine.enabled(StrategyId.TREND));
        assertSame(TrendStrategy.FEATURES, engine.strategy(StrategyId.TREND).featureNames());
        assertEquals("mean_reversion", StrategyId.name(StrategyId.MEAN_REVERSION));
    }

    @Test
    void closedCandlesOfHistoryWarmTheStrategiesSoTheFirstTicksCanSignal()
    {
        final SignalEngine warmed = engineWithSymbol0();
        final SignalEngine cold = engineWithSymbol0();
        final long now = T0 + 60 * MINUTE + 1_000_000;
        final Candle candle = new Candle();
        for (int i = 0; i < 60; i++)
        {
            candle.startMicros = T0 + i * MINUTE;
            candle.open = 100_000 + 10 * i;
            candle.high = candle.open + 20;
            candle.low = candle.open - 20;
            candle.close = candle.open + 10;
            candle.volume = 100_000_000;
            candle.trades = 9;
            assertTrue(warmed.onHistory(0, SymbolMarket.TIMEFRAME_1M, candle, now));
        }
        assertEquals(60, warmed.candles(0, SymbolMarket.TIMEFRAME_1M).closedCount());
        assertEquals(0, warmed.evaluate(0, now), "no decision on history: its moment has passed");

        for (final SignalEngine engine : new SignalEngine[] {warmed, cold})
        {
            engine.onBook(0, new TestBook().bids(100_599, 300_000_000, 100_598, 300_000_000)
                .asks(100_601, 100_000_000, 100_602, 100_000_000), true, now);
            engine.onTrade(0, Side.BUY, 100_601, 50_000_000, now);
        }
        assertEquals(1, warmed.evaluate(0, now), "bid-heavy book, buyers taking: scalp, its ATR warm");
        assertEquals(StrategyId.SCALP, warmed.signal(0).strategyId);
        assertEquals(Side.BUY, warmed.signal(0).side);
        assertEquals(0, cold.evaluate(0, now), "the same ticks without history: no ATR yet");
    }

    @Test
    void historyIsRefusedInProgressForCandlesNoStrategyBuildsAndWithoutPrecision()
    {
        final SignalEngine engine = engineWithSymbol0();
        final Candle candle = new Candle();
        candle.startMicros = T0;
        candle.open = candle.high = candle.low = candle.close = 100_000;
        assertFalse(engine.onHistory(0, SymbolMarket.TIMEFRAME_1M, candle, T0 + MINUTE - 1), "in progress");
        assertFalse(engine.onHistory(0, Timeframe.ofMinutes(15), candle, T0 + 60 * MINUTE), "no 15m candles are built");
        assertFalse(engine.onHistory(1, SymbolMarket.TIMEFRAME_1M, candle, T0 + MINUTE), "no precision yet");
        assertTrue(engine.onHistory(0, SymbolMarket.TIMEFRAME_5M, candle, T0 + 5 * MINUTE));
        assertEquals(0, engine.candles(0, SymbolMarket.TIMEFRAME_1M).closedCount());
        assertEquals(1, engine.candles(0, SymbolMarket.TIMEFRAME_5M).closedCount());
    }

    /** Every strategy at its defaults, two symbols, of which 0 has its precision (price 1, qty 8). */
    private static SignalEngine engineWithSymbol0()
    {
        final Instruments instruments = new Instruments();
        instruments.offer(0, 1, 8, Instruments.SOURCE_WIRE);
        return new SignalEngine(StrategyParameters.DEFAULTS, instruments, 2);
    }
}
