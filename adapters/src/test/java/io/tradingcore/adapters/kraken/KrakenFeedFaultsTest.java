package io.tradingcore.adapters.kraken;

import io.tradingcore.adapters.sim.KrakenSimulator;
import io.tradingcore.core.stream.StreamCatalog;
import io.tradingcore.core.time.Rfc3339;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static io.tradingcore.adapters.kraken.SimulatedFeed.SYMBOLS;
import static io.tradingcore.adapters.kraken.SimulatedFeed.clientSettings;
import static io.tradingcore.adapters.kraken.SimulatedFeed.simulatorSettings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Recovery from the faults the simulator injects, each visible on kraken:errors, kraken:status or events:bus. */
class KrakenFeedFaultsTest
{
    private static final long WAIT = 5_000;

    @Test
    void maintenanceHoldsTheReconnectBackAndTheStatusFramesAreHandedOn()
    {
        final KrakenFeedSettings settings = clientSettings(SYMBOLS).minDelayAfterMaintenanceMillis(1_500);
        try (SimulatedFeed feed = new SimulatedFeed(simulatorSettings(), settings))
        {
            feed.awaitFrame(0, WAIT, "\"channel\":\"book\",\"type\":\"snapshot\"", "SOL/USD");
            final int before = feed.frameCount();
            feed.simulator.faults().maintenance(2_500, true);

            final Map<String, String> disconnected = feed.await(StreamCatalog.EVENTS_BUS, "disconnect", WAIT);
            final Map<String, String> scheduled = feed.await(StreamCatalog.KRAKEN_STATUS, "reconnect_scheduled", WAIT);
            assertTrue(Long.parseLong(scheduled.get("delay_ms")) >= 1_500, "delay " + scheduled.get("delay_ms"));
            final Map<String, String> connected = feed.await(StreamCatalog.EVENTS_BUS, "connect",
                f -> "2".equals(f.get("attempt")), WAIT);
            assertTrue(micros(connected.get("timestamp")) - micros(disconnected.get("timestamp")) >= 1_500_000L);

            final int maintenance = feed.awaitFrameIndex(before, WAIT, "\"system\":\"maintenance\"");
            feed.awaitFrame(maintenance + 1, WAIT, "\"system\":\"online\"");
            assertTrue(feed.entries(StreamCatalog.KRAKEN_STATUS).stream().noneMatch(f -> f.containsKey("system")),
                "Kraken's status is the normalize stage's entry");
        }
    }

    @Test
    void subscribesRefusedForRateAreRetriedAfterABackoff()
    {
        final KrakenSimulator simulator = new KrakenSimulator(simulatorSettings()).start(0);
        simulator.faults().refuseSubscribesForRate(2);
        try (SimulatedFeed feed = new SimulatedFeed(simulator, clientSettings(SYMBOLS)))
        {
            final Map<String, String> refused = feed.await(StreamCatalog.KRAKEN_ERRORS, "rate_limited", WAIT);
            assertEquals("Exceeded msg rate", refused.get("reason"));
            assertEquals("200", refused.get("retry_in_ms"));
            feed.awaitFrame(0, WAIT, "\"channel\":\"ticker\",\"type\":\"snapshot\"", "BTC/USD");
            feed.awaitFrame(0, WAIT, "\"channel\":\"ticker\",\"type\":\"snapshot\"", "ETH/USD");
            assertEquals(2, feed.entries(StreamCatalog.KRAKEN_ERRORS, "rate_limited").size());
            assertTrue(simulator.requests().stream().anyMatch(
                r -> r.contains("\"channel\":\"ticker\",\"symbol\":[\"BTC/USD\",\"ETH/USD\"]")), "only the refused symbols are retried");
            assertEquals(1, feed.sessionStarts.get());
        }
    }

