package io.tradingcore.adapters.kraken.auth;

import io.tradingcore.core.kraken.Side;
import io.tradingcore.core.market.SymbolTable;
import io.tradingcore.core.risk.RiskState;
import io.tradingcore.core.stage.OutboxEntries;
import io.tradingcore.core.stream.EntryWriter;
import io.tradingcore.core.stream.Outbox;
import io.tradingcore.core.stream.StreamCatalog;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.tradingcore.adapters.kraken.auth.PrivateSession.awaitTrue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * After a restart in LIVE mode, the kept positions against the balances snapshot of the simulator's
 * private endpoint (its account starts with 10 of each base asset and 100000 USD).
 */
class BalanceReconciliationTest
{
    private static final int BTC_USD = 0;
    private static final int ETH_USD = 1;

    /** A kept state holding {@code btc} and {@code eth} (in units of 1e-8), as if the core had traded them. */
    private static RiskState kept(final long btc, final long eth)
    {
        final RiskState state = PrivateSession.keptState(0);
        hold(state, BTC_USD, btc);
        hold(state, ETH_USD, eth);
        return state;
    }

    private static void hold(final RiskState state, final int symbolId, final long qty)
    {
        state.traded[symbolId] = true;
        state.position[symbolId] = qty;
        state.qtyPrecision[symbolId] = PrivateSession.BTC_QTY_PRECISION;
    }

    /** The reconcile differences written once the restarted client has surely read its first balances snapshot. */
    private static List<Map<String, String>> differencesAfterRestart(final RiskState kept)
    {
        try (PrivateSession s = new PrivateSession())
        {
            final KrakenOrderClient next = s.restartedClient("t2", kept);
            try
            {
                awaitTrue(next::ready, "the restarted client ready");
                // the snapshot came before this order's reports on the same connection: once they are in, so is it
                assertTrue(next.submit(s.intent(1, Side.BUY, 1_000_000, 0), 0));
                s.await(StreamCatalog.ORDERS_CONFIRMATIONS,
                    f -> next.clientOrderId(1).equals(f.get("cl_ord_id")) && "filled".equals(f.get("status")));
                return s.entries(StreamCatalog.EVENTS_BUS).stream()
                    .filter(f -> "reconcile_difference".equals(f.get("event"))).collect(Collectors.toList());
            }
            finally
            {
                next.stop();
            }
        }
    }

    @Test
    void aKeptPositionThatIsNotTheBalanceIsOneDifference()
    {
        final List<Map<String, String>> differences = differencesAfterRestart(kept(950_000_000L, 1_000_000_000L));
        assertEquals(1, differences.size(), "BTC only: ETH agrees, USD is a quote: " + differences);
        final Map<String, String> btc = differences.get(0);
        assertEquals("balance_mismatch", btc.get("difference"));
        assertEquals("BTC", btc.get("asset"));
        assertEquals("9.50000000", btc.get("position"));
        assertEquals("10", btc.get("balance"));
        assertEquals("0.50000000", btc.get("delta"));
        assertEquals("event", btc.get("type"));
        assertTrue(btc.containsKey("timestamp"));
    }

    @Test
    void keptPositionsThatAreTheBalancesWriteNothing()
    {
        assertEquals(List.of(), differencesAfterRestart(kept(1_000_000_000L, 1_000_000_000L)));
    }

    @Test
    void anAssetMissingFromTheSnapshotHasNoBalanceAndTheQuoteOfATradedSymbolIsNotCompared()
    {
        final SymbolTable symbols = new SymbolTable();
        symbols.intern("BTC/USD");
        symbols.intern("ETH/BTC");
        symbols.intern("SOL/USD");
        final RiskState state = PrivateSession.keptState(0);
        hold(state, 0, 200_000_000L);
        hold(state, 1, 300_000_000L);
        hold(state, 2, 50_000_000L);
        final Outbox outbox = new Outbox(new StreamCatalog(), 1 << 16, 50);
        final BalanceReconciliation reconciliation = new BalanceReconciliation(new OrderStreamWriter(new EntryWriter(outbox)));
        reconciliation.keep(state, symbols);
        final BalanceRow row = new BalanceRow();
        row.clear();
        row.asset = "BTC";
        row.balance.set(1, 0); // BTC is ETH/BTC's quote: not compared
        reconciliation.onSnapshotRow(row, 5);
        row.asset = "ETH";
        row.balance.set(3, 0);
        reconciliation.onSnapshotRow(row, 5);
        reconciliation.onSnapshotEnd(5);
        reconciliation.onSnapshotEnd(6);
        final List<Map<String, String>> events = new OutboxEntries(outbox, symbols).all(StreamCatalog.EVENTS_BUS);
        assertEquals(1, events.size(), events.toString());
        assertEquals("SOL", events.get(0).get("asset"));
        assertEquals("0.50000000", events.get(0).get("position"));
        assertEquals("0", events.get(0).get("balance"));
        assertEquals("-0.50000000", events.get(0).get("delta"));
    }
}
