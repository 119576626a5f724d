package io.tradingcore.adapters.kraken.auth;

import io.tradingcore.core.market.SymbolTable;
import io.tradingcore.core.risk.OrderIntent;
import io.tradingcore.core.stage.ExecutionFeedback;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What the order client knows of orders: the ones this run placed, by intent and by {@code cl_ord_id},
 * from queued to closed; what earlier reports said of every open order (a {@code new} report carries
 * only ids); and the fills, de-duplicated by {@code exec_id} in the {@link FillLedger}. It turns each
 * execution report into stream entries and, for this run's orders, fills and closes on the
 * {@link ExecutionFeedback} ring (whose one producer is the connection thread).
 * <p>
 * The fills of the first executions snapshot are history (before this run) and only remembered;
 * after a reconnect, snapshot fills not seen before are applied, and repeats are dropped. The first
 * snapshot is also reconciled with the state kept across a restart: each fill after it, and each open
 * order this process did not place, is a difference on {@code events:bus}. Connection thread only.
 */
final class LiveOrders
{
    private static final String FILL_WHILE_AWAY = "fill_while_away";
    private static final String OPEN_ORDER_NOT_PLACED_HERE = "open_order_not_placed_here";
    private static final int REMEMBERED_ORDERS = 10_000;

    private final SymbolTable symbols;
    private final ExecutionFeedback feedback;
    private final OrderStreamWriter streams;
    private final FillLedger ledger = new FillLedger();
    private final Map<Long, ClientOrder> byIntent = bounded();
    private final Map<String, ClientOrder> byClOrdId = bounded();
    /** add_order texts in the rate limiter's queue (by identity): rejected if the connection drops first. */
    private final Map<String, ClientOrder> unsent = new IdentityHashMap<>();
    private final Map<String, KnownOrder> knownOrders = new HashMap<>();
    private final Map<String, Integer> symbolIds = new HashMap<>();
    private final Set<String> openInSnapshot = new HashSet<>();

    private volatile long duplicateFills;
    private boolean historyLoaded;
    /** Event time of the risk state restored at start; fills after it happened while the core was away. */
    private long keptStateMicros = Long.MIN_VALUE;

    LiveOrders(final SymbolTable symbols, final ExecutionFeedback feedback, final OrderStreamWriter streams)
    {
        this.symbols = symbols;
        this.feedback = feedback;
        this.streams = streams;
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

    /** The first executions snapshot is reconciled with the state kept up to {@code stateMicros}. */
    void reconcileWith(final long stateMicros)
    {
        keptStateMicros = stateMicros;
    }

    /** Fills seen again (snapshot replays after a reconnect) and dropped. Any thread. */
    long duplicateFills()
    {
        return duplicateFills;
    }

    /** Registers the order for intent {@code o} under {@code clOrdId}; its symbol is null when the id is unknown. */
    ClientOrder place(final OrderIntent o, final String clOrdId)
    {
        final String symbol = o.symbolId >= 0 && o.symbolId < symbols.size() ? symbols.name(o.symbolId) : null;
        final ClientOrder order = new ClientOrder(o, clOrdId, symbol);
        byIntent.put(o.id, order);
        byClOrdId.put(clOrdId, order);
        return order;
    }

    /** The order placed for intent {@code intentId}, or null. */
    ClientOrder byIntent(final long intentId)
    {
        return byIntent.get(intentId);
    }

    /** {@code order}'s add_order text is queued behind the token bucket. */
    void queued(final String text, final ClientOrder order)
    {
        unsent.put(text, order);
    }

    /** True when {@code text} was an order's add_order: it is now on the wire. */
    boolean onSent(final String text)
    {
        final ClientOrder order = unsent.remove(text);
        if (order == null)
        {
            return false;
        }
        order.state = ClientOrder.SENT;
        return true;
    }

    /** The connection dropped: the orders still queued never left. */
    void onSessionEnd(final long micros)
    {
        for (final ClientOrder o : new ArrayList<>(unsent.values()))
        {
            close(o, "rejected", "connection lost before it was sent", micros);
        }
        unsent.clear();
    }

    /** add_order succeeded for intent {@code reqId}. */
    void onAccepted(final long reqId, final String orderId)
    {
        final ClientOrder order = byIntent.get(reqId);
        if (order != null && order.state != ClientOrder.CLOSED)
        {
            order.orderId = orderId;
            order.state = ClientOrder.ACKED;
        }
    }

    /** add_order was refused for intent {@code reqId}. */
    void onRefused(final long reqId, final String error, final long micros)
    {
        final ClientOrder order = byIntent.get(reqId);
        if (order != null)
        {
            close(order, "rejected", error == null ? "add_order refused" : error, micros);
        }
    }

    /** Ends {@code o} without a report of its own (rejected, or gone while away), once. */
    void close(final ClientOrder o, final String status, final String reason, final long micros)
    {
        if (o.state == ClientOrder.CLOSED)
        {
            return;
        }
        o.state = ClientOrder.CLOSED;
        streams.closed(o, status, reason, micros);
        feedback.orderClosed(o.symbolId, o.side, o.unfilled());
    }

    /** One row of an executions message; {@code now} stands in for a row without a time. */
    void onExecution(final ExecutionRow r, final boolean snapshot, final long now)
    {
        final boolean history = snapshot && !historyLoaded;
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
            return;
        }
        if (r.isTrade() && !ledger.firstSight(r.execId))
        {
            duplicateFills++;
            return;
        }
        if (snapshot && !r.isTrade() && r.orderId != null && !r.isTerminal())
        {
            openInSnapshot.add(r.orderId);
        }
        // an open order in a snapshot is state, not a transition: kraken:orders only
        onReport(r, now, !snapshot || r.isTrade());
    }

