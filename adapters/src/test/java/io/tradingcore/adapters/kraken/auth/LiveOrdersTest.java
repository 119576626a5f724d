package io.tradingcore.adapters.kraken.auth;

import io.tradingcore.core.kraken.Side;
import io.tradingcore.core.market.SymbolTable;
import io.tradingcore.core.risk.OrderIntent;
import io.tradingcore.core.stage.ExecutionFeedback;
import io.tradingcore.core.stage.OutboxEntries;
import io.tradingcore.core.stream.EntryWriter;
import io.tradingcore.core.stream.Outbox;
import io.tradingcore.core.stream.StreamCatalog;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Order state and fills from execution reports, without a connection. */
class LiveOrdersTest
{
    private static final long NOW = 1_790_000_000_000_000L;

    private final SymbolTable symbols = new SymbolTable();
    private final Outbox outbox = new Outbox(new StreamCatalog(), 1 << 20, 50);
    private final OutboxEntries entries = new OutboxEntries(outbox, symbols);
    private final ExecutionFeedback feedback = new ExecutionFeedback(1 << 12);
    private final LiveOrders orders = new LiveOrders(symbols, feedback,
        new OrderStreamWriter(new EntryWriter(outbox)));
    private final List<String> records = new ArrayList<>();
    private final ExecutionFeedback.Handler recorder = new ExecutionFeedback.Handler()
    {
        @Override
        public void onFill(final int symbolId, final int side, final long price, final long qty, final double fee,
            final long micros)
        {
            records.add("fill " + price + " " + qty);
        }

        @Override
        public void onOrderClosed(final int symbolId, final int side, final long unfilledQty)
        {
            records.add("closed " + unfilledQty);
        }
    };

    LiveOrdersTest()
    {
        symbols.intern("BTC/USD");
    }

    private OrderIntent intent(final long id)
    {
        final OrderIntent o = new OrderIntent();
        o.id = id;
        o.symbolId = 0;
        o.side = Side.BUY;
        o.orderType = OrderIntent.MARKET;
        o.qty = 2_000_000;
        o.pricePrecision = 1;
        o.qtyPrecision = 8;
        return o;
    }

    private static ExecutionRow fill(final String execId, final String clOrdId, final String status, final long micros)
    {
        final ExecutionRow r = status(clOrdId, "trade", status);
        r.execId = execId;
        r.symbol = "BTC/USD";
        r.side = "buy";
        r.lastQty.set(1_000_000, 8);
        r.lastPrice.set(628_075, 1);
        r.fee.set(25, 2);
        r.micros = micros;
        return r;
    }

    private static ExecutionRow status(final String clOrdId, final String execType, final String status)
    {
        final ExecutionRow r = new ExecutionRow();
        r.clear();
        r.orderId = "O-" + clOrdId;
        r.clOrdId = clOrdId;
        r.execType = execType;
        r.orderStatus = status;
        return r;
    }

    private List<String> feedback()
    {
        feedback.drain(recorder);
        return records;
    }

    private List<String> differences()
    {
        return entries.all(StreamCatalog.EVENTS_BUS).stream().filter(f -> "reconcile_difference".equals(f.get("event")))
            .map(f -> f.get("difference") + " " + f.get("cl_ord_id")).collect(Collectors.toList());
    }

    @Test
    void aFillOfOurOrderIsWrittenAndFedBackAtTheOrdersPrecisions()
    {
        orders.place(intent(1), "t-1");
        orders.onExecution(fill("T1", "t-1", "partially_filled", NOW), false, NOW);
        assertEquals(List.of("fill 628075 1000000"), feedback());
        final Map<String, String> fill = entries.all(StreamCatalog.KRAKEN_FILLS).get(0);
        assertEquals("62807.5", fill.get("price"));
        assertEquals("0.01000000", fill.get("qty"));
        assertEquals("0.25", fill.get("fee"));
        assertEquals("0.01000000", entries.all(StreamCatalog.KRAKEN_POSITIONS).get(0).get("qty"));
    }

