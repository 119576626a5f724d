package io.tradingcore.core.strategy;

import io.tradingcore.core.indicator.TestBook;
import io.tradingcore.core.kraken.Side;
import io.tradingcore.core.market.Instruments;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Drives a {@link SignalEngine} with a synthetic market for symbol 0 (price precision 1, qty 8):
 * per minute, {@link #TRADES_PER_MINUTE} trades walking from open to close, each preceded by a
 * book around the trade price. Records every signal.
 */
final class MarketDriver
{
    static final long T0 = 1_764_086_400_000_000L; // 2025-11-25T16:00:00Z
    static final int TRADES_PER_MINUTE = 6;
    static final long QTY = 10_000_000L; // 0.1

    final Instruments instruments = new Instruments();
    final SignalEngine engine;
    final TestBook book = new TestBook();
    final List<Fired> fired = new ArrayList<>();
    long minute;
    double bidQtyFactor = 1.0;
    double askQtyFactor = 1.0;
    /** The taker side of the trades: BUY, SELL, or -1 for up-ticks buy and down-ticks sell. */
    int takerSide = -1;

    record Fired(int strategy, int side, double confidence, long price, long stop, long target, long micros, Signal copy)
    {
    }

    MarketDriver(final StrategyParameters parameters)
    {
        instruments.offer(0, 1, 8, Instruments.SOURCE_CONFIG);
        engine = new SignalEngine(parameters, instruments, 4);
    }

    /** Only {@code strategy} on, the rest of the parameters from {@code overrides} or defaults. */
    static MarketDriver only(final int strategy, final StrategyParameters overrides)
    {
        return new MarketDriver((section, name, defaultValue) ->
        {
            if (name.equals("enabled"))
            {
                return StrategyId.of(section) == strategy ? 1 : 0;
            }
            return overrides.get(section, name, defaultValue);
        });
    }

    static MarketDriver only(final int strategy)
    {
        return only(strategy, StrategyParameters.DEFAULTS);
    }

    /** One minute from {@code open} to {@code close}, trade qty times {@code volume}. */
    void minute(final double open, final double close, final double volume)
    {
        double previous = open;
        for (int i = 0; i < TRADES_PER_MINUTE; i++)
        {
            final double price = open + (close - open) * i / (TRADES_PER_MINUTE - 1);
            final long micros = T0 + minute * 60_000_000L + i * (60_000_000L / TRADES_PER_MINUTE);
            final long scaled = Math.round(price * 10);
            final long bidQty = Math.round(QTY * bidQtyFactor);
            final long askQty = Math.round(QTY * askQtyFactor);
            book.bids(scaled - 1, bidQty, scaled - 2, bidQty).asks(scaled + 1, askQty, scaled + 2, askQty);
            engine.onBook(0, book, true, micros);
            collect(micros);
            final int side = takerSide >= 0 ? takerSide : (price >= previous ? Side.BUY : Side.SELL);
            engine.onTrade(0, side, scaled, Math.round(QTY * volume), micros);
            collect(micros);
            previous = price;
        }
        minute++;
    }

    void minute(final double open, final double close)
    {
        minute(open, close, 1.0);
    }

    /** Minutes along a path of closes, each minute opening at the previous close. */
    double path(final double start, final double[] closes)
    {
        double open = start;
        for (final double close : closes)
        {
            minute(open, close);
            open = close;
        }
        return open;
    }

    /** A range: closes oscillating around {@code centre} with {@code amplitude}, period 16 minutes, plus noise. */
    double range(final double centre, final double amplitude, final int minutes, final Random random, final double noise)
    {
        final double[] closes = new double[minutes];
        for (int i = 0; i < minutes; i++)
        {
            closes[i] = centre + amplitude * Math.sin(2 * Math.PI * (minute + i) / 16.0) + noise * random.nextGaussian();
        }
        return path(closes.length == 0 ? centre : closes[0], closes);
    }

    /** A straight move of {@code perMinute} per minute. */
    double trend(final double start, final double perMinute, final int minutes)
    {
        final double[] closes = new double[minutes];
        for (int i = 0; i < minutes; i++)
        {
            closes[i] = start + perMinute * (i + 1);
        }
        return path(start, closes);
    }

    int count(final int strategy, final int side)
    {
        int n = 0;
        for (final Fired f : fired)
        {
            if (f.strategy() == strategy && f.side() == side)
            {
                n++;
            }
        }
        return n;
    }

    int count(final int strategy)
    {
        return count(strategy, Side.BUY) + count(strategy, Side.SELL);
    }

    private void collect(final long micros)
    {
        final int n = engine.evaluate(0, micros);
        for (int i = 0; i < n; i++)
        {
            final Signal s = engine.signal(i);
            final Signal copy = new Signal();
            copy.id = s.id;
            copy.strategyId = s.strategyId;
            copy.symbolId = s.symbolId;
            copy.timeframe = s.timeframe;
            copy.side = s.side;
            copy.confidence = s.confidence;
            copy.price = s.price;
            copy.featureNames = s.featureNames;
            copy.featureCount = s.featureCount;
            System.arraycopy(s.features, 0, copy.features, 0, s.featureCount);
            fired.add(new Fired(s.strategyId, s.side, s.confidence, s.price, s.stopPrice, s.takeProfitPrice, s.decisionMicros, copy));
        }
    }
}
