package io.tradingcore.core.strategy;

import io.tradingcore.core.indicator.DonchianChannel;
import io.tradingcore.core.indicator.Ema;
import io.tradingcore.core.kraken.Side;
import io.tradingcore.core.stream.EntryWriter;

/**
 * <b>breakout</b>: a close outside the recent range on real volume. On a closed bar, BUY when the
 * close is above the highest high of the {@code channel_period} (20) bars before it AND the bar's
 * volume is at least {@code volume_mult} (1.0) x the EMA({@code volume_period}, 20) of the volume of
 * the bars before it; SELL when the close is below the lowest low on the same volume condition.
 * Price = close; stop / target at {@code stop_atr} (1.5) / {@code take_profit_atr} (3.0) x ATR(14);
 * confidence = 0.5 + (distance beyond the channel) / (2 ATR), capped at 1; cool-down
 * {@code cooldown_s} (1200).
 */
public final class BreakoutStrategy extends Strategy
{
    public static final byte[][] FEATURES = {
        EntryWriter.ascii("channel_upper"), EntryWriter.ascii("channel_lower"), EntryWriter.ascii("close"),
        EntryWriter.ascii("volume_ratio"), EntryWriter.ascii("atr")};

    private final DonchianChannel[] channel;
    private final Ema[] volumeAverage;
    private final double[] priorUpper;
    private final double[] priorLower;
    private final double[] volumeRatio;
    private final boolean[] priorReady;
    private final double volumeMult;

    public BreakoutStrategy(final StrategyParameters parameters, final int maxSymbols)
    {
        super(StrategyId.BREAKOUT, true, parameters, maxSymbols, 1200, 1.5, 3.0);
        final String name = StrategyId.name(id);
        final int channelPeriod = parameters.getInt(name, "channel_period", 20);
        final int volumePeriod = parameters.getInt(name, "volume_period", 20);
        volumeMult = parameters.get(name, "volume_mult", 1.0);
        channel = new DonchianChannel[maxSymbols];
        volumeAverage = new Ema[maxSymbols];
        for (int i = 0; i < maxSymbols; i++)
        {
            channel[i] = new DonchianChannel(channelPeriod);
            volumeAverage[i] = new Ema(volumePeriod);
        }
        priorUpper = new double[maxSymbols];
        priorLower = new double[maxSymbols];
        volumeRatio = new double[maxSymbols];
        priorReady = new boolean[maxSymbols];
    }

    @Override
    public byte[][] featureNames()
    {
        return FEATURES;
    }

    @Override
    protected void onBar(final int symbolId, final double high, final double low, final double close, final double volume)
    {
        final DonchianChannel ch = channel[symbolId];
        final Ema average = volumeAverage[symbolId];
        priorReady[symbolId] = ch.isReady() && average.isReady();
        priorUpper[symbolId] = ch.upper();
        priorLower[symbolId] = ch.lower();
        volumeRatio[symbolId] = average.value() > 0 ? volume / average.value() : 0.0;
        ch.update(high, low);
        average.update(volume);
    }

    @Override
    protected boolean decide(final int symbolId, final SymbolMarket market, final Signal out)
    {
        if (!priorReady[symbolId] || volumeRatio[symbolId] < volumeMult)
        {
            return false;
        }
        final double c = close[symbolId];
        final double a = atr[symbolId].value();
        final double beyond;
        final int side;
        if (c > priorUpper[symbolId])
        {
            side = Side.BUY;
            beyond = c - priorUpper[symbolId];
        }
        else if (c < priorLower[symbolId])
        {
            side = Side.SELL;
            beyond = priorLower[symbolId] - c;
        }
        else
        {
            return false;
        }
        entry(out, side, closeScaled[symbolId], symbolId, market);
        out.confidence = clamp01(0.5 + beyond / (2.0 * a));
        feature(out, priorUpper[symbolId]);
        feature(out, priorLower[symbolId]);
        feature(out, c);
        feature(out, volumeRatio[symbolId]);
        feature(out, a);
        return true;
    }
}
