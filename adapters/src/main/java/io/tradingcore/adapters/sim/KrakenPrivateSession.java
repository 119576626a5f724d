package io.tradingcore.adapters.sim;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.util.ReferenceCountUtil;
import io.tradingcore.adapters.kraken.ControlJson;
import io.tradingcore.core.time.Rfc3339;
import org.agrona.concurrent.UnsafeBuffer;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * One connection to the simulator's authenticated WebSocket: checks the token on every request
 * ("ESession:Invalid session" otherwise), handles add_order, cancel_order, cancel_all,
 * cancel_all_orders_after and ping, and streams the executions and balances channels it subscribed,
 * each message with its own {@code sequence}. Runs on the simulator's thread.
 */
final class KrakenPrivateSession extends ChannelInboundHandlerAdapter
{
    private static final String INVALID_SESSION = "ESession:Invalid session";

    private final KrakenPrivateEndpoint endpoint;
    private ChannelHandlerContext ctx;
    private boolean open;
    private boolean executions;
    private boolean balances;
    private long executionsSequence;
    private long balancesSequence;
    private long lastSendNanos;

    KrakenPrivateSession(final KrakenPrivateEndpoint endpoint)
    {
        this.endpoint = endpoint;
    }

    @Override
    public void userEventTriggered(final ChannelHandlerContext ctx, final Object event)
    {
        if (event instanceof WebSocketServerProtocolHandler.HandshakeComplete)
        {
            this.ctx = ctx;
            open = true;
            endpoint.onSessionOpen(this);
        }
        ctx.fireUserEventTriggered(event);
    }

