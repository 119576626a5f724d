package io.tradingcore.adapters.kraken.auth;

import io.tradingcore.adapters.Pause;
import io.tradingcore.core.kraken.Side;
import io.tradingcore.core.risk.OrderIntent;
import io.tradingcore.core.stream.Environment;
import io.tradingcore.core.stream.StreamCatalog;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.tradingcore.adapters.kraken.auth.PrivateSession.awaitTrue;
import static io.tradingcore.adapters.kraken.auth.PrivateSession.settings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The order client against the simulator's private endpoint over loopback sockets. */
class KrakenOrderClientTest
{
    @Test
    void theConnectionUsesATokenFromOneSignedRequestTheExchangeVerified()
    {
        try (PrivateSession s = new PrivateSession())
        {
            s.awaitReady();
            assertEquals(1, s.endpoint.tokensIssued(), "the simulator verified the signed token request");
        }
    }

    @Test
    void aMarketOrderIsConfirmedPendingNewThenNewThenFilled()
    {
        try (PrivateSession s = new PrivateSession())
        {
            final String clOrdId = buyAtMarket(s);
            final Map<String, String> filled = awaitFilled(s, clOrdId);
            assertEquals("execution.fill", filled.get("type"));
            assertEquals("7", filled.get("intent_id"));
            assertEquals("0.01000000", filled.get("qty"));
            assertEquals("LIVE", filled.get("mode"));
            assertEquals("taker", filled.get("liquidity"));
            final List<String> statuses = s.entries(StreamCatalog.ORDERS_CONFIRMATIONS).stream()
                .filter(f -> clOrdId.equals(f.get("cl_ord_id"))).map(f -> f.get("status")).collect(Collectors.toList());
            assertEquals(List.of("pending_new", "new", "filled"), statuses);
        }
    }

    @Test
    void aFilledOrderWritesItsFillOrderStatePositionAndBalances()
    {
        try (PrivateSession s = new PrivateSession())
        {
            final String clOrdId = buyAtMarket(s);
            final Map<String, String> fill = s.await(StreamCatalog.KRAKEN_FILLS, f -> clOrdId.equals(f.get("cl_ord_id")));
            assertEquals("buy", fill.get("side"));
            assertEquals("t", fill.get("liquidity"));
            s.await(StreamCatalog.KRAKEN_ORDERS, f -> "filled".equals(f.get("order_status")) && clOrdId.equals(f.get("cl_ord_id")));
            final Map<String, String> position = s.await(StreamCatalog.KRAKEN_POSITIONS, f -> "BTC/USD".equals(f.get("symbol")));
            assertEquals(0, new BigDecimal("0.01").compareTo(new BigDecimal(position.get("qty"))));
            s.await(StreamCatalog.KRAKEN_BALANCE, f -> "BTC".equals(f.get("asset")) && "false".equals(f.get("snapshot")));
            s.await(StreamCatalog.KRAKEN_BALANCE, f -> "USD".equals(f.get("asset")) && "true".equals(f.get("snapshot")));
        }
    }

    @Test
    void theFillAndTheCloseOfAnOrderAreFedBackToTheRiskStage()
    {
        try (PrivateSession s = new PrivateSession())
        {
            final String clOrdId = buyAtMarket(s);
            final String price = s.await(StreamCatalog.KRAKEN_FILLS, f -> clOrdId.equals(f.get("cl_ord_id"))).get("price");
            final long scaledPrice = new BigDecimal(price).movePointRight(1).longValueExact();
            awaitTrue(() -> s.feedback().size() >= 2, "a fill and a close on the feedback ring");
            assertEquals(List.of("fill BTC/USD buy " + scaledPrice + " 1000000", "closed BTC/USD"), s.feedback());
        }
    }

    @Test
    void addOrderCarriesTheClientOrderIdQuantityDeadlineAndToken()
    {
        try (PrivateSession s = new PrivateSession())
        {
            final String clOrdId = buyAtMarket(s);
            awaitFilled(s, clOrdId);
            final String sent = s.requests("add_order").get(0);
            assertTrue(sent.contains("\"cl_ord_id\":\"" + clOrdId + "\""), sent);
            assertTrue(sent.contains("\"order_qty\":0.01000000"), sent);
            assertTrue(sent.contains("\"deadline\":\""), sent);
            assertTrue(sent.contains("\"token\":\"simtok"), sent);
        }
    }

    /** Once the client is ready, submits intent 7, a market buy of 0.01 BTC; its cl_ord_id. */
    private static String buyAtMarket(final PrivateSession s)
    {
        s.awaitReady();
        assertTrue(s.client.submit(s.intent(7, Side.BUY, 1_000_000, 0), 0), new String(s.client.refusal()));
        return s.client.clientOrderId(7);
    }

    private static Map<String, String> awaitFilled(final PrivateSession s, final String clOrdId)
    {
        return s.await(StreamCatalog.ORDERS_CONFIRMATIONS,
            f -> clOrdId.equals(f.get("cl_ord_id")) && "filled".equals(f.get("status")));
    }

