package io.tradingcore.adapters.kraken.auth;

import io.netty.channel.EventLoop;
import io.tradingcore.adapters.kraken.ControlJson;
import io.tradingcore.adapters.kraken.FeedEventWriter;
import io.tradingcore.core.execution.OrderGateway;
import io.tradingcore.core.kraken.Channel;
import io.tradingcore.core.kraken.ExchangeStatus;
import io.tradingcore.core.kraken.ParseError;
import io.tradingcore.core.market.SymbolTable;
import io.tradingcore.core.risk.OrderIntent;
import io.tradingcore.core.risk.RiskState;
import io.tradingcore.core.stage.ExecutionFeedback;
import io.tradingcore.core.stream.Environment;
import io.tradingcore.core.stream.Outbox;
import org.agrona.DirectBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.tradingcore.core.stream.EntryWriter.ascii;

/**
 * Live order entry on Kraken's authenticated WebSocket v2 ({@link AuthenticatedSession}: token,
 * connection, dead-man switch). {@link #submit} copies the intent into an allocation-free ring and
 * returns at once; the connection thread sends {@code add_order} (with {@code cl_ord_id} and
 * {@code deadline}), and hands what Kraken reports, decoded by {@link PrivateChannelDecoder}, to
 * {@link LiveOrders} (order state, fills, the feedback ring) and the balance entries. A frame it cannot
 * use is counted and reported ({@link RejectedFrames}), and the connection goes on.
 * <p>
 * Orders leave only when constructed armed in {@link Environment#PRODUCTION}; otherwise every
 * submit is refused "not_armed" and nothing but the subscriptions is sent.
 */
public final class KrakenOrderClient implements OrderGateway, AutoCloseable
{
    public static final byte[] NOT_ARMED = ascii("not_armed");
    public static final byte[] NOT_CONNECTED = ascii("not_connected");
    public static final byte[] QUEUE_FULL = ascii("queue_full");
    public static final byte[] EXCHANGE_NOT_TRADING = ascii("exchange_not_trading");
    public static final byte[] EXCHANGE_POST_ONLY = ascii("exchange_post_only");

    private static final Logger LOG = LoggerFactory.getLogger(KrakenOrderClient.class);
    private static final String INVALID_SESSION = "ESession:Invalid session";
    /** The requests this client sends (ping's answer, pong, never gets here): a success for another is unplaceable. */
    private static final Set<String> METHODS_SENT = Set.of("add_order", "cancel_order", "cancel_all_orders_after", "subscribe");

    private final KrakenOrderSettings settings;
    private final boolean armed;
    private final FeedEventWriter events;
    private final OrderStreamWriter streams;
    private final OrderCommands commands;
    private final OrderRequests requests = new OrderRequests();
    private final AuthenticatedSession session;
    private final LiveOrders orders;
    private final BalanceReconciliation balances;
    private final SymbolTable symbols;
    private final PrivateChannelDecoder decoder = new PrivateChannelDecoder();
    private final RejectedFrames rejected;
    private final String clOrdIdPrefix;
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final Runnable drainTask = this::onDrainRequested;
    private final OrderCommands.Handler commandHandler = new OrderCommands.Handler()
    {
        @Override
        public void onSubmit(final OrderIntent intent)
        {
            sendOrder(intent);
        }

        @Override
        public void onCancel(final long intentId)
        {
            sendCancel(intentId);
        }
    };
    private final PrivateChannelDecoder.Handler reports = new PrivateChannelDecoder.Handler()
    {
        @Override
        public void onExecution(final ExecutionRow row, final boolean snapshot)
        {
            orders.onExecution(row, snapshot, session.nowMicros());
        }

        @Override
        public void onExecutionsEnd(final boolean snapshot)
        {
            orders.onExecutionsEnd(snapshot, session.nowMicros());
        }

        @Override
        public void onBalance(final BalanceRow row, final boolean snapshot)
        {
            final long now = session.nowMicros();
            streams.balance(row, snapshot, row.micros(now));
            if (snapshot)
            {
                balances.onSnapshotRow(row, now);
            }
        }

        @Override
        public void onBalancesEnd(final boolean snapshot)
        {
            if (snapshot)
            {
                balances.onSnapshotEnd(session.nowMicros());
            }
        }

        @Override
        public void onRejected(final int error, final int channel, final int position, final DirectBuffer frame,
            final int offset, final int length)
        {
            rejected.reject(error, channel, position, frame, offset, length, session.nowMicros());
        }
    };

    private volatile int exchangeStatus = ExchangeStatus.UNKNOWN;
    private volatile long ordersSent;
    private byte[] refusal = NOT_CONNECTED;
    private EventLoop loop;

