package io.tradingcore.core.risk;

import io.tradingcore.core.stream.EntryWriter;

/**
 * An order that passed risk ({@code type: order.intent} on {@code orders:requests}); a reusable
 * flyweight filled by {@link RiskEngine#check}. Prices scaled at {@link #pricePrecision}, the
 * quantity at {@link #qtyPrecision}.
 */
public final class OrderIntent
{
    public static final int MARKET = 0;
    public static final int LIMIT = 1;

    private static final byte[][] ORDER_TYPE_NAMES = {EntryWriter.ascii("market"), EntryWriter.ascii("limit")};

    /** Unique per engine, increasing from 1. */
    public long id;
    public long signalId;
    public int strategyId;
    public int symbolId;
    /** {@code Side.BUY} or {@code Side.SELL}. */
    public int side;
    public int orderType;
    public boolean postOnly;
    /** Order size in USD ({@code size_quote_usd}); {@link #qty} is it converted at the decision price. */
    public double sizeQuote;
    /** 0 for a market order. */
    public long limitPrice;
    public long qty;
    /** The signal's decision price, which slippage is measured against. */
    public long decisionPrice;
    public long stopPrice;
    public long takeProfitPrice;
    public int pricePrecision;
    public int qtyPrecision;
    public long micros;

    public static byte[] orderTypeName(final int orderType)
    {
        return ORDER_TYPE_NAMES[orderType];
    }

    public void copyFrom(final OrderIntent o)
    {
        id = o.id;
        signalId = o.signalId;
        strategyId = o.strategyId;
        symbolId = o.symbolId;
        side = o.side;
        orderType = o.orderType;
        postOnly = o.postOnly;
        sizeQuote = o.sizeQuote;
        limitPrice = o.limitPrice;
        qty = o.qty;
        decisionPrice = o.decisionPrice;
        stopPrice = o.stopPrice;
        takeProfitPrice = o.takeProfitPrice;
        pricePrecision = o.pricePrecision;
        qtyPrecision = o.qtyPrecision;
        micros = o.micros;
    }
}
