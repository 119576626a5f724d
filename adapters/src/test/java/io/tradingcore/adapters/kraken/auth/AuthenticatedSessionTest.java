package io.tradingcore.adapters.kraken.auth;

import io.tradingcore.adapters.kraken.FeedEventWriter;
import io.tradingcore.adapters.sim.KrakenPrivateEndpoint;
import io.tradingcore.adapters.sim.KrakenSimulator;
import io.tradingcore.adapters.sim.KrakenSimulatorSettings;
import io.tradingcore.core.stream.Outbox;
import io.tradingcore.core.stream.StreamCatalog;
import org.agrona.DirectBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import static io.tradingcore.adapters.kraken.auth.PrivateSession.awaitTrue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The authenticated connection alone (token, subscriptions, dead-man switch) against the simulator's private endpoint. */
class AuthenticatedSessionTest
{
    private final KrakenSimulator simulator = new KrakenSimulator(new KrakenSimulatorSettings().seed(5)
        .symbols(List.of("BTC/USD")).framesPerSecond(50).heartbeatIntervalMillis(200)
        .privateAccount(PrivateSession.KEY, PrivateSession.SECRET)).start(0);
    private final KrakenPrivateEndpoint endpoint = simulator.privateEndpoint();
    private final Queue<String> messages = new ConcurrentLinkedQueue<>();
    private final Queue<String> sent = new ConcurrentLinkedQueue<>();
    private volatile int sessionsEnded;
    private AuthenticatedSession session;

    private AuthenticatedSession start(final KrakenOrderSettings settings, final boolean armed)
    {
        settings.endpoint(endpoint.uri()).restBaseUrl(endpoint.restUri());
        final FeedEventWriter events = new FeedEventWriter(new Outbox(new StreamCatalog(), 1 << 20, 50),
            endpoint.uri().toString());
        session = new AuthenticatedSession(settings.validate(), armed, new WebSocketTokenClient(endpoint.restUri(),
            PrivateSession.KEY, new KrakenRestSigner(PrivateSession.SECRET), Duration.ofSeconds(2)), events,
            new OrderStreamWriter(events.writer()), new AuthenticatedSession.Listener()
            {
                @Override
                public void onTick(final long nowNanos)
                {
                }

                @Override
                public void onMessage(final DirectBuffer buffer, final int offset, final int length)
                {
                    final String text = buffer.getStringWithoutLengthUtf8(offset, length);
                    messages.add(text);
                    if (text.contains("\"method\":\"subscribe\"") && text.contains("\"channel\":\"executions\"")
                        && text.contains("\"success\":true"))
                    {
                        session.onExecutionsSubscribed();
                    }
                }

                @Override
                public void onSent(final String text)
                {
                    sent.add(text);
                }

                @Override
                public void onSessionEnd(final long epochMicros)
                {
                    sessionsEnded++;
                }
            });
        session.start();
        return session;
    }

    @AfterEach
    void stop()
    {
        if (session != null)
        {
            session.stop();
        }
        simulator.close();
    }

    private long sent(final String method)
    {
        return sent.stream().filter(t -> t.contains("\"method\":\"" + method + "\"")).count();
    }

    @Test
    void aConnectionFetchesATokenThenSubscribesExecutionsAndBalancesWithIt()
    {
        start(PrivateSession.settings(), false);
        awaitTrue(session::ready, "executions subscribed");
        assertEquals(1, endpoint.tokensIssued());
        assertEquals(1, session.tokensFetched());
        assertEquals(2, sent("subscribe"));
        assertTrue(sent.stream().filter(t -> t.contains("subscribe")).allMatch(t -> t.contains(session.token())));
        awaitTrue(() -> messages.stream().anyMatch(m -> m.contains("\"channel\":\"balances\"")), "the balances snapshot");
        assertFalse(messages.stream().anyMatch(m -> m.contains("\"channel\":\"heartbeat\"")), "heartbeats stay below");
    }

    @Test
    void whileArmedTheDeadManSwitchIsRefreshedAndAStopDisablesIt()
    {
        start(PrivateSession.settings().deadMan(100, 60), true);
        awaitTrue(() -> session.deadManRequests() >= 3, "three dead-man refreshes");
        assertEquals(60, endpoint.lastDeadManTimeout());
        session.stop();
        awaitTrue(() -> endpoint.lastDeadManTimeout() == 0, "the switch disabled by a clean stop");
    }

    @Test
    void notArmedItNeverTouchesTheDeadManSwitch()
    {
        start(PrivateSession.settings().deadMan(50, 60), false);
        awaitTrue(session::ready, "executions subscribed");
        awaitTrue(() -> messages.size() >= 4, "a few messages");
        session.stop();
        assertEquals(0, session.deadManRequests());
        assertEquals(0, sent("cancel_all_orders_after"));
    }

    @Test
    void aDroppedConnectionEndsTheSessionAndTheNextOneFetchesAFreshToken()
    {
        start(PrivateSession.settings(), true);
        awaitTrue(session::ready, "executions subscribed");
        final String first = session.token();
        endpoint.dropConnections();
        awaitTrue(() -> sessionsEnded == 1 && session.tokensFetched() == 2 && session.ready(), "a new session");
        assertEquals(2, endpoint.tokensIssued());
        assertFalse(first.equals(session.token()), "a fresh token");
        assertEquals(4, sent("subscribe"));
    }
}
