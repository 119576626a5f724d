package io.tradingcore.adapters.kraken.auth;

import io.tradingcore.core.kraken.Side;
import io.tradingcore.core.risk.OrderIntent;
import io.tradingcore.core.stream.DecimalText;
import io.tradingcore.core.time.Rfc3339;

/**
 * Builds the authenticated Kraken v2 requests as JSON text: add_order, cancel_order,
 * cancel_all_orders_after, the executions and balances subscriptions, ping. Connection thread only;
 * a String per request is fine (orders are rare next to market data). Every request carries the
 * token and a {@code req_id}.
 */
final class OrderRequests
{
    private final StringBuilder text = new StringBuilder(512);

    /** {@code deadlineMicros}: epoch µs after which the engine must reject the order. */
    String addOrder(final OrderIntent o, final String symbol, final String clOrdId, final long deadlineMicros,
        final String token, final long reqId)
    {
        text.setLength(0);
        text.append("{\"method\":\"add_order\",\"params\":{\"order_type\":\"")
            .append(o.orderType == OrderIntent.LIMIT ? "limit" : "market")
            .append("\",\"side\":\"").append(Side.tradeName(o.side))
            .append("\",\"order_qty\":").append(DecimalText.toString(o.qty, o.qtyPrecision))
            .append(",\"symbol\":\"").append(symbol).append('"');
        if (o.orderType == OrderIntent.LIMIT)
        {
            text.append(",\"limit_price\":").append(DecimalText.toString(o.limitPrice, o.pricePrecision));
            if (o.postOnly)
            {
                text.append(",\"post_only\":true");
            }
        }
        text.append(",\"cl_ord_id\":\"").append(clOrdId)
            .append("\",\"deadline\":\"").append(Rfc3339.formatMicros(deadlineMicros)).append('"');
        return withToken(token, reqId);
    }

    String cancelOrder(final String clOrdId, final String token, final long reqId)
    {
        text.setLength(0);
        text.append("{\"method\":\"cancel_order\",\"params\":{\"cl_ord_id\":[\"").append(clOrdId).append("\"]");
        return withToken(token, reqId);
    }

    /** The dead-man switch: every open order is cancelled {@code timeoutSeconds} from now unless refreshed; 0 disables it. */
    String cancelAllOrdersAfter(final int timeoutSeconds, final String token, final long reqId)
    {
        text.setLength(0);
        text.append("{\"method\":\"cancel_all_orders_after\",\"params\":{\"timeout\":").append(timeoutSeconds);
        return withToken(token, reqId);
    }

    /** Every status transition, open orders and the last fills in the snapshot, and the rate counter. */
    String subscribeExecutions(final String token, final long reqId)
    {
        text.setLength(0);
        text.append("{\"method\":\"subscribe\",\"params\":{\"channel\":\"executions\",\"snap_orders\":true,")
            .append("\"snap_trades\":true,\"order_status\":true,\"ratecounter\":true");
        return withToken(token, reqId);
    }

    String subscribeBalances(final String token, final long reqId)
    {
        text.setLength(0);
        text.append("{\"method\":\"subscribe\",\"params\":{\"channel\":\"balances\",\"snapshot\":true");
        return withToken(token, reqId);
    }

    String ping(final long reqId)
    {
        text.setLength(0);
        return text.append("{\"method\":\"ping\",\"req_id\":").append(reqId).append('}').toString();
    }

    private String withToken(final String token, final long reqId)
    {
        // tokens are base64: nothing to escape
        return text.append(",\"token\":\"").append(token).append("\"},\"req_id\":").append(reqId).append('}').toString();
    }
}
