package io.tradingcore.core.strategy;

import io.tradingcore.core.indicator.Ema;
import io.tradingcore.core.kraken.Side;
import io.tradingcore.core.stream.EntryWriter;

/**
 * <b>trend</b>: moving-average crossover in the direction of price. On a closed bar, BUY when
 * EMA({@code ema_fast}, 12) crosses above EMA({@code ema_slow}, 48) (it was at or below on the bar
 * before, the slow EMA already past its warm-up) and the close is above the slow EMA; SELL on the cross below with the close below.
 * Price = close; stop / target at {@code stop_atr} (2.0) / {@code take_profit_atr} (4.0) x ATR(14);
 * confidence = 0.5 + |close - slow| / (4 ATR), capped at 1; cool-down {@code cooldown_s} (1800).
 */
public final class TrendStrategy extends Strategy
{
    public static final byte[][] FEATURES = {
        EntryWriter.ascii("ema_fast"), EntryWriter.ascii("ema_slow"), EntryWriter.ascii("close"), EntryWriter.ascii("atr")};

    private final Ema[] fast;
    private final Ema[] slow;
    private final double[] previousGap;
    private final double[] gap;
    private final boolean[] previousReady;

    public TrendStrategy(final StrategyParameters parameters, final int maxSymbols)
    {
        super(StrategyId.TREND, true, parameters, maxSymbols, 1800, 2.0, 4.0);
        final String name = StrategyId.name(id);
        final int fastPeriod = parameters.getInt(name, "ema_fast", 12);
        final int slowPeriod = parameters.getInt(name, "ema_slow", 48);
        if (fastPeriod >= slowPeriod)
        {
            throw new IllegalArgumentException("trend.ema_fast must be below trend.ema_slow");
        }
        fast = new Ema[maxSymbols];
        slow = new Ema[maxSymbols];
        for (int i = 0; i < maxSymbols; i++)
        {
            fast[i] = new Ema(fastPeriod);
            slow[i] = new Ema(slowPeriod);
        }
        previousGap = new double[maxSymbols];
        gap = new double[maxSymbols];
        previousReady = new boolean[maxSymbols];
    }

    @Override
    public byte[][] featureNames()
    {
        return FEATURES;
    }

    @Override
    protected void onBar(final int symbolId, final double high, final double low, final double close, final double volume)
    {
        previousGap[symbolId] = gap[symbolId];
        previousReady[symbolId] = slow[symbolId].isReady();
        fast[symbolId].update(close);
        slow[symbolId].update(close);
        gap[symbolId] = fast[symbolId].value() - slow[symbolId].value();
    }

    @Override
    protected boolean decide(final int symbolId, final SymbolMarket market, final Signal out)
    {
        final Ema s = slow[symbolId];
        if (!previousReady[symbolId])
        {
            return false;
        }
        final double c = close[symbolId];
        final double before = previousGap[symbolId];
        final double now = gap[symbolId];
        final int side;
        if (before <= 0 && now > 0 && c > s.value())
        {
            side = Side.BUY;
        }
        else if (before >= 0 && now < 0 && c < s.value())
        {
            side = Side.SELL;
        }
        else
        {
            return false;
        }
        final double a = atr[symbolId].value();
        entry(out, side, closeScaled[symbolId], symbolId, market);
        out.confidence = clamp01(0.5 + Math.abs(c - s.value()) / (4.0 * a));
        feature(out, fast[symbolId].value());
        feature(out, s.value());
        feature(out, c);
        feature(out, a);
        return true;
    }
}
