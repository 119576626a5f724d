package io.tradingcore.core.strategy;

import io.tradingcore.core.indicator.Atr;
import io.tradingcore.core.indicator.Candle;
import io.tradingcore.core.kraken.Side;
import io.tradingcore.core.stream.Timeframe;

import java.util.Arrays;

/**
 * What the six strategies share: per-symbol state preallocated for {@code maxSymbols} ids, an ATR
 * on the strategy's timeframe for stops and targets, the cool-down, and the fill of the common
 * signal fields. The cool-down is per symbol and side: after a BUY, no BUY of that symbol for
 * {@code cooldown_s}, while a SELL may still come. Common parameters (section = strategy name): {@code timeframe_minutes} (1 or 5),
 * {@code cooldown_s}, {@code size_quote}, {@code atr_period}, {@code stop_atr}, {@code take_profit_atr}.
 * <p>
 * A bar strategy decides once per closed candle of its timeframe (the evaluation right after the
 * close); a book strategy ({@code barDriven == false}) on every evaluation. Candles of the exchange's
 * history only warm the indicators.
 */
public abstract class Strategy
{
    protected final int id;
    protected final int timeframe;
    protected final double sizeQuote;
    protected final double stopAtr;
    protected final double takeProfitAtr;
    protected final Atr[] atr;
    /** The last closed bar's close in quote currency, and scaled. */
    protected final double[] close;
    protected final long[] closeScaled;
    private final boolean barDriven;
    private final long cooldownMicros;
    private final long[] lastSignalMicros;
    private final boolean[] freshBar;

    protected Strategy(
        final int id,
        final boolean barDriven,
        final StrategyParameters parameters,
        final int maxSymbols,
        final double cooldownSeconds,
        final double stopAtr,
        final double takeProfitAtr)
    {
        final String name = StrategyId.name(id);
        this.id = id;
        this.barDriven = barDriven;
        final int minutes = parameters.getInt(name, "timeframe_minutes", 1);
        this.timeframe = Timeframe.ofMinutes(minutes);
        if (timeframe != SymbolMarket.TIMEFRAME_1M && timeframe != SymbolMarket.TIMEFRAME_5M)
        {
            throw new IllegalArgumentException(name + ".timeframe_minutes must be 1 or 5: " + minutes);
        }
        this.cooldownMicros = (long)(parameters.get(name, "cooldown_s", cooldownSeconds) * 1_000_000L);
        this.sizeQuote = parameters.get(name, "size_quote", 100.0);
        this.stopAtr = parameters.get(name, "stop_atr", stopAtr);
        this.takeProfitAtr = parameters.get(name, "take_profit_atr", takeProfitAtr);
        final int atrPeriod = parameters.getInt(name, "atr_period", 14);
        atr = new Atr[maxSymbols];
        for (int i = 0; i < maxSymbols; i++)
        {
            atr[i] = new Atr(atrPeriod);
        }
        close = new double[maxSymbols];
        closeScaled = new long[maxSymbols];
        lastSignalMicros = new long[maxSymbols * 2];
        Arrays.fill(lastSignalMicros, Long.MIN_VALUE / 2);
        freshBar = new boolean[maxSymbols];
    }

    public final int id()
    {
        return id;
    }

    public final int timeframe()
    {
        return timeframe;
    }

    /** The static names of the features this strategy's signals carry, in order. */
    public abstract byte[][] featureNames();

    final void onCandle(final int symbolId, final int candleTimeframe, final Candle candle, final SymbolMarket market)
    {
        if (warm(symbolId, candleTimeframe, candle, market))
        {
            freshBar[symbolId] = true;
        }
    }

    /**
     * Updates the indicators with a closed candle of history, without a decision on it: its moment has
     * passed. Returns false when the candle is not of this strategy's timeframe.
     */
    final boolean warm(final int symbolId, final int candleTimeframe, final Candle candle, final SymbolMarket market)
    {
        if (candleTimeframe != timeframe)
        {
            return false;
        }
        final double high = market.toPrice(candle.high);
        final double low = market.toPrice(candle.low);
        final double c = market.toPrice(candle.close);
        atr[symbolId].update(high, low, c);
        close[symbolId] = c;
        closeScaled[symbolId] = candle.close;
        onBar(symbolId, high, low, c, market.toQty(candle.volume));
        return true;
    }

    final boolean evaluate(final int symbolId, final SymbolMarket market, final long nowMicros, final Signal out)
    {
        if (barDriven)
        {
            if (!freshBar[symbolId])
            {
                return false;
            }
            freshBar[symbolId] = false;
        }
        if (!atr[symbolId].isReady())
        {
            return false;
        }
        out.featureCount = 0;
        if (!decide(symbolId, market, out))
        {
            return false;
        }
        final int coolDownSlot = symbolId * 2 + out.side;
        if (nowMicros - lastSignalMicros[coolDownSlot] < cooldownMicros)
        {
            return false;
        }
        lastSignalMicros[coolDownSlot] = nowMicros;
        out.strategyId = id;
        out.symbolId = symbolId;
        out.timeframe = timeframe;
        out.pricePrecision = market.pricePrecision();
        out.sizeQuote = sizeQuote;
        out.decisionMicros = nowMicros;
        out.featureNames = featureNames();
        return true;
    }

    /** Updates the indicators with a closed bar of this strategy's timeframe (prices in quote currency). */
    protected abstract void onBar(int symbolId, double high, double low, double close, double volume);

    /**
     * Fills side, confidence, price, stop, take-profit and features of {@code out} and returns true
     * if the rule fires now. Called with the ATR ready; the cool-down is applied after.
     */
    protected abstract boolean decide(int symbolId, SymbolMarket market, Signal out);

    /** Sets side, price and ATR-multiple stop and take-profit around {@code price}. */
    protected final void entry(final Signal out, final int side, final long price, final int symbolId, final SymbolMarket market)
    {
        final double p = market.toPrice(price);
        final double a = atr[symbolId].value();
        final double sign = side == Side.BUY ? 1.0 : -1.0;
        out.side = side;
        out.price = price;
        out.stopPrice = market.toScaledPrice(p - sign * stopAtr * a);
        out.takeProfitPrice = market.toScaledPrice(p + sign * takeProfitAtr * a);
    }

    protected static void feature(final Signal out, final double value)
    {
        out.features[out.featureCount++] = value;
    }

    protected static double clamp01(final double x)
    {
        return x < 0 ? 0.0 : Math.min(x, 1.0);
    }
}
