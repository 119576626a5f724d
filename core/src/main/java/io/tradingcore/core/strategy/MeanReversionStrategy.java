package io.tradingcore.core.strategy;

import io.tradingcore.core.indicator.BollingerBands;
import io.tradingcore.core.indicator.Rsi;
import io.tradingcore.core.kraken.Side;
import io.tradingcore.core.stream.EntryWriter;

/**
 * <b>mean_reversion</b>: fade a stretched, oversold or overbought close back to the mean. On a
 * closed bar, BUY when the close is below the lower Bollinger band ({@code bb_period} 20,
 * {@code bb_k} 2.0) AND RSI({@code rsi_period}, 14) is at most {@code rsi_low} (30); SELL when the
 * close is above the upper band AND the RSI is at least {@code rsi_high} (70). Price = close; target =
 * the middle band; stop at {@code stop_atr} (1.5) x ATR(14) beyond the close; confidence =
 * 0.5 + (|z| - k) / 2, capped at 1; cool-down {@code cooldown_s} (900).
 */
public final class MeanReversionStrategy extends Strategy
{
    public static final byte[][] FEATURES = {
        EntryWriter.ascii("bb_middle"), EntryWriter.ascii("bb_upper"), EntryWriter.ascii("bb_lower"),
        EntryWriter.ascii("rsi"), EntryWriter.ascii("zscore"), EntryWriter.ascii("atr")};

    private final BollingerBands[] bands;
    private final Rsi[] rsi;
    private final double k;
    private final double rsiLow;
    private final double rsiHigh;

    public MeanReversionStrategy(final StrategyParameters parameters, final int maxSymbols)
    {
        super(StrategyId.MEAN_REVERSION, true, parameters, maxSymbols, 900, 1.5, 0.0);
        final String name = StrategyId.name(id);
        final int period = parameters.getInt(name, "bb_period", 20);
        k = parameters.get(name, "bb_k", 2.0);
        final int rsiPeriod = parameters.getInt(name, "rsi_period", 14);
        rsiLow = parameters.get(name, "rsi_low", 30);
        rsiHigh = parameters.get(name, "rsi_high", 70);
        bands = new BollingerBands[maxSymbols];
        rsi = new Rsi[maxSymbols];
        for (int i = 0; i < maxSymbols; i++)
        {
            bands[i] = new BollingerBands(period, k);
            rsi[i] = new Rsi(rsiPeriod);
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
        bands[symbolId].update(close);
        rsi[symbolId].update(close);
    }

    @Override
    protected boolean decide(final int symbolId, final SymbolMarket market, final Signal out)
    {
        final BollingerBands bb = bands[symbolId];
        if (!bb.isReady() || !rsi[symbolId].isReady())
        {
            return false;
        }
        final double c = close[symbolId];
        final double r = rsi[symbolId].value();
        final int side;
        if (c < bb.lower() && r <= rsiLow)
        {
            side = Side.BUY;
        }
        else if (c > bb.upper() && r >= rsiHigh)
        {
            side = Side.SELL;
        }
        else
        {
            return false;
        }
        final double z = bb.zScore(c);
        entry(out, side, closeScaled[symbolId], symbolId, market);
        out.takeProfitPrice = market.toScaledPrice(bb.middle());
        out.confidence = clamp01(0.5 + (Math.abs(z) - k) * 0.5);
        feature(out, bb.middle());
        feature(out, bb.upper());
        feature(out, bb.lower());
        feature(out, r);
        feature(out, z);
        feature(out, atr[symbolId].value());
        return true;
    }
}
