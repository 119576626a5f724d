package io.tradingcore.core.strategy;

import io.tradingcore.core.kraken.Side;
import io.tradingcore.core.stream.EntryWriter;

/**
 * <b>scalp</b>: order-book pressure confirmed by the tape. BUY when the top-N depth imbalance is at
 * least {@code imbalance_min} (0.4) AND the decayed taker flow is at least {@code flow_min} (0.5)
 * AND the spread is at most {@code max_spread_bps} (10); SELL on the mirror (both at most minus the
 * thresholds). Evaluated on every book or trade event while the book is valid; price = book mid;
 * stop / target at {@code stop_atr} (1.0) / {@code take_profit_atr} (1.5) x ATR(14) of 1m bars;
 * confidence = mean of |imbalance| and |flow|; cool-down {@code cooldown_s} (900).
 * The book depth N and the flow decay are {@code market.book_levels} (5) and {@code market.flow_alpha} (0.1).
 */
public final class ScalpStrategy extends Strategy
{
    public static final byte[][] FEATURES = {
        EntryWriter.ascii("imbalance"), EntryWriter.ascii("flow"), EntryWriter.ascii("spread_bps"),
        EntryWriter.ascii("mid"), EntryWriter.ascii("atr")};

    private final double imbalanceMin;
    private final double flowMin;
    private final double maxSpreadBps;

    public ScalpStrategy(final StrategyParameters parameters, final int maxSymbols)
    {
        super(StrategyId.SCALP, false, parameters, maxSymbols, 900, 1.0, 1.5);
        final String name = StrategyId.name(id);
        imbalanceMin = parameters.get(name, "imbalance_min", 0.4);
        flowMin = parameters.get(name, "flow_min", 0.5);
        maxSpreadBps = parameters.get(name, "max_spread_bps", 10.0);
    }

    @Override
    public byte[][] featureNames()
    {
        return FEATURES;
    }

    @Override
    protected void onBar(final int symbolId, final double high, final double low, final double close, final double volume)
    {
    }

    @Override
    protected boolean decide(final int symbolId, final SymbolMarket market, final Signal out)
    {
        if (!market.bookValid() || !(market.spreadBps() <= maxSpreadBps))
        {
            return false;
        }
        final double imbalance = market.imbalance();
        final double flow = market.flow();
        final int side;
        if (imbalance >= imbalanceMin && flow >= flowMin)
        {
            side = Side.BUY;
        }
        else if (imbalance <= -imbalanceMin && flow <= -flowMin)
        {
            side = Side.SELL;
        }
        else
        {
            return false;
        }
        entry(out, side, market.mid(), symbolId, market);
        out.confidence = clamp01((Math.abs(imbalance) + Math.abs(flow)) * 0.5);
        feature(out, imbalance);
        feature(out, flow);
        feature(out, market.spreadBps());
        feature(out, market.toPrice(market.mid()));
        feature(out, atr[symbolId].value());
        return true;
    }
}
