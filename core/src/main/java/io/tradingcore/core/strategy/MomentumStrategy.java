package io.tradingcore.core.strategy;

import io.tradingcore.core.indicator.EfficiencyRatio;
import io.tradingcore.core.indicator.Rsi;
import io.tradingcore.core.kraken.Side;
import io.tradingcore.core.stream.EntryWriter;

import java.util.Arrays;

/**
 * <b>momentum</b>: ride a strong move that is not yet exhausted. On a closed bar, the move is the
 * change of the close over {@code roc_period} (10) bars in ATR(14) units; it must be efficient (Kaufman's
 * efficiency ratio over those bars at least {@code min_efficiency} (0.4), which a swinging range is not).
 * BUY when the move is at least {@code move_min_atr} (3.0) AND RSI({@code rsi_period}, 14) is in [{@code rsi_buy_min} (55),
 * {@code rsi_buy_max} (80)]; SELL when the move is at most minus that AND the RSI is in
 * [100 - rsi_buy_max, 100 - rsi_buy_min]. It fires when the condition becomes true (not on each bar it
 * stays true). Price = close; stop / target at {@code stop_atr} (1.5) / {@code take_profit_atr} (3.0)
 * x ATR; confidence = |move| / (2 move_min_atr), capped at 1; cool-down {@code cooldown_s} (1200).
 */
public final class MomentumStrategy extends Strategy
{
    public static final byte[][] FEATURES = {
        EntryWriter.ascii("move_atr"), EntryWriter.ascii("efficiency"), EntryWriter.ascii("rsi"), EntryWriter.ascii("close"),
        EntryWriter.ascii("atr")};

    private static final int NONE = -1;

    private final EfficiencyRatio[] change;
    private final Rsi[] rsi;
    private final int[] previousCondition;
    private final double moveMinAtr;
    private final double minEfficiency;
    private final double rsiBuyMin;
    private final double rsiBuyMax;

    public MomentumStrategy(final StrategyParameters parameters, final int maxSymbols)
    {
        super(StrategyId.MOMENTUM, true, parameters, maxSymbols, 1200, 1.5, 3.0);
        final String name = StrategyId.name(id);
        final int rocPeriod = parameters.getInt(name, "roc_period", 10);
        final int rsiPeriod = parameters.getInt(name, "rsi_period", 14);
        moveMinAtr = parameters.get(name, "move_min_atr", 3.0);
        minEfficiency = parameters.get(name, "min_efficiency", 0.4);
        rsiBuyMin = parameters.get(name, "rsi_buy_min", 55);
        rsiBuyMax = parameters.get(name, "rsi_buy_max", 80);
        change = new EfficiencyRatio[maxSymbols];
        rsi = new Rsi[maxSymbols];
        for (int i = 0; i < maxSymbols; i++)
        {
            change[i] = new EfficiencyRatio(rocPeriod);
            rsi[i] = new Rsi(rsiPeriod);
        }
        previousCondition = new int[maxSymbols];
        Arrays.fill(previousCondition, NONE);
    }

    @Override
    public byte[][] featureNames()
    {
        return FEATURES;
    }

    @Override
    protected void onBar(final int symbolId, final double high, final double low, final double close, final double volume)
    {
        change[symbolId].update(close);
        rsi[symbolId].update(close);
    }

    @Override
    protected boolean decide(final int symbolId, final SymbolMarket market, final Signal out)
    {
        if (!change[symbolId].isReady() || !rsi[symbolId].isReady())
        {
            return false;
        }
        final double a = atr[symbolId].value();
        final double move = a > 0 ? change[symbolId].change() / a : 0.0;
        final double r = rsi[symbolId].value();
        final double efficiency = change[symbolId].value();
        int condition = NONE;
        if (efficiency < minEfficiency)
        {
            condition = NONE;
        }
        else if (move >= moveMinAtr && r >= rsiBuyMin && r <= rsiBuyMax)
        {
            condition = Side.BUY;
        }
        else if (move <= -moveMinAtr && r <= 100.0 - rsiBuyMin && r >= 100.0 - rsiBuyMax)
        {
            condition = Side.SELL;
        }
        final int before = previousCondition[symbolId];
        previousCondition[symbolId] = condition;
        if (condition == NONE || condition == before)
        {
            return false;
        }
        entry(out, condition, closeScaled[symbolId], symbolId, market);
        out.confidence = clamp01(Math.abs(move) / (2.0 * moveMinAtr));
        feature(out, move);
        feature(out, efficiency);
        feature(out, r);
        feature(out, close[symbolId]);
        feature(out, a);
        return true;
    }
}
