package io.tradingcore.adapters.kraken.auth;

import io.tradingcore.core.risk.OrderIntent;

/** An order this run placed, from its intent to its terminal status; connection thread only. */
final class ClientOrder
{
    /** In the rate limiter's queue, not on the wire yet. */
    static final int QUEUED = 0;
    static final int SENT = 1;
    static final int ACKED = 2;
    /** Filled, canceled, expired or rejected: the risk stage has been told, exactly once. */
    static final int CLOSED = 3;

    final long intentId;
    final String clOrdId;
    final int symbolId;
    final String symbol;
    final int side;
    final int orderType;
    final long qty;
    final long limitPrice;
    final int pricePrecision;
    final int qtyPrecision;
    String orderId;
    int state = QUEUED;
    /** Quantity (scaled) filled so far, from the fills fed back to the core. */
    long filled;

    ClientOrder(final OrderIntent o, final String clOrdId, final String symbol)
    {
        this.intentId = o.id;
        this.clOrdId = clOrdId;
        this.symbolId = o.symbolId;
        this.symbol = symbol;
        this.side = o.side;
        this.orderType = o.orderType;
        this.qty = o.qty;
        this.limitPrice = o.limitPrice;
        this.pricePrecision = o.pricePrecision;
        this.qtyPrecision = o.qtyPrecision;
    }

    /** What never filled, released from the risk engine's reservation when the order ends. */
    long unfilled()
    {
        return Math.max(0, qty - filled);
    }
}
