package io.tradingcore.adapters.kraken.auth;

import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.util.concurrent.ScheduledFuture;
import io.tradingcore.adapters.kraken.ControlJson;
import io.tradingcore.adapters.kraken.ControlRateLimiter;
import io.tradingcore.adapters.kraken.FeedEventWriter;
import io.tradingcore.adapters.kraken.FramePeek;
import io.tradingcore.adapters.kraken.KrakenConnection;
import io.tradingcore.adapters.kraken.KrakenWebSocketFrameReader;
import io.tradingcore.core.execution.OrderGateway;
import io.tradingcore.core.kraken.Channel;
import io.tradingcore.core.kraken.ExchangeStatus;
import io.tradingcore.core.market.SymbolTable;
import io.tradingcore.core.risk.OrderIntent;
import io.tradingcore.core.stage.ExecutionFeedback;
import io.tradingcore.core.stream.Environment;
import io.tradingcore.core.stream.Outbox;
import org.agrona.DirectBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.tradingcore.core.stream.EntryWriter.ascii;

/**
 * Live order entry on Kraken's authenticated WebSocket v2: one Netty connection on its own event-loop
 * thread. Each (re)connect fetches a fresh token, subscribes {@code executions} (open orders and the
 * last fills in the snapshot, the rate counter) and {@code balances}. {@link #submit} copies the intent
 * into an allocation-free ring and returns at once; the connection thread sends {@code add_order}
 * (with {@code cl_ord_id} and {@code deadline}) through the outbound token bucket, refreshes the
 * dead-man switch ({@code cancel_all_orders_after}) while armed, and turns execution reports into
 * stream entries and {@link ExecutionFeedback} records (it is that ring's one producer).
 * <p>
 * Orders leave only when constructed armed in {@link Environment#PRODUCTION}; otherwise every
 * submit is refused "not_armed" and nothing but the subscriptions is sent.
 * <p>
 * The fills of the first executions snapshot are history (before this run) and only remembered;
 * after a reconnect, snapshot fills not seen before are applied, and repeats are dropped by
 * {@code exec_id}. Fills and closes go to the feedback ring for this run's orders only.
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
    private static final String FILL_WHILE_AWAY = "fill_while_away";
    private static final String OPEN_ORDER_NOT_PLACED_HERE = "open_order_not_placed_here";
    private static final int REMEMBERED_ORDERS = 10_000;

    private final KrakenOrderSettings settings;
    private final boolean armed;
    private final WebSocketTokenClient tokens;
    private final SymbolTable symbols;
    private final ExecutionFeedback feedback;
    private final FeedEventWriter events;
    private final OrderStreamWriter streams;
    private final OrderCommands commands;
    private final OrderRequests requests = new OrderRequests();
    private final KrakenConnection connection;
    private final FillLedger ledger = new FillLedger();
    private final ExecutionRow row = new ExecutionRow();
    private final String clOrdIdPrefix;
    private final Map<Long, ClientOrder> ordersByIntent = bounded();
    private final Map<String, ClientOrder> ordersByClOrdId = bounded();
    /** add_order texts in the rate limiter's queue (by identity): rejected if the connection drops first. */
    private final Map<String, ClientOrder> unsent = new IdentityHashMap<>();
    /** What earlier reports said about each open order (a {@code new} report carries only ids). */
    private final Map<String, KnownOrder> knownOrders = new HashMap<>();
    private final Map<String, Integer> symbolIds = new HashMap<>();
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

    private volatile boolean ready;
    private volatile int exchangeStatus = ExchangeStatus.UNKNOWN;
    private volatile long tokensFetched;
    private volatile long deadManRequests;
    private volatile long duplicateFills;
    private volatile long ordersSent;
    private byte[] refusal = NOT_CONNECTED;

    private EventLoop loop;
    private ScheduledFuture<?> tick;
    private ControlRateLimiter limiter;
    private String token;
    private boolean historyLoaded;
    /** Event time of the risk state restored at start; fills after it happened while the core was away. */
    private long keptStateMicros = Long.MIN_VALUE;
    private long lastDeadManNanos;
    private long nextReqId = 1;

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
        this.tokens = tokens;
        this.symbols = symbols;
        this.feedback = feedback;
        this.events = new FeedEventWriter(outbox, settings.endpoint().toString());
        this.streams = new OrderStreamWriter(events.writer());
        this.commands = new OrderCommands(settings.queueCapacity());
        this.connection = new KrakenConnection(settings, "order connection", "connection closed by peer",
            "connection closed before the upgrade", events, new OrderSession());
        this.clOrdIdPrefix = (settings.clientOrderIdPrefix() != null ? settings.clientOrderIdPrefix()
            : Long.toString(Instant.now().getEpochSecond(), 36)) + "-";
    }

    private static <K> Map<K, ClientOrder> bounded()
    {
        // open orders are far fewer than this (Kraken caps them per pair); old closed ones age out
        return new LinkedHashMap<>(256, 0.75f, false)
        {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(final Map.Entry<K, ClientOrder> eldest)
            {
                return size() > REMEMBERED_ORDERS;
            }
        };
    }

    /**
     * Before {@link #start}: the event time of the risk state the launcher restored. The first executions
     * snapshot is then reconciled with it: each fill after that time, and each open order this process
     * did not place, is written to {@code events:bus} as a {@code reconcile_difference}.
     */
    public void reconcileWith(final long stateMicros)
    {
        keptStateMicros = stateMicros;
    }

    /** Starts the connection thread and the first token fetch; returns at once. */
    public void start()
    {
        loop = connection.start();
        loop.execute(this::onStart); // after the field is set: onStart schedules on the loop
    }

    /** Disables the dead-man switch (timeout 0) if armed, closes the connection and stops the thread; waits a few seconds. */
    public void stop()
    {
        connection.stop();
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
        if (!ready)
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
        if (!ready)
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
        return ready;
    }

    /** The cl_ord_id sent for intent {@code intentId}. */
    public String clientOrderId(final long intentId)
    {
        return clOrdIdPrefix + intentId;
    }

    public long tokensFetched()
    {
        return tokensFetched;
    }

    public long deadManRequests()
    {
        return deadManRequests;
    }

    /** Fills seen again (snapshot replays after a reconnect) and dropped. */
    public long duplicateFills()
    {
        return duplicateFills;
    }

    public long ordersSent()
    {
        return ordersSent;
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
        drainOutbound(System.nanoTime());
    }

    private void onStart()
    {
        final long now = System.nanoTime();
        limiter = new ControlRateLimiter(settings.messagesPerSecond(), settings.burst(), now);
        tick = loop.scheduleAtFixedRate(this::onTick, settings.tickMillis(), settings.tickMillis(), TimeUnit.MILLISECONDS);
        if (!armed)
        {
            LOG.info("Kraken order client is not armed: orders are refused, nothing but subscriptions is sent");
        }
        connection.connect();
    }

    private void onToken(final int gen, final WebSocketToken fetched, final Throwable failure)
    {
        if (!connection.current(gen))
        {
            return;
        }
        if (failure != null)
        {
            final Throwable cause = failure.getCause() instanceof KrakenAuthException ? failure.getCause() : failure;
            final String reason = cause instanceof KrakenAuthException ? cause.getMessage()
                : "GetWebSocketsToken failed: " + cause;
            streams.authError(reason, nowMicros());
            LOG.error("no Kraken WebSocket token, so no order connection: {}", reason);
            connection.onConnectFailed(reason);
            return;
        }
        tokensFetched++;
        token = fetched.token();
        connection.open(gen);
    }

    private void onTick()
    {
        final long now = System.nanoTime();
        commands.drain(commandHandler);
        if (connection.onTick(now) && ready && armed
            && now - lastDeadManNanos >= settings.deadManIntervalMillis() * 1_000_000L)
        {
            refreshDeadMan(now);
        }
        drainOutbound(now);
    }

    private void refreshDeadMan(final long now)
    {
        lastDeadManNanos = now;
        deadManRequests++;
        limiter.offerFirst(requests.cancelAllOrdersAfter(settings.deadManTimeoutSeconds(), token, nextReqId++));
    }

    private void sendOrder(final OrderIntent o)
    {
        final String symbol = o.symbolId >= 0 && o.symbolId < symbols.size() ? symbols.name(o.symbolId) : null;
        final ClientOrder order = new ClientOrder(o, clOrdIdPrefix + o.id, symbol);
        ordersByIntent.put(o.id, order);
        ordersByClOrdId.put(order.clOrdId, order);
        if (symbol == null)
        {
            closeOrder(order, "rejected", "unknown symbol id " + o.symbolId, nowMicros());
            return;
        }
        if (!armed || !ready || connection.session() == null)
        {
            closeOrder(order, "rejected", "not connected", nowMicros());
            return;
        }
        final String text = requests.addOrder(o, symbol, order.clOrdId,
            nowMicros() + settings.deadlineMillis() * 1000L, token, o.id);
        unsent.put(text, order);
        limiter.offer(text);
    }

    private void sendCancel(final long intentId)
    {
        final ClientOrder order = ordersByIntent.get(intentId);
        if (order == null || order.state == ClientOrder.CLOSED || !ready)
        {
            LOG.warn("cancel of intent {} not sent: {}", intentId,
                order == null ? "no such order" : order.state == ClientOrder.CLOSED ? "already closed" : "not connected");
            return;
        }
        limiter.offer(requests.cancelOrder(order.clOrdId, token, intentId));
    }

    private void drainOutbound(final long now)
    {
        final io.netty.channel.Channel ch = connection.session();
        if (ch == null)
        {
            return;
        }
        boolean wrote = false;
        for (String text = limiter.poll(now); text != null; text = limiter.poll(now))
        {
            ch.write(new TextWebSocketFrame(text));
            wrote = true;
            final ClientOrder order = unsent.remove(text);
            if (order != null)
            {
                order.state = ClientOrder.SENT;
                ordersSent++;
            }
        }
        if (wrote)
        {
            ch.flush();
        }
    }

    private void onMessage(final DirectBuffer buffer, final int offset, final int length)
    {
        connection.onFrame(System.nanoTime());
        final int kind = FramePeek.channel(buffer, offset, length);
        if (kind == Channel.HEARTBEAT || kind == Channel.PONG)
        {
            return;
        }
        final Map<String, Object> message = ControlJson.parseObject(buffer.getStringWithoutLengthUtf8(offset, length));
        if (message == null)
        {
            LOG.warn("unreadable frame on the order connection ({} bytes)", length);
            return;
        }
        final String channelName = ControlJson.string(message, "channel");
        if ("executions".equals(channelName))
        {
            onExecutions(message);
        }
        else if ("balances".equals(channelName))
        {
            onBalances(message);
        }
        else if ("status".equals(channelName))
        {
            onStatus(message);
        }
        else if (ControlJson.string(message, "method") != null)
        {
            onResponse(message);
        }
    }

    private void onResponse(final Map<String, Object> message)
    {
        final String method = ControlJson.string(message, "method");
        final boolean success = ControlJson.bool(message, "success", false);
        final long reqId = ControlJson.integer(message, "req_id", -1);
        final Map<String, Object> result = ControlJson.object(message, "result");
        final String error = ControlJson.string(message, "error");
        if (success)
        {
            if ("subscribe".equals(method) && "executions".equals(ControlJson.string(result, "channel")))
            {
                ready = true;
                if (armed)
                {
                    refreshDeadMan(System.nanoTime());
                }
            }
            else if ("add_order".equals(method))
            {
                final ClientOrder order = ordersByIntent.get(reqId);
                if (order != null && order.state != ClientOrder.CLOSED)
                {
                    order.orderId = ControlJson.string(result, "order_id");
                    order.state = ClientOrder.ACKED;
                }
            }
            return;
        }
        events.ackError(nowMicros(), method, ControlJson.string(result, "channel"), ControlJson.string(message, "symbol"),
            error, reqId);
        LOG.warn("{} refused: {}", method, error);
        if ("add_order".equals(method))
        {
            final ClientOrder order = ordersByIntent.get(reqId);
            if (order != null)
            {
                closeOrder(order, "rejected", error == null ? "add_order refused" : error, nowMicros());
            }
        }
        if (error != null && error.contains(INVALID_SESSION))
        {
            // the token went stale (Kraken upgrades do this): a new connection fetches a new one
            connection.close(INVALID_SESSION);
        }
    }

    private void onExecutions(final Map<String, Object> message)
    {
        final boolean snapshot = "snapshot".equals(ControlJson.string(message, "type"));
        final boolean history = snapshot && !historyLoaded;
        final Set<String> openInSnapshot = snapshot ? new HashSet<>() : null;
        final long now = nowMicros();
        for (final Map<String, Object> map : rows(message))
        {
            final ExecutionRow r = row.read(map);
            final KnownOrder known = r.orderId == null ? null : knownOrders.get(r.orderId);
            if (known != null)
            {
                known.fillIn(r);
            }
            if (history)
            {
                reconcile(r, now);
            }
            if (history && r.isTrade())
            {
                ledger.firstSight(r.execId);
                continue;
            }
            if (r.isTrade() && !ledger.firstSight(r.execId))
            {
                duplicateFills++;
                continue;
            }
            if (snapshot && !r.isTrade() && r.orderId != null && !r.isTerminal())
            {
                openInSnapshot.add(r.orderId);
            }
            // an open order in a snapshot is state, not a transition: kraken:orders only
            onReport(r, now, !snapshot || r.isTrade());
        }
        if (snapshot)
        {
            if (historyLoaded)
            {
                closeOrdersGoneWhileAway(openInSnapshot, now);
            }
            historyLoaded = true;
        }
    }

    /** What Kraken says at the first snapshot and the kept state does not know. */
    private void reconcile(final ExecutionRow r, final long now)
    {
        if (r.isTrade() && keptStateMicros != Long.MIN_VALUE && r.micros(now) > keptStateMicros)
        {
            streams.difference(FILL_WHILE_AWAY, r, now);
        }
        else if (!r.isTrade() && r.orderId != null && !r.isTerminal()
            && (r.clOrdId == null || !ordersByClOrdId.containsKey(r.clOrdId)))
        {
            streams.difference(OPEN_ORDER_NOT_PLACED_HERE, r, now);
        }
    }

    private void onReport(final ExecutionRow r, final long now, final boolean transition)
    {
        final ClientOrder ours = r.clOrdId == null ? null : ordersByClOrdId.get(r.clOrdId);
        final int symbolId = ours != null ? ours.symbolId : symbolId(r.symbol);
        final long micros = r.micros(now);
        if (r.isTrade())
        {
            streams.fill(r, symbolId, micros);
            final int side = r.sideCode();
            if (r.symbol != null && side >= 0)
            {
                streams.position(r.symbol, ledger.apply(r.symbol, side, r.lastQty, r.lastPrice), micros);
            }
            if (ours != null)
            {
                final long filled = ExecutionRow.scaled(r.lastQty, ours.qtyPrecision);
                ours.filled += filled;
                feedback.fill(ours.symbolId, ours.side, ExecutionRow.scaled(r.lastPrice, ours.pricePrecision),
                    filled, r.fee == null ? 0.0 : r.fee.doubleValue(), micros);
            }
        }
        if (transition)
        {
            streams.confirmation(r, symbolId, ours != null ? ours.intentId : 0, micros);
        }
        streams.orderState(r, symbolId, micros);
        if (ours != null && r.orderId != null && ours.state != ClientOrder.CLOSED)
        {
            ours.orderId = r.orderId;
            ours.state = ClientOrder.ACKED;
        }
        if (r.orderId != null)
        {
            if (r.isTerminal())
            {
                knownOrders.remove(r.orderId);
            }
            else
            {
                knownOrders.computeIfAbsent(r.orderId, id -> new KnownOrder()).learn(r);
            }
        }
        if (ours != null && r.isTerminal() && ours.state != ClientOrder.CLOSED)
        {
            ours.state = ClientOrder.CLOSED;
            feedback.orderClosed(ours.symbolId, ours.side, ours.unfilled());
        }
    }

    /** After a reconnect: our orders on Kraken that are not open any more and whose end we did not see. */
    private void closeOrdersGoneWhileAway(final Set<String> openInSnapshot, final long micros)
    {
        for (final ClientOrder o : new ArrayList<>(ordersByIntent.values()))
        {
            if ((o.state == ClientOrder.SENT || o.state == ClientOrder.ACKED)
                && (o.orderId == null || !openInSnapshot.contains(o.orderId)))
            {
                closeOrder(o, "closed", "not open after reconnect", micros);
            }
        }
    }

    private void closeOrder(final ClientOrder o, final String status, final String reason, final long micros)
    {
        if (o.state == ClientOrder.CLOSED)
        {
            return;
        }
        o.state = ClientOrder.CLOSED;
        streams.closed(o, status, reason, micros);
        feedback.orderClosed(o.symbolId, o.side, o.unfilled());
    }

    private void onBalances(final Map<String, Object> message)
    {
        final boolean snapshot = "snapshot".equals(ControlJson.string(message, "type"));
        final long now = nowMicros();
        for (final Map<String, Object> map : rows(message))
        {
            final BigDecimal amount = snapshot ? null : ExecutionRow.decimal(map, "amount");
            final BigDecimal fee = snapshot ? null : ExecutionRow.decimal(map, "fee");
            streams.balance(ControlJson.string(map, "asset"), ExecutionRow.decimal(map, "balance"), amount, fee,
                snapshot ? null : ControlJson.string(map, "type"), snapshot,
                ExecutionRow.micros(ControlJson.string(map, "timestamp"), now));
        }
    }

    private void onStatus(final Map<String, Object> message)
    {
        final List<Map<String, Object>> data = rows(message);
        if (data.isEmpty())
        {
            return;
        }
        final String system = ControlJson.string(data.get(0), "system");
        int status = ExchangeStatus.UNKNOWN;
        for (int s = ExchangeStatus.ONLINE; s <= ExchangeStatus.POST_ONLY; s++)
        {
            if (ExchangeStatus.name(s).equals(system))
            {
                status = s;
            }
        }
        exchangeStatus = status; // kraken:status gets the exchange's status from the public feed's frames
        connection.onExchangeStatus(status);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(final Map<String, Object> message)
    {
        final Object data = message.get("data");
        final List<Map<String, Object>> rows = new ArrayList<>();
        if (data instanceof List)
        {
            for (final Object item : (List<?>)data)
            {
                if (item instanceof Map)
                {
                    rows.add((Map<String, Object>)item);
                }
            }
        }
        return rows;
    }

    /** The id of an interned symbol (looked up, never interned here), or -1. */
    private int symbolId(final String name)
    {
        if (name == null)
        {
            return SymbolTable.NONE;
        }
        final Integer cached = symbolIds.get(name);
        if (cached != null)
        {
            return cached;
        }
        for (int id = 0; id < symbols.size(); id++)
        {
            if (name.equals(symbols.name(id)))
            {
                symbolIds.put(name, id);
                return id;
            }
        }
        return SymbolTable.NONE;
    }

    private static long nowMicros()
    {
        final Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1000;
    }

    /** The order client's part of the connection lifecycle: a token first, then executions and balances. */
    private final class OrderSession implements KrakenConnection.Session
    {
        @Override
        public long epochMicros(final long nowNanos)
        {
            return nowMicros();
        }

        @Override
        public void onConnect(final int generation)
        {
            ready = false;
            events.connectionState(nowMicros(), "fetching_token", connection.attempt(), null);
            try
            {
                tokens.fetch().whenComplete((fetched, failure) -> loop.execute(() -> onToken(generation, fetched, failure)));
            }
            catch (final RuntimeException ex)
            {
                onToken(generation, null, ex);
            }
        }

        @Override
        public void onSessionStart(final long nowNanos, final long epochMicros)
        {
            // nothing carries over: the executions snapshot after subscribing says what is open
        }

        @Override
        public void onSessionReady(final long nowNanos)
        {
            limiter.offer(requests.subscribeExecutions(token, nextReqId++));
            limiter.offer(requests.subscribeBalances(token, nextReqId++));
            drainOutbound(nowNanos);
        }

        @Override
        public void onSessionEnd(final long epochMicros, final boolean reconnecting)
        {
            ready = false;
            limiter.clear();
            for (final ClientOrder o : new ArrayList<>(unsent.values()))
            {
                closeOrder(o, "rejected", "connection lost before it was sent", epochMicros);
            }
            unsent.clear();
        }

        @Override
        public void sendPing()
        {
            limiter.offerFirst(requests.ping(nextReqId++));
        }

        @Override
        public void onPongTimeout()
        {
            // the pong_timeout entry is the record; the order client keeps no watchdog counter
        }

        @Override
        public void onTextMessage(final DirectBuffer buffer, final int offset, final int length)
        {
            onMessage(buffer, offset, length);
        }

        @Override
        public void onFrameEvent(final int event)
        {
            if (event == KrakenWebSocketFrameReader.PONG)
            {
                connection.onFrame(System.nanoTime());
            }
            else if (event == KrakenWebSocketFrameReader.BINARY_SKIPPED)
            {
                LOG.warn("binary message on the order connection skipped");
            }
        }

        @Override
        public void onStop(final io.netty.channel.Channel session)
        {
            ready = false;
            if (tick != null)
            {
                tick.cancel(false);
            }
            if (session != null && armed && token != null)
            {
                // a clean stop leaves no dead-man timer behind to cancel orders later
                session.write(new TextWebSocketFrame(requests.cancelAllOrdersAfter(0, token, nextReqId++)));
                deadManRequests++;
            }
        }
    }

    /** The fields of an open order that later reports leave out. */
    private static final class KnownOrder
    {
        String clOrdId;
        String symbol;
        String side;
        String orderType;
        BigDecimal orderQty;
        BigDecimal limitPrice;

        void learn(final ExecutionRow r)
        {
            clOrdId = r.clOrdId != null ? r.clOrdId : clOrdId;
            symbol = r.symbol != null ? r.symbol : symbol;
            side = r.side != null ? r.side : side;
            orderType = r.orderType != null ? r.orderType : orderType;
            orderQty = r.orderQty != null ? r.orderQty : orderQty;
            limitPrice = r.limitPrice != null ? r.limitPrice : limitPrice;
        }

        void fillIn(final ExecutionRow r)
        {
            r.clOrdId = r.clOrdId != null ? r.clOrdId : clOrdId;
            r.symbol = r.symbol != null ? r.symbol : symbol;
            r.side = r.side != null ? r.side : side;
            r.orderType = r.orderType != null ? r.orderType : orderType;
            r.orderQty = r.orderQty != null ? r.orderQty : orderQty;
            r.limitPrice = r.limitPrice != null ? r.limitPrice : limitPrice;
        }
    }
}