    /** The end of an executions message. */
    void onExecutionsEnd(final boolean snapshot, final long now)
    {
        if (!snapshot)
        {
            return;
        }
        if (historyLoaded)
        {
            closeOrdersGoneWhileAway(now);
        }
        historyLoaded = true;
        openInSnapshot.clear();
    }

    /** What Kraken says at the first snapshot and the kept state does not know. */
    private void reconcile(final ExecutionRow r, final long now)
    {
        if (r.isTrade() && keptStateMicros != Long.MIN_VALUE && r.micros(now) > keptStateMicros)
        {
            streams.difference(FILL_WHILE_AWAY, r, now);
        }
        else if (!r.isTrade() && r.orderId != null && !r.isTerminal()
            && (r.clOrdId == null || !byClOrdId.containsKey(r.clOrdId)))
        {
            streams.difference(OPEN_ORDER_NOT_PLACED_HERE, r, now);
        }
    }

    private void onReport(final ExecutionRow r, final long now, final boolean transition)
    {
        final ClientOrder ours = r.clOrdId == null ? null : byClOrdId.get(r.clOrdId);
        final int symbolId = ours != null ? ours.symbolId : symbolId(r.symbol);
        final long micros = r.micros(now);
        if (r.isTrade())
        {
            streams.fill(r, symbolId, micros);
            final int side = r.sideCode();
            if (r.symbol != null && side >= 0)
            {
                streams.position(r.symbol, ledger.apply(r.symbol, side, r.lastQty.toBigDecimal(),
                    r.lastPrice.toBigDecimal()), micros);
            }
            if (ours != null)
            {
                final long filled = r.lastQty.at(ours.qtyPrecision);
                ours.filled += filled;
                feedback.fill(ours.symbolId, ours.side, r.lastPrice.at(ours.pricePrecision), filled,
                    r.fee.present() ? r.fee.toBigDecimal().doubleValue() : 0.0, micros);
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
    private void closeOrdersGoneWhileAway(final long micros)
    {
        for (final ClientOrder o : new ArrayList<>(byIntent.values()))
        {
            if ((o.state == ClientOrder.SENT || o.state == ClientOrder.ACKED)
                && (o.orderId == null || !openInSnapshot.contains(o.orderId)))
            {
                close(o, "closed", "not open after reconnect", micros);
            }
        }
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

    /** The fields of an open order that later reports leave out. */
    private static final class KnownOrder
    {
        String clOrdId;
        String symbol;
        String side;
        String orderType;
        final KrakenDecimal orderQty = new KrakenDecimal();
        final KrakenDecimal limitPrice = new KrakenDecimal();

        void learn(final ExecutionRow r)
        {
            clOrdId = r.clOrdId != null ? r.clOrdId : clOrdId;
            symbol = r.symbol != null ? r.symbol : symbol;
            side = r.side != null ? r.side : side;
            orderType = r.orderType != null ? r.orderType : orderType;
            if (r.orderQty.present())
            {
                orderQty.set(r.orderQty);
            }
            if (r.limitPrice.present())
            {
                limitPrice.set(r.limitPrice);
            }
        }

        void fillIn(final ExecutionRow r)
        {
            r.clOrdId = r.clOrdId != null ? r.clOrdId : clOrdId;
            r.symbol = r.symbol != null ? r.symbol : symbol;
            r.side = r.side != null ? r.side : side;
            r.orderType = r.orderType != null ? r.orderType : orderType;
            if (!r.orderQty.present())
            {
                r.orderQty.set(orderQty);
            }
            if (!r.limitPrice.present())
            {
                r.limitPrice.set(limitPrice);
            }
        }
    }
}