    @Test
    void aRestingLimitOrderIsCancelledByItsClientOrderId()
    {
        try (PrivateSession s = new PrivateSession())
        {
            s.awaitReady();
            final String clOrdId = s.client.clientOrderId(3);
            // a bid at 1.0 USD rests far below the market
            assertTrue(s.client.submit(s.intent(3, Side.BUY, 500_000, 10), 0));
            s.await(StreamCatalog.ORDERS_CONFIRMATIONS, f -> clOrdId.equals(f.get("cl_ord_id")) && "new".equals(f.get("status")));
            assertEquals(1, s.endpoint.openOrders());
            assertTrue(s.client.cancel(3));

            final Map<String, String> canceled = s.await(StreamCatalog.ORDERS_CONFIRMATIONS,
                f -> clOrdId.equals(f.get("cl_ord_id")) && "canceled".equals(f.get("status")));
            assertEquals("canceled", canceled.get("exec_type"));
            assertEquals("BTC/USD", canceled.get("symbol"), "filled in from the order's earlier reports");
            assertEquals(0, s.endpoint.openOrders());
            assertTrue(s.requests("cancel_order").get(0).contains("\"cl_ord_id\":[\"" + clOrdId + "\"]"));
            awaitTrue(() -> s.feedback().contains("closed BTC/USD"), "the close on the feedback ring");
            assertEquals(List.of("closed BTC/USD"), s.feedback(), "no fill");
            assertTrue(s.entries(StreamCatalog.KRAKEN_FILLS).isEmpty());
        }
    }

    @Test
    void afterARestartTheFirstSnapshotIsReconciledWithTheKeptState()
    {
        try (PrivateSession s = new PrivateSession())
        {
            s.awaitReady();
            assertTrue(s.client.submit(s.intent(1, Side.BUY, 1_000_000, 0), 0));
            final String filled = s.client.clientOrderId(1);
            final long fillMicros = micros(s.await(StreamCatalog.KRAKEN_FILLS, f -> filled.equals(f.get("cl_ord_id"))));
            assertTrue(s.client.submit(s.intent(3, Side.BUY, 500_000, 10), 0)); // rests far below the market
            final String resting = s.client.clientOrderId(3);
            s.await(StreamCatalog.ORDERS_CONFIRMATIONS, f -> resting.equals(f.get("cl_ord_id")) && "new".equals(f.get("status")));
            s.client.stop();

            // the next process: its state was kept just before that fill, so the fill happened while it was away
            final KrakenOrderClient next = s.restartedClient("t2", PrivateSession.keptState(fillMicros - 1));
            try
            {
                final Map<String, String> fill = s.await(StreamCatalog.EVENTS_BUS,
                    f -> "reconcile_difference".equals(f.get("event")) && "fill_while_away".equals(f.get("difference")));
                assertEquals(filled, fill.get("cl_ord_id"));
                assertEquals("buy", fill.get("side"));
                assertEquals("0.01000000", fill.get("qty"));
                final Map<String, String> open = s.await(StreamCatalog.EVENTS_BUS, f -> "reconcile_difference".equals(f.get("event"))
                    && "open_order_not_placed_here".equals(f.get("difference")));
                assertEquals(resting, open.get("cl_ord_id"));
                awaitTrue(next::ready, "the next client ready");
                assertEquals(2, s.entries(StreamCatalog.EVENTS_BUS).stream()
                    .filter(f -> "reconcile_difference".equals(f.get("event"))).count(), "each difference once");
            }
            finally
            {
                next.stop();
            }
        }
    }

    private static long micros(final Map<String, String> entry)
    {
        final Instant at = Instant.parse(entry.get("timestamp"));
        return at.getEpochSecond() * 1_000_000 + at.getNano() / 1_000;
    }

    @Test
    void theDeadManSwitchIsRefreshedWhileArmedAndDisabledOnStop()
    {
        try (PrivateSession s = new PrivateSession(settings().deadMan(100, 60), Environment.PRODUCTION, true,
            PrivateSession.SECRET))
        {
            s.awaitReady();
            awaitTrue(() -> s.requests("cancel_all_orders_after").size() >= 4, "four dead-man refreshes");
            assertTrue(s.requests("cancel_all_orders_after").stream().allMatch(r -> r.contains("\"timeout\":60")));
            assertEquals(60, s.endpoint.lastDeadManTimeout());
            s.client.stop();
            awaitTrue(() -> s.endpoint.lastDeadManTimeout() == 0, "the switch disabled by a clean stop");
        }
    }

