package io.tradingcore.core.strategy;

import io.tradingcore.core.kraken.Side;
import io.tradingcore.core.kraken.TradePrint;
import io.tradingcore.core.market.Instruments;
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
        final Instruments instruments = new Instruments();
        instruments.offer(0, 1, 8, Instruments.SOURCE_WIRE);
        final SignalEngine engine = new SignalEngine(StrategyParameters.DEFAULTS, instruments, 2);
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
}