    /**
     * @param armed      the operator's go-ahead; orders leave only if this is true AND {@code environment}
     *                   is {@link Environment#PRODUCTION}
     * @param symbols    the shared table, every traded symbol already interned (this thread never interns)
     * @param feedback   fills and closed orders for the risk stage; this client's thread is its one producer
     */
    public KrakenOrderClient(
        final KrakenOrderSettings settings,
        final Environment environment,
        final boolean armed,
        final WebSocketTokenClient tokens,
        final SymbolTable symbols,
        final Outbox outbox,
        final ExecutionFeedback feedback)
    {
        this.settings = settings.validate();
        this.armed = armed && environment == Environment.PRODUCTION;
        this.events = new FeedEventWriter(outbox, settings.endpoint().toString());
        this.rejected = new RejectedFrames(events);
        this.streams = new OrderStreamWriter(events.writer());
        this.commands = new OrderCommands(settings.queueCapacity());
        this.orders = new LiveOrders(symbols, feedback, streams);
        this.balances = new BalanceReconciliation(streams);
        this.symbols = symbols;
        this.session = new AuthenticatedSession(settings, this.armed, tokens, events, streams, new SessionListener());
        this.clOrdIdPrefix = (settings.clientOrderIdPrefix() != null ? settings.clientOrderIdPrefix()
            : Long.toString(Instant.now().getEpochSecond(), 36)) + "-";
    }

    /**
     * Before {@link #start}: the risk state the launcher restored. Kraken's first snapshots are then
     * reconciled with it, each difference a {@code reconcile_difference} on {@code events:bus}: every fill
     * after the state's event time and every open order this process did not place (executions), and
     * every traded base asset whose balance is not the kept position (balances).
     */
    public void reconcileWith(final RiskState kept)
    {
        orders.reconcileWith(kept.eventMicros);
        balances.keep(kept, symbols);
    }

    /** Starts the connection thread and the first token fetch; returns at once. */
    public void start()
    {
        loop = session.start();
    }

    /** Disables the dead-man switch (timeout 0) if armed, closes the connection and stops the thread; waits a few seconds. */
    public void stop()
    {
        session.stop();
    }

    @Override
    public void close()
    {
        stop();
    }

    /**
     * Execution stage: queues the intent for the connection thread and returns at once, without
     * allocating. False, with {@link #refusal()}, when not armed, not connected, the exchange does not
     * take this order now, or the queue is full.
     */
    @Override
    public boolean submit(final OrderIntent intent, final long nowMicros)
    {
        if (!armed)
        {
            return refuse(NOT_ARMED);
        }
        if (!session.ready())
        {
            return refuse(NOT_CONNECTED);
        }
        final int status = exchangeStatus;
        if (status == ExchangeStatus.MAINTENANCE || status == ExchangeStatus.CANCEL_ONLY)
        {
            return refuse(EXCHANGE_NOT_TRADING);
        }
        if (status == ExchangeStatus.POST_ONLY && !(intent.orderType == OrderIntent.LIMIT && intent.postOnly))
        {
            return refuse(EXCHANGE_POST_ONLY);
        }
        if (!commands.offerSubmit(intent))
        {
            return refuse(QUEUE_FULL);
        }
        wake();
        return true;
    }

    /** Asks Kraken to cancel the order placed for intent {@code intentId} (by its cl_ord_id); same refusals as submit. */
    public boolean cancel(final long intentId)
    {
        if (!armed)
        {
            return refuse(NOT_ARMED);
        }
        if (!session.ready())
        {
            return refuse(NOT_CONNECTED);
        }
        if (!commands.offerCancel(intentId))
        {
            return refuse(QUEUE_FULL);
        }
        wake();
        return true;
    }

    @Override
    public byte[] refusal()
    {
        return refusal;
    }

    /** Orders leave for Kraken (armed in production). */
    public boolean armed()
    {
        return armed;
    }

    /** Connected, token accepted and executions subscribed: submit() takes orders. */
    public boolean ready()
    {
        return session.ready();
    }

    /** The cl_ord_id sent for intent {@code intentId}. */
    public String clientOrderId(final long intentId)
    {
        return clOrdIdPrefix + intentId;
    }

    public long tokensFetched()
    {
        return session.tokensFetched();
    }

    public long deadManRequests()
    {
        return session.deadManRequests();
    }

    /** Fills seen again (snapshot replays after a reconnect) and dropped. */
    public long duplicateFills()
    {
        return orders.duplicateFills();
    }

    public long ordersSent()
    {
        return ordersSent;
    }

    /** Frames rejected (each on kraken:errors) for {@code reason}, a {@link ParseError}; NONE: of no known channel or request. Any thread. */
    public long framesRejected(final int reason)
    {
        return rejected.count(reason);
    }

    /** Frames rejected for any reason. Any thread. */
    public long framesRejected()
    {
        return rejected.count();
    }

    private boolean refuse(final byte[] reason)
    {
        refusal = reason;
        return false;
    }

    private void wake()
    {
        // one wake-up in flight at most: the task is a field, so this allocates nothing per order
        if (drainScheduled.compareAndSet(false, true))
        {
            loop.execute(drainTask);
        }
    }

    private void onDrainRequested()
    {
        drainScheduled.set(false);
        commands.drain(commandHandler);
        session.flush(System.nanoTime());
    }