    @Test
    void aDroppedConnectionGetsANewTokenAndReplayedFillsAreNotCountedTwice()
    {
        try (PrivateSession s = new PrivateSession())
        {
            s.awaitReady();
            assertTrue(s.client.submit(s.intent(1, Side.BUY, 1_000_000, 0), 0));
            awaitTrue(() -> s.feedback().size() >= 2, "the first fill and close");

            s.endpoint.dropConnections();
            awaitTrue(() -> s.client.tokensFetched() == 2 && s.client.ready(), "a new token and connection");
            assertEquals(2, s.endpoint.tokensIssued());
            awaitTrue(() -> s.client.duplicateFills() >= 1, "the snapshot's replayed fill dropped");

            assertTrue(s.client.submit(s.intent(2, Side.SELL, 1_000_000, 0), 0), new String(s.client.refusal()));
            final String second = s.client.clientOrderId(2);
            s.await(StreamCatalog.KRAKEN_FILLS, f -> second.equals(f.get("cl_ord_id")));
            awaitTrue(() -> s.feedback().size() >= 4, "the second fill and close");
            assertEquals(2, s.entries(StreamCatalog.KRAKEN_FILLS).size(), "one entry per fill across the replay");
            assertEquals(2, s.feedback().stream().filter(r -> r.startsWith("fill")).count());
            final Map<String, String> flat = s.await(StreamCatalog.KRAKEN_POSITIONS, f -> f.get("qty").matches("0E-?\\d*|0(\\.0+)?"));
            assertEquals("BTC/USD", flat.get("symbol"));
            s.await(StreamCatalog.EVENTS_BUS, f -> "disconnect".equals(f.get("event")));
        }
    }

    @Test
    void anInvalidatedTokenRejectsTheOrderAndTheClientReconnectsWithAFreshOne()
    {
        try (PrivateSession s = new PrivateSession())
        {
            s.awaitReady();
            // the first dead-man refresh goes out on ready: let it through first, or it meets the stale token
            awaitTrue(() -> s.endpoint.lastDeadManTimeout() == 60, "the first dead-man refresh");
            s.endpoint.invalidateTokens();
            assertTrue(s.client.submit(s.intent(5, Side.BUY, 1_000_000, 0), 0));
            final String clOrdId = s.client.clientOrderId(5);
            final Map<String, String> rejected = s.await(StreamCatalog.ORDERS_CONFIRMATIONS,
                f -> clOrdId.equals(f.get("cl_ord_id")) && "rejected".equals(f.get("status")));
            assertEquals("ESession:Invalid session", rejected.get("reason"));
            awaitTrue(() -> s.feedback().contains("closed BTC/USD"), "the rejected order closed");
            awaitTrue(() -> s.client.tokensFetched() == 2 && s.client.ready(), "a fresh token and connection");

            assertTrue(s.client.submit(s.intent(6, Side.BUY, 1_000_000, 0), 0));
            final String next = s.client.clientOrderId(6);
            s.await(StreamCatalog.ORDERS_CONFIRMATIONS, f -> next.equals(f.get("cl_ord_id")) && "filled".equals(f.get("status")));
        }
    }

    @Test
    void notArmedSendsNoOrderAndRefusesNotArmed()
    {
        for (final boolean armed : new boolean[] {false, true})
        {
            final Environment environment = armed ? Environment.DEVELOPMENT : Environment.PRODUCTION;
            try (PrivateSession s = new PrivateSession(settings().deadMan(50, 60), environment, armed, PrivateSession.SECRET))
            {
                s.awaitReady();
                assertFalse(s.client.armed());
                final OrderIntent intent = s.intent(9, Side.BUY, 1_000_000, 0);
                assertFalse(s.client.submit(intent, 0));
                assertEquals("not_armed", new String(s.client.refusal(), StandardCharsets.US_ASCII));
                assertFalse(s.client.cancel(9));
                Pause.millis(300);
                assertTrue(s.requests("add_order").isEmpty());
                assertTrue(s.requests("cancel_all_orders_after").isEmpty(), "no dead-man switch either");
                assertEquals(2, s.requests("subscribe").size(), "executions and balances are still watched");
            }
        }
    }

    @Test
    void aWrongSecretIsReportedClearlyAndNoOrderLeaves()
    {
        try (PrivateSession s = new PrivateSession(settings(), Environment.PRODUCTION, true,
            PrivateSession.secret("some other secret")))
        {
            final Map<String, String> error = s.await(StreamCatalog.KRAKEN_ERRORS,
                f -> "auth_error".equals(f.get("error")));
            assertTrue(error.get("reason").contains("EAPI:Invalid key"), error.get("reason"));
            assertTrue(error.get("reason").contains("KRAKEN_API_SECRET"), error.get("reason"));
            assertFalse(error.get("reason").contains(PrivateSession.SECRET));
            assertEquals("EAPI:Invalid key", s.endpoint.lastTokenRefusal());
            assertFalse(s.client.submit(s.intent(1, Side.BUY, 1_000_000, 0), 0));
            assertEquals("not_connected", new String(s.client.refusal(), StandardCharsets.US_ASCII));
            assertEquals(0, s.endpoint.connectionsAccepted());
            assertTrue(s.endpoint.requests().isEmpty());
            s.await(StreamCatalog.KRAKEN_STATUS, f -> "reconnect_scheduled".equals(f.get("state")));
        }
    }
}
