package io.tradingcore.core.execution;

import io.tradingcore.core.risk.OrderIntent;

/** The simulator's copy of an order: what a record needs, and what is left of it. */
final class PaperOrder
{
    long orderId;
    long signalId;
    int strategyId;
    int symbolId;
    int side;
    int orderType;
    long limitPrice;
    long decisionPrice;
    int pricePrecision;
    int qtyPrecision;
    long acceptedMicros;
    long filled;
    long remaining;

    void set(final OrderIntent intent, final long acceptedMicros)
    {
        orderId = intent.id;
        signalId = intent.signalId;
        strategyId = intent.strategyId;
        symbolId = intent.symbolId;
        side = intent.side;
        orderType = intent.orderType;
        limitPrice = intent.limitPrice;
        decisionPrice = intent.decisionPrice;
        pricePrecision = intent.pricePrecision;
        qtyPrecision = intent.qtyPrecision;
        this.acceptedMicros = acceptedMicros;
        filled = 0;
        remaining = intent.qty;
    }

    void copyFrom(final PaperOrder o)
    {
        orderId = o.orderId;
        signalId = o.signalId;
        strategyId = o.strategyId;
        symbolId = o.symbolId;
        side = o.side;
        orderType = o.orderType;
        limitPrice = o.limitPrice;
        decisionPrice = o.decisionPrice;
        pricePrecision = o.pricePrecision;
        qtyPrecision = o.qtyPrecision;
        acceptedMicros = o.acceptedMicros;
        filled = o.filled;
        remaining = o.remaining;
    }
}
