package io.tradingcore.core.strategy;

import io.tradingcore.core.kraken.Side;
import io.tradingcore.core.stream.Timeframe;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each strategy on price paths that must fire it and paths that must not. */
class StrategiesTest
{
    @Test
    void trendBuysTheCrossAfterADowntrend()
    {
        final MarketDriver d = MarketDriver.only(StrategyId.TREND);
        final double low = d.trend(1000, -1, 60);
        d.trend(low, 2, 60);
        assertEquals(0, d.count(StrategyId.TREND, Side.SELL));
        assertEquals(1, d.count(StrategyId.TREND, Side.BUY));
        final MarketDriver.Fired f = d.fired.get(0);
        assertTrue(f.stop() < f.price() && f.price() < f.target());
        assertTrue(f.copy().feature("ema_fast") > f.copy().feature("ema_slow"));
        assertEquals(Timeframe.ofMinutes(1), f.copy().timeframe);
    }

    @Test
    void trendStaysQuietInAOneWayMarket()
    {
        final MarketDriver d = MarketDriver.only(StrategyId.TREND);
        d.trend(1000, 1, 150);
        assertEquals(0, d.fired.size());
    }

    @Test
    void sidewaysTradesTheEdgesOfARange()
    {
        final MarketDriver d = MarketDriver.only(StrategyId.SIDEWAYS);
        d.range(1000, 3, 150, new Random(1), 0.3);
        assertTrue(d.count(StrategyId.SIDEWAYS, Side.BUY) >= 1, "buys " + d.fired);
        assertTrue(d.count(StrategyId.SIDEWAYS, Side.SELL) >= 1, "sells " + d.fired);
        for (final MarketDriver.Fired f : d.fired)
        {
            final double position = f.copy().feature("position");
            assertTrue(f.side() == Side.BUY ? position <= 0.15 : position >= 0.85);
        }
    }

    @Test
    void sidewaysStaysOutOfATrend()
    {
        final MarketDriver d = MarketDriver.only(StrategyId.SIDEWAYS);
        d.trend(1000, 1, 150);
        d.trend(1150, -1, 150);
        assertEquals(0, d.fired.size());
    }

    @Test
    void momentumBuysAStrongRallyThatIsNotExhausted()
    {
        final MarketDriver d = MarketDriver.only(StrategyId.MOMENTUM);
        double price = d.range(1000, 1, 40, new Random(2), 0.8);
        for (int i = 0; i < 8; i++)
        {
            price = d.path(price, new double[] {price + 2, price + 3.5, price + 2.5});
        }
        assertEquals(0, d.count(StrategyId.MOMENTUM, Side.SELL));
        assertEquals(1, d.count(StrategyId.MOMENTUM, Side.BUY), "" + d.fired);
        final double rsi = d.fired.get(0).copy().feature("rsi");
        assertTrue(rsi >= 55 && rsi <= 80, "rsi " + rsi);
    }

    @Test
    void momentumIgnoresARange()
    {
        final MarketDriver d = MarketDriver.only(StrategyId.MOMENTUM);
        d.range(1000, 1, 60, new Random(2), 0.8);
        assertEquals(0, d.fired.size(), "" + d.fired);
    }

    @Test
    void momentumIgnoresAnExhaustedMove()
    {
        final MarketDriver d = MarketDriver.only(StrategyId.MOMENTUM);
        d.trend(1000, 5, 60); // straight up from the start: RSI pinned at 100
        assertEquals(0, d.fired.size(), "" + d.fired);
    }

    @Test
    void breakoutBuysACloseAboveTheRangeOnVolume()
    {
        final MarketDriver d = MarketDriver.only(StrategyId.BREAKOUT);
        d.range(1000, 2, 40, new Random(3), 0);
        d.minute(1000, 1010, 3.0);
        d.minute(1010, 1011, 1.0);
        assertEquals(1, d.count(StrategyId.BREAKOUT, Side.BUY), "" + d.fired);
        assertEquals(0, d.count(StrategyId.BREAKOUT, Side.SELL));
        assertTrue(d.fired.get(0).copy().feature("volume_ratio") >= 1.0);
    }

    @Test
    void breakoutIgnoresARangeAndAThinBreak()
    {
        final MarketDriver d = MarketDriver.only(StrategyId.BREAKOUT);
        d.range(1000, 2, 60, new Random(3), 0);
        d.minute(1000, 1010, 0.3);
        d.minute(1010, 1011, 1.0);
        assertEquals(0, d.fired.size(), "" + d.fired);
    }