    private void sendOrder(final OrderIntent o)
    {
        final ClientOrder order = orders.place(o, clOrdIdPrefix + o.id);
        if (order.symbol == null)
        {
            orders.close(order, "rejected", "unknown symbol id " + o.symbolId, session.nowMicros());
            return;
        }
        if (!armed || !session.open())
        {
            orders.close(order, "rejected", "not connected", session.nowMicros());
            return;
        }
        final String text = requests.addOrder(o, order.symbol, order.clOrdId,
            session.nowMicros() + settings.deadlineMillis() * 1000L, session.token(), o.id);
        orders.queued(text, order);
        session.offer(text);
    }

    private void sendCancel(final long intentId)
    {
        final ClientOrder order = orders.byIntent(intentId);
        if (order == null || order.state == ClientOrder.CLOSED || !session.ready())
        {
            LOG.warn("cancel of intent {} not sent: {}", intentId,
                order == null ? "no such order" : order.state == ClientOrder.CLOSED ? "already closed" : "not connected");
            return;
        }
        session.offer(requests.cancelOrder(order.clOrdId, session.token(), intentId));
    }

    private void onMessage(final DirectBuffer buffer, final int offset, final int length)
    {
        if (decoder.decode(buffer, offset, length, reports) != Channel.UNKNOWN)
        {
            return;
        }
        final Map<String, Object> message = ControlJson.parseObject(buffer.getStringWithoutLengthUtf8(offset, length));
        final String channel = ControlJson.string(message, "channel");
        if (message == null)
        {
            rejected.reject(ParseError.SYNTAX, Channel.UNKNOWN, 0, buffer, offset, length, session.nowMicros());
        }
        else if ("status".equals(channel))
        {
            if (!onStatus(message))
            {
                rejected.reject(ParseError.MISSING_FIELD, Channel.STATUS, 0, buffer, offset, length, session.nowMicros());
            }
        }
        else if (channel != null || !onResponse(message))
        {
            rejected.reject(ParseError.NONE, channel != null ? Channel.UNKNOWN : Channel.METHOD_RESPONSE, 0, buffer, offset,
                length, session.nowMicros());
        }
    }

    /** False when it is no answer this client can place: to a request it never sends, or saying neither success nor error. */
    private boolean onResponse(final Map<String, Object> message)
    {
        final String method = ControlJson.string(message, "method");
        final long reqId = ControlJson.integer(message, "req_id", -1);
        final Map<String, Object> result = ControlJson.object(message, "result");
        final String error = ControlJson.string(message, "error");
        if (ControlJson.bool(message, "success", false))
        {
            if (method == null || !METHODS_SENT.contains(method)) // Set.of refuses to look up null
            {
                return false;
            }
            if ("subscribe".equals(method) && "executions".equals(ControlJson.string(result, "channel")))
            {
                session.onExecutionsSubscribed();
            }
            else if ("add_order".equals(method))
            {
                orders.onAccepted(reqId, ControlJson.string(result, "order_id"));
            }
            return true;
        }
        if (error == null && !message.containsKey("success"))
        {
            return false;
        }
        events.ackError(session.nowMicros(), method, ControlJson.string(result, "channel"),
            ControlJson.string(message, "symbol"), error, reqId);
        LOG.warn("{} refused: {}", method, error);
        if ("add_order".equals(method))
        {
            orders.onRefused(reqId, error, session.nowMicros());
        }
        if (error != null && error.contains(INVALID_SESSION))
        {
            session.onInvalidSession(INVALID_SESSION);
        }
        return true;
    }

    /** False when it carries no status. */
    private boolean onStatus(final Map<String, Object> message)
    {
        final List<Object> data = ControlJson.asArray(message.get("data"));
        if (data == null || data.isEmpty())
        {
            return false;
        }
        final String system = ControlJson.string(ControlJson.asObject(data.get(0)), "system");
        int status = ExchangeStatus.UNKNOWN;
        for (int s = ExchangeStatus.ONLINE; s <= ExchangeStatus.POST_ONLY; s++)
        {
            if (ExchangeStatus.name(s).equals(system))
            {
                status = s;
            }
        }
        exchangeStatus = status; // kraken:status gets the exchange's status from the public feed's frames
        session.onExchangeStatus(status);
        return true;
    }

    /** What the session hands up, on the connection thread. */
    private final class SessionListener implements AuthenticatedSession.Listener
    {
        @Override
        public void onTick(final long nowNanos)
        {
            commands.drain(commandHandler);
            rejected.logSince(nowNanos);
        }

        @Override
        public void onMessage(final DirectBuffer buffer, final int offset, final int length)
        {
            KrakenOrderClient.this.onMessage(buffer, offset, length);
        }

        @Override
        public void onSent(final String text)
        {
            if (orders.onSent(text))
            {
                ordersSent++;
            }
        }

        @Override
        public void onSessionEnd(final long epochMicros)
        {
            orders.onSessionEnd(epochMicros);
        }
    }
}
