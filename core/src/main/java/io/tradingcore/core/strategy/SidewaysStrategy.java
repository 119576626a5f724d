package io.tradingcore.core.strategy;

import io.tradingcore.core.indicator.DonchianChannel;
import io.tradingcore.core.indicator.EfficiencyRatio;
import io.tradingcore.core.kraken.Side;
import io.tradingcore.core.stream.EntryWriter;

/**
 * <b>sideways</b>: trade the edges of a range, only while the market is ranging. The regime is
 * ranging when Kaufman's efficiency ratio over {@code efficiency_period} (20) bars is at most
 * {@code max_efficiency} (0.3) AND the Donchian channel over {@code channel_period} (30) bars is at
 * most {@code max_width_atr} (8) x ATR(14) wide. Then, on a closed bar, BUY when the close is in
 * the bottom {@code edge} (0.15) of the channel, SELL when in the top {@code edge}. Price = close;
 * target = channel middle; stop at {@code stop_atr} (1.5) x ATR beyond the close; confidence =
 * 0.5 + 0.5 (1 - efficiency / max_efficiency); cool-down {@code cooldown_s} (900).
 */
public final class SidewaysStrategy extends Strategy
{
    public static final byte[][] FEATURES = {
        EntryWriter.ascii("channel_upper"), EntryWriter.ascii("channel_lower"), EntryWriter.ascii("efficiency"),
        EntryWriter.ascii("position"), EntryWriter.ascii("atr")};

    private final DonchianChannel[] channel;
    private final EfficiencyRatio[] efficiency;
    private final double maxEfficiency;
    private final double maxWidthAtr;
    private final double edge;

    public SidewaysStrategy(final StrategyParameters parameters, final int maxSymbols)
    {
        super(StrategyId.SIDEWAYS, true, parameters, maxSymbols, 900, 1.5, 0.0);
        final String name = StrategyId.name(id);
        final int channelPeriod = parameters.getInt(name, "channel_period", 30);
        final int efficiencyPeriod = parameters.getInt(name, "efficiency_period", 20);
        maxEfficiency = parameters.get(name, "max_efficiency", 0.3);
        maxWidthAtr = parameters.get(name, "max_width_atr", 8.0);
        edge = parameters.get(name, "edge", 0.15);
        channel = new DonchianChannel[maxSymbols];
        efficiency = new EfficiencyRatio[maxSymbols];
        for (int i = 0; i < maxSymbols; i++)
        {
            channel[i] = new DonchianChannel(channelPeriod);
            efficiency[i] = new EfficiencyRatio(efficiencyPeriod);
        }
    }

    @Override
    public byte[][] featureNames()
    {
        return FEATURES;
    }

    @Override
    protected void onBar(final int symbolId, final double high, final double low, final double close, final double volume)
    {
        channel[symbolId].update(high, low);
        efficiency[symbolId].update(close);
    }

    @Override
    protected boolean decide(final int symbolId, final SymbolMarket market, final Signal out)
    {
        final DonchianChannel ch = channel[symbolId];
        final EfficiencyRatio er = efficiency[symbolId];
        if (!ch.isReady() || !er.isReady())
        {
            return false;
        }
        final double a = atr[symbolId].value();
        final double width = ch.upper() - ch.lower();
        final double ratio = er.value();
        if (width <= 0 || ratio > maxEfficiency || width > maxWidthAtr * a)
        {
            return false;
        }
        final double position = (close[symbolId] - ch.lower()) / width;
        final int side;
        if (position <= edge)
        {
            side = Side.BUY;
        }
        else if (position >= 1.0 - edge)
        {
            side = Side.SELL;
        }
        else
        {
            return false;
        }
        entry(out, side, closeScaled[symbolId], symbolId, market);
        out.takeProfitPrice = market.toScaledPrice(ch.middle());
        out.confidence = clamp01(0.5 + 0.5 * (1.0 - ratio / maxEfficiency));
        feature(out, ch.upper());
        feature(out, ch.lower());
        feature(out, ratio);
        feature(out, position);
        feature(out, a);
        return true;
    }
}