    @Test
    void meanReversionBuysAStretchedOversoldDrop()
    {
        final MarketDriver d = MarketDriver.only(StrategyId.MEAN_REVERSION);
        final double price = d.range(1000, 1, 40, new Random(4), 0.2);
        d.trend(price, -3, 4);
        d.minute(price - 12, price - 12);
        assertEquals(1, d.count(StrategyId.MEAN_REVERSION, Side.BUY), "" + d.fired);
        final MarketDriver.Fired f = d.fired.get(0);
        assertTrue(f.copy().feature("rsi") <= 30);
        assertTrue(f.target() > f.price(), "target is the middle band, above a stretched low");
    }

    @Test
    void meanReversionIgnoresAPlainRange()
    {
        final MarketDriver d = MarketDriver.only(StrategyId.MEAN_REVERSION);
        d.range(1000, 2, 180, new Random(4), 0);
        assertEquals(0, d.fired.size(), "" + d.fired);
    }

    @Test
    void scalpBuysBookPressureWithBuyFlow()
    {
        final MarketDriver d = MarketDriver.only(StrategyId.SCALP);
        d.range(1000, 1, 20, new Random(5), 0.2);
        assertEquals(0, d.fired.size(), "balanced book: " + d.fired);
        d.bidQtyFactor = 3.0;
        d.takerSide = Side.BUY;
        d.minute(1000, 1000.5);
        d.minute(1000.5, 1001);
        assertEquals(1, d.count(StrategyId.SCALP, Side.BUY), "" + d.fired);
        assertTrue(d.fired.get(0).copy().feature("imbalance") >= 0.4);
    }

    @Test
    void scalpNeedsTheTapeToAgreeWithTheBook()
    {
        final MarketDriver d = MarketDriver.only(StrategyId.SCALP);
        d.range(1000, 1, 20, new Random(5), 0.2);
        d.takerSide = Side.SELL;
        d.minute(1000, 999.5);
        d.bidQtyFactor = 3.0;
        d.minute(999.5, 999);
        d.minute(999, 999);
        assertEquals(0, d.fired.size(), "" + d.fired);
    }

    @Test
    void coolDownHoldsARepeatingCondition()
    {
        final MarketDriver d = MarketDriver.only(StrategyId.SCALP, (section, name, def) -> name.equals("cooldown_s") ? 300 : def);
        d.range(1000, 1, 20, new Random(5), 0.2);
        d.bidQtyFactor = 3.0;
        d.takerSide = Side.BUY;
        for (int i = 0; i < 20; i++)
        {
            d.minute(1000, 1000);
        }
        // condition true for ~20 minutes, one signal per 5 minutes at most
        assertTrue(d.count(StrategyId.SCALP) >= 3 && d.count(StrategyId.SCALP) <= 4, "" + d.count(StrategyId.SCALP));
    }

    @Test
    void defaultsFireEachStrategyAHandfulOfTimesOnARegimeSwitchingMarket()
    {
        final MarketDriver d = new MarketDriver(StrategyParameters.DEFAULTS);
        final Random random = new Random(42);
        double price = 1000;
        for (int regime = 0; regime < 6; regime++)
        {
            final boolean trending = regime % 2 == 1;
            final double drift = trending ? (random.nextBoolean() ? 0.8 : -0.8) : 0.0;
            for (int m = 0; m < 40; m++)
            {
                final double pressure = drift / 0.8 * 0.5 + random.nextGaussian() * 0.4;
                d.bidQtyFactor = Math.max(0.2, 1 + pressure);
                d.askQtyFactor = Math.max(0.2, 1 - pressure);
                final double next = trending
                    ? price + drift + random.nextGaussian() * 0.8
                    : 1000 + 3 * Math.sin(2 * Math.PI * m / 16.0) + random.nextGaussian() * 0.8 + (price - 1000) * 0.9;
                d.minute(price, next, 0.5 + random.nextDouble() + Math.abs(next - price) * 0.3);
                price = next;
            }
        }
        final StringBuilder counts = new StringBuilder("signals per strategy: ");
        for (int s = 0; s < StrategyId.COUNT; s++)
        {
            counts.append(StrategyId.name(s)).append('=').append(d.count(s)).append(' ');
        }
        System.out.println(counts);
        for (int s = 0; s < StrategyId.COUNT; s++)
        {
            assertTrue(d.count(s) >= 1 && d.count(s) <= 30, counts.toString());
        }
    }
}