    @Test
    void theFirstSnapshotsFillsAreHistoryAndTheirReplaysAreDropped()
    {
        orders.onExecution(fill("T1", "old-1", "filled", NOW), true, NOW);
        orders.onExecutionsEnd(true, NOW);
        assertTrue(entries.all(StreamCatalog.KRAKEN_FILLS).isEmpty(), "history is only remembered");

        orders.onExecution(fill("T1", "old-1", "filled", NOW), true, NOW);
        orders.onExecution(fill("T2", "old-1", "filled", NOW), true, NOW);
        orders.onExecutionsEnd(true, NOW);
        assertEquals(1, orders.duplicateFills());
        assertEquals(1, entries.all(StreamCatalog.KRAKEN_FILLS).size(), "only the fill not seen before");
    }

    @Test
    void aTerminalReportIsClosedOnceAndFilledInFromEarlierReports()
    {
        orders.place(intent(2), "t-2");
        final ExecutionRow opened = status("t-2", "new", "new");
        opened.symbol = "BTC/USD";
        opened.side = "buy";
        orders.onExecution(opened, false, NOW);
        orders.onExecution(status("t-2", "canceled", "canceled"), false, NOW);
        orders.onExecution(status("t-2", "canceled", "canceled"), false, NOW);
        assertEquals(List.of("closed 2000000"), feedback());
        final List<Map<String, String>> confirmations = entries.all(StreamCatalog.ORDERS_CONFIRMATIONS);
        assertEquals("BTC/USD", confirmations.get(1).get("symbol"));
        assertEquals("2", confirmations.get(1).get("intent_id"));
    }

    @Test
    void anOrderStillQueuedWhenTheConnectionDropsIsRejectedAndOneSentIsNot()
    {
        final ClientOrder queued = orders.place(intent(3), "t-3");
        final ClientOrder sent = orders.place(intent(4), "t-4");
        final String queuedText = "add_order t-3";
        final String sentText = "add_order t-4";
        orders.queued(queuedText, queued);
        orders.queued(sentText, sent);
        assertTrue(orders.onSent(sentText));
        assertFalse(orders.onSent("a subscribe"));
        orders.onSessionEnd(NOW);
        assertEquals(ClientOrder.CLOSED, queued.state);
        assertEquals(ClientOrder.SENT, sent.state);
        final Map<String, String> rejected = entries.all(StreamCatalog.ORDERS_CONFIRMATIONS).get(0);
        assertEquals("rejected", rejected.get("status"));
        assertEquals("t-3", rejected.get("cl_ord_id"));
        assertEquals("connection lost before it was sent", rejected.get("reason"));
    }

    @Test
    void afterAReconnectOurOrdersMissingFromTheSnapshotAreClosed()
    {
        orders.onExecutionsEnd(true, NOW); // the first snapshot: nothing open
        orders.place(intent(5), "t-5");
        orders.place(intent(6), "t-6");
        orders.onAccepted(5, "O-t-5");
        orders.onAccepted(6, "O-t-6");
        orders.onExecution(status("t-6", "new", "new"), true, NOW);
        orders.onExecutionsEnd(true, NOW);
        assertEquals(List.of("closed 2000000"), feedback());
        final Map<String, String> closed = entries.all(StreamCatalog.ORDERS_CONFIRMATIONS).get(0);
        assertEquals("t-5", closed.get("cl_ord_id"));
        assertEquals("not open after reconnect", closed.get("reason"));
    }

    @Test
    void theFirstSnapshotIsReconciledWithTheKeptState()
    {
        orders.reconcileWith(NOW);
        orders.onExecution(fill("T1", "old-1", "filled", NOW), true, NOW);
        orders.onExecution(fill("T2", "old-2", "filled", NOW + 1), true, NOW);
        orders.onExecution(status("other-1", "new", "new"), true, NOW);
        orders.onExecutionsEnd(true, NOW);
        orders.onExecution(status("other-2", "new", "new"), true, NOW);
        orders.onExecutionsEnd(true, NOW);
        assertEquals(List.of("fill_while_away old-2", "open_order_not_placed_here other-1"), differences());
    }
}