    @Test
    void reconnectBurstsStayUnderTheExchangeRequestLimit()
    {
        // Kraken-like: 4 requests/s with a burst of 2; six subscribe messages go out per connection
        final KrakenFeedSettings throttled = clientSettings(SYMBOLS).controlRate(3, 2);
        try (SimulatedFeed feed = new SimulatedFeed(simulatorSettings().requestLimit(4, 2), throttled))
        {
            feed.awaitFrame(0, WAIT, "\"channel\":\"ohlc\"", "\"interval\":5");
            final int before = feed.frameCount();
            feed.simulator.faults().dropConnections();
            feed.await(StreamCatalog.EVENTS_BUS, "connect", f -> "2".equals(f.get("attempt")), WAIT);
            feed.awaitFrame(before, WAIT, "\"channel\":\"ohlc\"", "\"interval\":5");
            feed.awaitFrame(before, WAIT, "\"channel\":\"instrument\"");
            assertEquals(0, feed.simulator.requestsRefusedForRate());
            assertEquals(0, feed.entries(StreamCatalog.KRAKEN_ERRORS, "rate_limited").size());
        }
        // the same limit without the client's bucket: the burst is refused, and the refusals are retried
        try (SimulatedFeed feed = new SimulatedFeed(simulatorSettings().requestLimit(4, 2), clientSettings(SYMBOLS)))
        {
            feed.await(StreamCatalog.KRAKEN_ERRORS, "rate_limited", WAIT);
            assertTrue(feed.simulator.requestsRefusedForRate() > 0);
            feed.awaitFrame(0, WAIT, "\"channel\":\"ohlc\"", "\"interval\":5", "SOL/USD");
        }
    }

    @Test
    void malformedFramesAreReportedAndTheFeedCarriesOn()
    {
        try (SimulatedFeed feed = new SimulatedFeed(simulatorSettings(), clientSettings(SYMBOLS)))
        {
            feed.awaitFrame(0, WAIT, "\"channel\":\"book\",\"type\":\"update\"");
            feed.simulator.faults().sendMalformedFrames();
            feed.await(StreamCatalog.KRAKEN_ERRORS, "frame_rejected", f -> f.get("reason").startsWith("binary"), WAIT);
            final int after = feed.frameCount();
            feed.awaitFrame(after, WAIT, "\"channel\":\"book\",\"type\":\"update\"");
            assertTrue(feed.frames.contains("this is not json"), "malformed text still reaches the parser, which counts it");
            assertEquals(1, feed.sessionStarts.get());
            assertEquals(List.of(), feed.entries(StreamCatalog.EVENTS_BUS, "disconnect"));
        }
    }

    @Test
    void aSilentLinkIsPingedThenClosedAndReconnected()
    {
        final KrakenFeedSettings settings = clientSettings(SYMBOLS).connectionSilenceMillis(300).pingTimeoutMillis(300);
        try (SimulatedFeed feed = new SimulatedFeed(simulatorSettings(), settings))
        {
            feed.awaitFrame(0, WAIT, "\"channel\":\"book\",\"type\":\"update\"");
            feed.simulator.faults().freezeConnections();
            final int after = feed.frameCount();

            feed.await(StreamCatalog.KRAKEN_ERRORS, "watchdog", f -> "pong_timeout".equals(f.get("watchdog")), WAIT);
            final Map<String, String> disconnected = feed.await(StreamCatalog.EVENTS_BUS, "disconnect", WAIT);
            assertEquals("no pong within 300 ms", disconnected.get("reason"));
            feed.await(StreamCatalog.EVENTS_BUS, "connect", f -> "2".equals(f.get("attempt")), WAIT);
            for (final String symbol : SYMBOLS)
            {
                feed.awaitFrame(after, WAIT, "\"channel\":\"book\",\"type\":\"snapshot\"", symbol);
            }
            assertEquals(2, feed.sessionStarts.get());
        }
    }

    private static long micros(final String rfc3339)
    {
        return Rfc3339.parseMicros(new UnsafeBuffer(rfc3339.getBytes(StandardCharsets.US_ASCII)), 0, rfc3339.length());
    }
}
