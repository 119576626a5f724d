package io.tradingcore.core.strategy;

import io.tradingcore.core.kraken.Side;

import java.nio.charset.StandardCharsets;

/**
 * A trading signal, a reusable flyweight filled by {@link SignalEngine#evaluate(int, long)}; copy what
 * you keep, it is overwritten by the next evaluation. Prices are scaled longs at the symbol's price
 * precision ({@link #pricePrecision}); {@link #featureNames} is the strategy's static name table, so
 * features can be written as a JSON object without allocating.
 */
public final class Signal
{
    public static final int MAX_FEATURES = 8;

    /** Unique per engine, increasing from 1. */
    public long id;
    public int strategyId;
    public int symbolId;
    /** {@code io.tradingcore.core.stream.Timeframe} id of the bars the decision was made on. */
    public int timeframe;
    /** {@link Side#BUY} or {@link Side#SELL}. */
    public int side;
    /** In [0, 1]. */
    public double confidence;
    /** The price the decision was made at (candle close, or book mid for scalp), scaled. */
    public long price;
    public long stopPrice;
    public long takeProfitPrice;
    public int pricePrecision;
    /** Suggested order size in USD (size_quote_usd); the risk engine converts it for pairs not quoted in USD. */
    public double sizeQuote;
    /** Event time of the decision (epoch µs, exchange time). */
    public long decisionMicros;
    public byte[][] featureNames;
    public final double[] features = new double[MAX_FEATURES];
    public int featureCount;

    public void reset()
    {
        id = 0;
        strategyId = symbolId = timeframe = -1;
        side = Side.BUY;
        confidence = 0;
        price = stopPrice = takeProfitPrice = 0;
        pricePrecision = 0;
        sizeQuote = 0;
        decisionMicros = 0;
        featureNames = null;
        featureCount = 0;
    }

    /** Copies {@code other} into this one (the ring slot keeps its own copy of each signal). */
    public void copyFrom(final Signal other)
    {
        id = other.id;
        strategyId = other.strategyId;
        symbolId = other.symbolId;
        timeframe = other.timeframe;
        side = other.side;
        confidence = other.confidence;
        price = other.price;
        stopPrice = other.stopPrice;
        takeProfitPrice = other.takeProfitPrice;
        pricePrecision = other.pricePrecision;
        sizeQuote = other.sizeQuote;
        decisionMicros = other.decisionMicros;
        featureNames = other.featureNames;
        featureCount = other.featureCount;
        System.arraycopy(other.features, 0, features, 0, other.featureCount);
    }

    /** The value of the feature named {@code name}, or NaN (tests and reports, not the hot path). */
    public double feature(final String name)
    {
        for (int i = 0; i < featureCount; i++)
        {
            if (new String(featureNames[i], StandardCharsets.US_ASCII).equals(name))
            {
                return features[i];
            }
        }
        return Double.NaN;
    }
}
