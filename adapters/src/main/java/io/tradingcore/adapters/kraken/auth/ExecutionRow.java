package io.tradingcore.adapters.kraken.auth;

import io.tradingcore.adapters.kraken.ControlJson;
import io.tradingcore.core.kraken.Side;
import io.tradingcore.core.time.Rfc3339;
import org.agrona.concurrent.UnsafeBuffer;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * One row of the executions channel, read from the control-plane JSON tree into reusable fields.
 * Kraken types decimals as numbers, but copies of its docs quote some as strings: both are read.
 * Absent fields are null (a {@code new} report carries little more than ids and status).
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
    BigDecimal orderQty;
    BigDecimal limitPrice;
    String execId;
    String tradeId;
    BigDecimal lastQty;
    BigDecimal lastPrice;
    BigDecimal cost;
    BigDecimal cumQty;
    BigDecimal avgPrice;
    String liquidity;
    /** Sum of {@code fees[].qty} (the quote currency for spot), else {@code fee_usd_equiv}; null if neither. */
    BigDecimal fee;
    String feeAsset;
    String reason;
    String timestamp;

    ExecutionRow read(final Map<String, Object> row)
    {
        orderId = ControlJson.string(row, "order_id");
        clOrdId = ControlJson.string(row, "cl_ord_id");
        execType = ControlJson.string(row, "exec_type");
        orderStatus = ControlJson.string(row, "order_status");
        symbol = ControlJson.string(row, "symbol");
        side = ControlJson.string(row, "side");
        orderType = ControlJson.string(row, "order_type");
        orderQty = decimal(row, "order_qty");
        limitPrice = decimal(row, "limit_price");
        execId = ControlJson.string(row, "exec_id");
        tradeId = text(row, "trade_id");
        lastQty = decimal(row, "last_qty");
        lastPrice = decimal(row, "last_price");
        cost = decimal(row, "cost");
        cumQty = decimal(row, "cum_qty");
        avgPrice = decimal(row, "avg_price");
        liquidity = ControlJson.string(row, "liquidity_ind");
        reason = ControlJson.string(row, "cancel_reason");
        if (reason == null)
        {
            reason = ControlJson.string(row, "reason");
        }
        timestamp = ControlJson.string(row, "timestamp");
        fee = null;
        feeAsset = null;
        final Object fees = row.get("fees");
        if (fees instanceof List)
        {
            for (final Object item : (List<?>)fees)
            {
                if (item instanceof Map)
                {
                    @SuppressWarnings("unchecked")
                    final Map<String, Object> f = (Map<String, Object>)item;
                    final BigDecimal qty = decimal(f, "qty");
                    if (qty != null)
                    {
                        fee = fee == null ? qty : fee.add(qty);
                        feeAsset = ControlJson.string(f, "asset");
                    }
                }
            }
        }
        if (fee == null)
        {
            fee = decimal(row, "fee_usd_equiv");
        }
        return this;
    }

    boolean isTrade()
    {
        return "trade".equals(execType) && execId != null && lastQty != null && lastPrice != null;
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
        return micros(timestamp, fallback);
    }

    static long micros(final String rfc3339, final long fallback)
    {
        if (rfc3339 == null)
        {
            return fallback;
        }
        final byte[] bytes = rfc3339.getBytes(StandardCharsets.US_ASCII);
        final long micros = Rfc3339.parseMicros(new UnsafeBuffer(bytes), 0, bytes.length);
        return micros == Rfc3339.INVALID ? fallback : micros;
    }

    /** A decimal field given as a JSON number or as a string; null when absent or not a number. */
    static BigDecimal decimal(final Map<String, Object> row, final String key)
    {
        final Object value = row == null ? null : row.get(key);
        if (value instanceof BigDecimal)
        {
            return (BigDecimal)value;
        }
        if (value instanceof String)
        {
            try
            {
                return new BigDecimal(((String)value).trim());
            }
            catch (final NumberFormatException ex)
            {
                return null;
            }
        }
        return null;
    }

    /** {@code value} at {@code scale} decimals as a scaled long (half-even: Kraken's own decimals are exact). */
    static long scaled(final BigDecimal value, final int scale)
    {
        return value.setScale(scale, RoundingMode.HALF_EVEN).unscaledValue().longValueExact();
    }

    private static String text(final Map<String, Object> row, final String key)
    {
        final Object value = row.get(key);
        if (value instanceof String)
        {
            return (String)value;
        }
        return value instanceof BigDecimal ? ((BigDecimal)value).toPlainString() : null;
    }
}
