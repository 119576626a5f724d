package io.tradingcore.adapters.kraken.auth;

import io.tradingcore.core.kraken.Side;
import io.tradingcore.core.time.Rfc3339;

/**
 * One row of the executions channel as {@link PrivateChannelDecoder} read it, reused row after row:
 * ids and words as strings (the order maps key on them), decimals as {@link KrakenDecimal}s, the
 * time in epoch µs. Absent fields are null or absent (a {@code new} report carries little more than
 * ids and status).
 */
final class ExecutionRow
{
    String orderId;
    String clOrdId;
    String execType;
    String orderStatus;
    String symbol;
    String side;
    String orderType;
    final KrakenDecimal orderQty = new KrakenDecimal();
    final KrakenDecimal limitPrice = new KrakenDecimal();
    String execId;
    String tradeId;
    final KrakenDecimal lastQty = new KrakenDecimal();
    final KrakenDecimal lastPrice = new KrakenDecimal();
    final KrakenDecimal cost = new KrakenDecimal();
    final KrakenDecimal cumQty = new KrakenDecimal();
    final KrakenDecimal avgPrice = new KrakenDecimal();
    String liquidity;
    /** Sum of {@code fees[].qty} (the quote currency for spot), else {@code fee_usd_equiv}; absent if neither. */
    final KrakenDecimal fee = new KrakenDecimal();
    String feeAsset;
    String reason;
    /** The report's exchange time, or {@link Rfc3339#INVALID} when absent or unreadable. */
    long micros;

    void clear()
    {
        orderId = null;
        clOrdId = null;
        execType = null;
        orderStatus = null;
        symbol = null;
        side = null;
        orderType = null;
        orderQty.clear();
        limitPrice.clear();
        execId = null;
        tradeId = null;
        lastQty.clear();
        lastPrice.clear();
        cost.clear();
        cumQty.clear();
        avgPrice.clear();
        liquidity = null;
        fee.clear();
        feeAsset = null;
        reason = null;
        micros = Rfc3339.INVALID;
    }

    /** exec_type trade: the row says it is a fill, whether or not it carries what a fill needs. */
    boolean reportsTrade()
    {
        return "trade".equals(execType);
    }

    boolean isTrade()
    {
        return reportsTrade() && execId != null && lastQty.present() && lastPrice.present();
    }

    /** filled, canceled, expired: the order is gone from the book. */
    boolean isTerminal()
    {
        return "filled".equals(orderStatus) || "canceled".equals(orderStatus) || "expired".equals(orderStatus);
    }

    /** {@link Side#BUY}, {@link Side#SELL}, or -1 when absent. */
    int sideCode()
    {
        return "buy".equals(side) ? Side.BUY : "sell".equals(side) ? Side.SELL : -1;
    }

    /** The report's exchange time in epoch µs, or {@code fallback} when absent or unreadable. */
    long micros(final long fallback)
    {
        return micros == Rfc3339.INVALID ? fallback : micros;
    }
}
