package io.tradingcore.core.indicator;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IndicatorsTest
{
    private static final double EPS = 1e-9;

    @Test
    void emaSeedsWithTheMeanThenSmooths()
    {
        final Ema ema = new Ema(3);
        ema.update(1);
        ema.update(2);
        assertFalse(ema.isReady());
        assertEquals(1.5, ema.value(), EPS);
        ema.update(3);
        assertTrue(ema.isReady());
        assertEquals(2.0, ema.value(), EPS);
        ema.update(4);
        assertEquals(3.0, ema.value(), EPS); // 2 + 0.5 * (4 - 2)
        ema.update(5);
        assertEquals(4.0, ema.value(), EPS);
    }

    @Test
    void rsiUsesWildersSmoothing()
    {
        final Rsi rsi = new Rsi(2);
        rsi.update(10);
        rsi.update(11);
        assertFalse(rsi.isReady());
        rsi.update(10.5);
        assertTrue(rsi.isReady());
        // changes +1, -0.5: avg gain 0.5, avg loss 0.25, RS 2
        assertEquals(100.0 - 100.0 / 3.0, rsi.value(), EPS);
        rsi.update(11.5);
        // avg gain (0.5 + 1) / 2 = 0.75, avg loss 0.25 / 2 = 0.125, RS 6
        assertEquals(100.0 - 100.0 / 7.0, rsi.value(), EPS);
    }

    @Test
    void rsiOfAFlatSeriesIsFiftyAndOfARiseIsHundred()
    {
        final Rsi flat = new Rsi(3);
        final Rsi rise = new Rsi(3);
        for (int i = 0; i < 10; i++)
        {
            flat.update(5);
            rise.update(i);
        }
        assertEquals(50.0, flat.value(), EPS);
        assertEquals(100.0, rise.value(), EPS);
    }

    @Test
    void atrTakesGapsIntoTheTrueRange()
    {
        final Atr atr = new Atr(2);
        atr.update(10, 8, 9);
        atr.update(11, 9, 10);
        assertTrue(atr.isReady());
        assertEquals(2.0, atr.value(), EPS);
        atr.update(13, 10, 12);
        assertEquals(2.5, atr.value(), EPS);
        atr.update(15, 14, 14.5); // true range |15 - 12| = 3
        assertEquals(2.75, atr.value(), EPS);
    }

    @Test
    void bollingerBandsRollOverTheWindow()
    {
        final BollingerBands bb = new BollingerBands(4, 2.0);
        for (int i = 1; i <= 4; i++)
        {
            bb.update(i);
        }
        assertTrue(bb.isReady());
        assertEquals(2.5, bb.middle(), EPS);
        assertEquals(Math.sqrt(1.25), bb.stddev(), EPS);
        assertEquals(2.5 + 2 * Math.sqrt(1.25), bb.upper(), EPS);
        assertEquals(2.5 - 2 * Math.sqrt(1.25), bb.lower(), EPS);
        bb.update(5);
        assertEquals(3.5, bb.middle(), EPS);
        assertEquals(Math.sqrt(1.25), bb.stddev(), EPS);
        assertEquals((5 - 3.5) / Math.sqrt(1.25), bb.zScore(5), EPS);
    }

    @Test
    void bollingerMatchesBruteForceOnALongRun()
    {
        final Random random = new Random(7);
        final BollingerBands bb = new BollingerBands(20, 2.0);
        final double[] values = new double[5000];
        for (int i = 0; i < values.length; i++)
        {
            values[i] = 60_000 + random.nextGaussian() * 50;
            bb.update(values[i]);
        }
        double sum = 0;
        for (int i = values.length - 20; i < values.length; i++)
        {
            sum += values[i];
        }
        final double mean = sum / 20;
        double var = 0;
        for (int i = values.length - 20; i < values.length; i++)
        {
            var += (values[i] - mean) * (values[i] - mean);
        }
        assertEquals(mean, bb.middle(), 1e-7);
        assertEquals(Math.sqrt(var / 20), bb.stddev(), 1e-5);
    }

    @Test
    void donchianMatchesBruteForce()
    {
        final Random random = new Random(11);
        final DonchianChannel channel = new DonchianChannel(7);
        final double[] highs = new double[500];
        final double[] lows = new double[500];
        for (int i = 0; i < highs.length; i++)
        {
            final double mid = 100 + random.nextGaussian() * 5;
            highs[i] = mid + random.nextDouble();
            lows[i] = mid - random.nextDouble();
            channel.update(highs[i], lows[i]);
            double max = Double.NEGATIVE_INFINITY;
            double min = Double.POSITIVE_INFINITY;
            for (int j = Math.max(0, i - 6); j <= i; j++)
            {
                max = Math.max(max, highs[j]);
                min = Math.min(min, lows[j]);
            }
            assertEquals(max, channel.upper(), 0.0, "upper at " + i);
            assertEquals(min, channel.lower(), 0.0, "lower at " + i);
        }
    }

    @Test
    void donchianByHand()
    {
        final DonchianChannel channel = new DonchianChannel(3);
        channel.update(10, 5);
        channel.update(12, 6);
        channel.update(11, 4);
        assertEquals(12, channel.upper(), EPS);
        assertEquals(4, channel.lower(), EPS);
        channel.update(9, 7); // the bar with 10/5 leaves
        assertEquals(12, channel.upper(), EPS);
        assertEquals(4, channel.lower(), EPS);
        channel.update(9, 8); // 12/6 leaves
        assertEquals(11, channel.upper(), EPS);
        assertEquals(4, channel.lower(), EPS);
        channel.update(8, 8); // 11/4 leaves
        assertEquals(9, channel.upper(), EPS);
        assertEquals(7, channel.lower(), EPS);
    }

    @Test
    void vwapSessionAndRolling()
    {
        final Vwap session = new Vwap(0);
        final Vwap rolling = new Vwap(2);
        assertTrue(Double.isNaN(session.value()));
        session.update(100, 1);
        session.update(110, 3);
        rolling.update(100, 1);
        rolling.update(110, 3);
        assertEquals((100 + 330) / 4.0, session.value(), EPS);
        session.update(90, 4);
        rolling.update(90, 4);
        assertEquals((100 + 330 + 360) / 8.0, session.value(), EPS);
        assertEquals((330 + 360) / 7.0, rolling.value(), EPS);
        session.reset();
        assertTrue(Double.isNaN(session.value()));
    }

    @Test
    void efficiencyRatioAndChangeMatchBruteForce()
    {
        final Random random = new Random(3);
        final EfficiencyRatio er = new EfficiencyRatio(5);
        final double[] x = new double[300];
        for (int i = 0; i < x.length; i++)
        {
            x[i] = 50 + random.nextGaussian();
            er.update(x[i]);
            if (i >= 5)
            {
                double path = 0;
                for (int j = i - 4; j <= i; j++)
                {
                    path += Math.abs(x[j] - x[j - 1]);
                }
                assertEquals(x[i] - x[i - 5], er.change(), 1e-9);
                assertEquals(Math.abs(x[i] - x[i - 5]) / path, er.value(), 1e-9);
            }
            else
            {
                assertFalse(er.isReady());
            }
        }
        final EfficiencyRatio straight = new EfficiencyRatio(3);
        for (int i = 0; i < 4; i++)
        {
            straight.update(i * 2);
        }
        assertEquals(1.0, straight.value(), EPS);
        assertEquals(6.0, straight.change(), EPS);
    }

    @Test
    void spreadAndImbalanceFromTheBook()
    {
        final TestBook book = new TestBook().bids(9_990, 3, 9_980, 1, 9_970, 100).asks(10_010, 1, 10_020, 1);
        assertEquals(20.0 / 10_000.0 * 10_000.0, BookMetrics.spreadBps(book), EPS);
        assertEquals(10_000.0, BookMetrics.scaledMid(book), EPS);
        assertEquals((4.0 - 2.0) / 6.0, BookMetrics.imbalance(book, 2), EPS);
        assertEquals((3.0 - 1.0) / 4.0, BookMetrics.imbalance(book, 1), EPS);
        assertTrue(Double.isNaN(BookMetrics.spreadBps(new TestBook().bids(1, 1))));
        assertEquals(0.0, BookMetrics.imbalance(new TestBook(), 5), EPS);
    }

    @Test
    void scaledRoundTrips()
    {
        assertEquals(62807.1, Scaled.toDouble(628071, 1), EPS);
        assertEquals(628071, Scaled.fromDouble(62807.1, 1));
        assertEquals(100, Scaled.fromDouble(0.000001, 8));
    }
}