    @Override
    public void channelRead(final ChannelHandlerContext ctx, final Object msg)
    {
        try
        {
            if (msg instanceof TextWebSocketFrame)
            {
                onRequest(((TextWebSocketFrame)msg).text());
            }
        }
        finally
        {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void channelInactive(final ChannelHandlerContext ctx)
    {
        if (open)
        {
            open = false;
            endpoint.onSessionClosed(this);
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
    {
        ctx.close();
    }

    void send(final String text)
    {
        send(new TextWebSocketFrame(text));
    }

    /** {@code text} as it is, valid UTF-8 or not. */
    void send(final byte[] text)
    {
        send(new TextWebSocketFrame(Unpooled.wrappedBuffer(text)));
    }

    private void send(final TextWebSocketFrame frame)
    {
        if (open)
        {
            lastSendNanos = System.nanoTime();
            ctx.writeAndFlush(frame);
        }
        else
        {
            frame.release();
        }
    }

    void drop()
    {
        ctx.channel().close();
    }

    void execution(final String row)
    {
        if (executions)
        {
            send(channelMessage("executions", "update", List.of(row), ++executionsSequence));
        }
    }

    void balance(final String row)
    {
        if (balances)
        {
            send(channelMessage("balances", "update", List.of(row), ++balancesSequence));
        }
    }

    void heartbeatIfIdle(final long nowNanos, final long idleNanos)
    {
        if ((executions || balances) && nowNanos - lastSendNanos >= idleNanos)
        {
            send(SyntheticMarket.HEARTBEAT);
        }
    }

    private void onRequest(final String text)
    {
        final long timeIn = KrakenSimulatorSession.nowMicros();
        endpoint.onRequest(text);
        final Map<String, Object> request = ControlJson.parseObject(text);
        final String method = ControlJson.string(request, "method");
        final long reqId = ControlJson.integer(request, "req_id", -1);
        final Map<String, Object> params = ControlJson.object(request, "params");
        if ("ping".equals(method))
        {
            send(KrakenSimulatorSession.pong(reqId, timeIn));
            return;
        }
        if (method == null)
        {
            send(KrakenSimulatorSession.error(null, "EGeneral:Invalid arguments", null, reqId, timeIn));
            return;
        }
        if (!endpoint.validToken(ControlJson.string(params, "token")))
        {
            send(KrakenSimulatorSession.error(method, INVALID_SESSION, null, reqId, timeIn));
            return;
        }
        switch (method)
        {
            case "subscribe":
                subscribe(params, reqId, timeIn);
                break;
            case "add_order":
                addOrder(params, reqId, timeIn);
                break;
            case "cancel_order":
                cancelOrder(params, reqId, timeIn);
                break;
            case "cancel_all":
                send(success("cancel_all", reqId, "{\"count\":" + endpoint.account().cancelAll("User requested") + '}',
                    timeIn));
                break;
            case "cancel_all_orders_after":
                cancelAllOrdersAfter(params, reqId, timeIn);
                break;
            default:
                send(KrakenSimulatorSession.error(method, "EGeneral:Invalid arguments", null, reqId, timeIn));
        }
    }

    private void subscribe(final Map<String, Object> params, final long reqId, final long timeIn)
    {
        final String channel = ControlJson.string(params, "channel");
        final KrakenPrivateAccount account = endpoint.account();
        if ("executions".equals(channel))
        {
            final boolean snapOrders = ControlJson.bool(params, "snap_orders", true);
            final boolean snapTrades = ControlJson.bool(params, "snap_trades", false);
            executions = true;
            send(success("subscribe", reqId, "{\"channel\":\"executions\",\"maxratecount\":125,\"snap_orders\":"
                + snapOrders + ",\"snap_trades\":" + snapTrades + '}', timeIn));
            send(channelMessage("executions", "snapshot", account.snapshotRows(snapOrders, snapTrades),
                ++executionsSequence));
        }
        else if ("balances".equals(channel))
        {
            final boolean snapshot = ControlJson.bool(params, "snapshot", true);
            balances = true;
            send(success("subscribe", reqId, "{\"channel\":\"balances\",\"snapshot\":" + snapshot + '}', timeIn));
            if (snapshot)
            {
                send(channelMessage("balances", "snapshot", account.balanceSnapshotRows(), ++balancesSequence));
            }
        }
        else
        {
            send(KrakenSimulatorSession.error("subscribe", "Channel not supported", null, reqId, timeIn));
        }
    }

    private void addOrder(final Map<String, Object> params, final long reqId, final long timeIn)
    {
        final KrakenPrivateAccount.Order o = new KrakenPrivateAccount.Order();
        o.symbol = ControlJson.string(params, "symbol");
        o.side = ControlJson.string(params, "side");
        o.orderType = ControlJson.string(params, "order_type");
        o.clOrdId = ControlJson.string(params, "cl_ord_id");
        o.qty = decimal(params, "order_qty");
        o.limitPrice = decimal(params, "limit_price");
        o.postOnly = ControlJson.bool(params, "post_only", false);
        final String deadline = ControlJson.string(params, "deadline");
        final String refusal;
        if (o.symbol == null || !endpoint.serves(o.symbol))
        {
            refusal = "EQuery:Unknown asset pair";
        }
        else if (!"buy".equals(o.side) && !"sell".equals(o.side)
            || !"market".equals(o.orderType) && !"limit".equals(o.orderType)
            || o.qty == null || o.qty.signum() <= 0
            || "limit".equals(o.orderType) && (o.limitPrice == null || o.limitPrice.signum() <= 0))
        {
            refusal = "EGeneral:Invalid arguments";
        }
        else if (deadline != null && deadlinePassed(deadline, timeIn))
        {
            refusal = "EOrder:Deadline elapsed";
        }
        else if (o.clOrdId != null && endpoint.account().clOrdIdOpen(o.clOrdId))
        {
            refusal = "EOrder:Duplicate cl_ord_id";
        }
        else
        {
            refusal = null;
        }
        if (refusal != null)
        {
            send(KrakenSimulatorSession.error("add_order", refusal, null, reqId, timeIn));
            return;
        }
        if (!"limit".equals(o.orderType))
        {
            o.limitPrice = null;
        }
        o.orderId = endpoint.account().nextOrderId();
        send(success("add_order", reqId, "{\"order_id\":\"" + o.orderId + '"'
            + (o.clOrdId != null ? ",\"cl_ord_id\":\"" + o.clOrdId + '"' : "") + '}', timeIn));
        endpoint.account().place(o);
    }

    private void cancelOrder(final Map<String, Object> params, final long reqId, final long timeIn)
    {
        final List<String> orderIds = ControlJson.strings(params, "order_id");
        final List<String> clOrdIds = ControlJson.strings(params, "cl_ord_id");
        if (orderIds.isEmpty() && clOrdIds.isEmpty())
        {
            send(KrakenSimulatorSession.error("cancel_order", "EGeneral:Invalid arguments", null, reqId, timeIn));
            return;
        }
        for (final String orderId : orderIds)
        {
            cancelOne(orderId, null, reqId, timeIn);
        }
        for (final String clOrdId : clOrdIds)
        {
            cancelOne("", clOrdId, reqId, timeIn);
        }
    }

    private void cancelOne(final String orderId, final String clOrdId, final long reqId, final long timeIn)
    {
        final KrakenPrivateAccount.Order o = endpoint.account().find(orderId, clOrdId);
        if (o == null)
        {
            send(KrakenSimulatorSession.error("cancel_order", "EOrder:Unknown order", null, reqId, timeIn));
            return;
        }
        // one ack per order, then the canceled report on executions
        send(success("cancel_order", reqId, "{\"order_id\":\"" + o.orderId + '"'
            + (o.clOrdId != null ? ",\"cl_ord_id\":\"" + o.clOrdId + '"' : "") + '}', timeIn));
        endpoint.account().cancel(o.orderId, null, "User requested");
    }

    private void cancelAllOrdersAfter(final Map<String, Object> params, final long reqId, final long timeIn)
    {
        final long timeout = ControlJson.integer(params, "timeout", -1);
        if (timeout < 0 || timeout >= 86_400)
        {
            send(KrakenSimulatorSession.error("cancel_all_orders_after", "EGeneral:Invalid arguments", null, reqId,
                timeIn));
            return;
        }
        endpoint.deadMan((int)timeout);
        final long now = KrakenSimulatorSession.nowMicros();
        send(success("cancel_all_orders_after", reqId, "{\"currentTime\":\"" + Rfc3339.formatMicros(now)
            + "\",\"triggerTime\":\"" + (timeout == 0 ? "0" : Rfc3339.formatMicros(now + timeout * 1_000_000L)) + "\"}",
            timeIn));
    }

    private static String success(final String method, final long reqId, final String result, final long timeIn)
    {
        final StringBuilder text = new StringBuilder(256).append("{\"method\":\"").append(method).append('"');
        if (reqId >= 0)
        {
            text.append(",\"req_id\":").append(reqId);
        }
        text.append(",\"result\":").append(result).append(",\"success\":true");
        return KrakenSimulatorSession.times(text, timeIn).append('}').toString();
    }

    private static String channelMessage(final String channel, final String type, final List<String> rows,
        final long sequence)
    {
        return "{\"channel\":\"" + channel + "\",\"type\":\"" + type + "\",\"data\":[" + String.join(",", rows)
            + "],\"sequence\":" + sequence + '}';
    }

    private static BigDecimal decimal(final Map<String, Object> params, final String key)
    {
        final Object value = params == null ? null : params.get(key);
        return value instanceof BigDecimal ? (BigDecimal)value : null;
    }

    /** add_order's {@code deadline} (RFC 3339): an order arriving after it, or with an unreadable one, is refused. */
    private static boolean deadlinePassed(final String deadline, final long nowMicros)
    {
        final byte[] bytes = deadline.getBytes(StandardCharsets.US_ASCII);
        final long micros = Rfc3339.parseMicros(new UnsafeBuffer(bytes), 0, bytes.length);
        return micros == Rfc3339.INVALID || micros < nowMicros;
    }
}
