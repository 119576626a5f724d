package io.tradingcore.adapters.kraken.auth;

import io.tradingcore.adapters.kraken.ControlJson;
import io.tradingcore.core.kraken.Side;
import io.tradingcore.core.risk.OrderIntent;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** De-duplicating fills, positions, the order queue and the add_order text. */
class ExecutionBookkeepingTest
{
    private final OrderCommands commands = new OrderCommands(16);
    private final List<String> seen = new ArrayList<>();
    private final OrderCommands.Handler handler = new OrderCommands.Handler()
    {
        @Override
        public void onSubmit(final OrderIntent o)
        {
            seen.add(o.id + " " + o.symbolId + " " + o.side + " " + o.orderType + " " + o.postOnly + " " + o.qty
                + " " + o.limitPrice + " " + o.pricePrecision + " " + o.qtyPrecision);
        }

        @Override
        public void onCancel(final long intentId)
        {
            seen.add("cancel " + intentId);
        }
    };

    @Test
    void fillsAreCountedOnceAndAddUpToAPosition()
    {
        final FillLedger ledger = new FillLedger();
        assertTrue(ledger.firstSight("T1"));
        assertFalse(ledger.firstSight("T1"));
        ledger.apply("BTC/USD", Side.BUY, new BigDecimal("1"), new BigDecimal("100"));
        FillLedger.Position p = ledger.apply("BTC/USD", Side.BUY, new BigDecimal("1"), new BigDecimal("200"));
        assertEquals(0, new BigDecimal("2").compareTo(p.qty));
        assertEquals(0, new BigDecimal("150").compareTo(p.averagePrice));
        p = ledger.apply("BTC/USD", Side.SELL, new BigDecimal("0.5"), new BigDecimal("300"));
        assertEquals(0, new BigDecimal("150").compareTo(p.averagePrice), "reducing keeps the average");
        p = ledger.apply("BTC/USD", Side.SELL, new BigDecimal("2"), new BigDecimal("250"));
        assertEquals(0, new BigDecimal("-0.5").compareTo(p.qty));
        assertEquals(0, new BigDecimal("250").compareTo(p.averagePrice), "flipped: the new side's price");
        p = ledger.apply("BTC/USD", Side.BUY, new BigDecimal("0.5"), new BigDecimal("240"));
        assertEquals(0, p.qty.signum());
        assertEquals(0, p.averagePrice.signum());
    }

    @Test
    void theOrderQueueTakesAtLeastItsCapacityThenRefusesEvenACancel()
    {
        final int accepted = fillTheQueue();
        assertTrue(accepted >= 16, "at least the configured capacity: " + accepted);
        assertFalse(commands.offerCancel(77), "full");
    }

    @Test
    void drainingTheOrderQueueHandsOnEveryIntentWithAllItsFields()
    {
        final int accepted = fillTheQueue();
        assertEquals(accepted, commands.drain(handler));
        assertEquals("77 3 1 1 true 123456789 627891 1 8", seen.get(0));
    }

    @Test
    void aCancelIsQueuedOnceTheQueueHasRoomAndHandedOnByItsIntentId()
    {
        fillTheQueue();
        commands.drain(handler);
        assertTrue(commands.offerCancel(77));
        commands.drain(handler);
        assertEquals("cancel 77", seen.get(seen.size() - 1));
    }

    /** Offers one sell-limit intent until the queue refuses; how many it took. */
    private int fillTheQueue()
    {
        final OrderIntent intent = new OrderIntent();
        intent.id = 77;
        intent.symbolId = 3;
        intent.side = Side.SELL;
        intent.orderType = OrderIntent.LIMIT;
        intent.postOnly = true;
        intent.qty = 123_456_789L;
        intent.limitPrice = 627_891L;
        intent.pricePrecision = 1;
        intent.qtyPrecision = 8;
        int accepted = 0;
        while (commands.offerSubmit(intent))
        {
            accepted++;
        }
        return accepted;
    }

    @Test
    void addOrderCarriesThePrecisionsDeadlineAndToken()
    {
        final OrderIntent o = new OrderIntent();
        o.id = 12;
        o.side = Side.BUY;
        o.orderType = OrderIntent.LIMIT;
        o.postOnly = true;
        o.qty = 1_500_000L;
        o.limitPrice = 628_075L;
        o.pricePrecision = 1;
        o.qtyPrecision = 8;
        final Map<String, Object> request = ControlJson.parseObject(new OrderRequests().addOrder(o, "BTC/USD", "t1-12",
            1_786_924_800_000_000L, "tok", 12));
        final Map<String, Object> params = ControlJson.object(request, "params");
        assertEquals("add_order", ControlJson.string(request, "method"));
        assertEquals(12, ControlJson.integer(request, "req_id", -1));
        assertEquals("limit", ControlJson.string(params, "order_type"));
        assertEquals(new BigDecimal("0.01500000"), params.get("order_qty"));
        assertEquals(new BigDecimal("62807.5"), params.get("limit_price"));
        assertEquals(Boolean.TRUE, params.get("post_only"));
        assertEquals("t1-12", ControlJson.string(params, "cl_ord_id"));
        assertEquals("2026-08-17T00:00:00.000000Z", ControlJson.string(params, "deadline"));
        assertEquals("tok", ControlJson.string(params, "token"));
    }
}
