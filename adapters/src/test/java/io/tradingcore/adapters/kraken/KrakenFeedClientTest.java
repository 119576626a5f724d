package io.tradingcore.adapters.kraken;

import io.tradingcore.adapters.Pause;
import io.tradingcore.adapters.sim.KrakenSimulator;
import io.tradingcore.adapters.sim.SyntheticMarket;
import io.tradingcore.core.kraken.Channel;
import io.tradingcore.core.stream.StreamCatalog;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.tradingcore.adapters.kraken.SimulatedFeed.SYMBOLS;
import static io.tradingcore.adapters.kraken.SimulatedFeed.clientSettings;
import static io.tradingcore.adapters.kraken.SimulatedFeed.simulatorSettings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The client against the simulator over loopback: subscriptions, acks and every injected fault. */
class KrakenFeedClientTest
{
    private static final long WAIT = 5_000;

    @Test
    void subscribesEveryChannelAndStreams()
    {
        try (SimulatedFeed feed = new SimulatedFeed(simulatorSettings(), clientSettings(SYMBOLS)))
        {
            assertEquals("1", feed.await(StreamCatalog.EVENTS_BUS, "connect", WAIT).get("attempt"));
            for (final String symbol : SYMBOLS)
            {
                feed.awaitFrame(0, WAIT, "\"channel\":\"book\",\"type\":\"snapshot\"", symbol);
                feed.awaitFrame(0, WAIT, "\"channel\":\"ticker\"", symbol);
                feed.awaitFrame(0, WAIT, "\"channel\":\"ohlc\"", "\"interval\":5", symbol);
            }
            feed.awaitFrame(0, WAIT, "\"channel\":\"instrument\",\"type\":\"snapshot\"");
            feed.awaitFrame(0, WAIT, "\"channel\":\"book\",\"type\":\"update\"");
            assertTrue(feed.frames.peek().startsWith("{\"channel\":\"status\""), "status is the first frame");
            assertEquals(1, feed.sessionStarts.get());

            final List<String> requests = feed.simulator.requests();
            assertTrue(requests.stream().anyMatch(r -> r.contains("\"channel\":\"trade\"") && r.contains("\"snapshot\":true")),
                "trade snapshot is asked for explicitly: " + requests);
            assertTrue(requests.stream().allMatch(r -> r.contains("\"req_id\":")));
            assertTrue(requests.stream().anyMatch(r -> r.contains("\"symbol\":[\"BTC/USD\",\"ETH/USD\",\"SOL/USD\"]")),
                "one multi-symbol request per channel");

            final Map<String, String> metrics = feed.await(StreamCatalog.KRAKEN_METRICS, "kraken.metrics",
                f -> f.get("frames_per_s").contains("\"book\""), WAIT);
            assertNotNull(metrics.get("lag_p99_us"));
            assertNotNull(metrics.get("timestamp"));
            assertEquals(0, feed.client.metrics().ackErrors(), "every subscription acked");
            assertEquals(List.of("status connection connecting", "status connection connected"),
                feed.entries(StreamCatalog.KRAKEN_STATUS).stream()
                    .map(f -> f.get("type") + " " + f.get("source") + " " + f.get("state")).toList(),
                "only our connection state: Kraken's status frame is the normalize stage's to write");
        }
    }

    @Test
    void aChannelTurnedOffInTheConfigurationIsNeverSubscribed()
    {
        try (SimulatedFeed feed = new SimulatedFeed(simulatorSettings(),
            clientSettings(SYMBOLS).channels(false, true, true)))
        {
            feed.awaitFrame(0, WAIT, "\"channel\":\"book\",\"type\":\"update\"");
            final List<String> requests = feed.simulator.requests();
            assertTrue(requests.stream().anyMatch(r -> r.contains("\"channel\":\"trade\"")), requests.toString());
            assertTrue(requests.stream().noneMatch(r -> r.contains("\"channel\":\"ticker\"")), requests.toString());
        }
    }

    @Test
    void anUnknownPairIsReportedWithItsReasonAndTheOthersStream()
    {
        final List<String> symbols = new ArrayList<>(SYMBOLS);
        symbols.add("XBT/USD");
        try (SimulatedFeed feed = new SimulatedFeed(simulatorSettings(), clientSettings(symbols)))
        {
            // the refusal itself reaches the ring, where the normalize stage writes it to kraken:errors
            feed.awaitFrame(0, WAIT, "\"success\":false", "Currency pair not supported XBT/USD");
            feed.awaitFrame(0, WAIT, "\"channel\":\"book\",\"type\":\"snapshot\"", "SOL/USD");
            assertTrue(feed.client.metrics().ackErrors() > 0, "the client counted the refusal");
            assertEquals(1, feed.sessionStarts.get(), "a refused pair never costs the connection");
        }
    }

    @Test
    void reconnectsAfterADropAndRestoresEverySubscription()
    {
        try (SimulatedFeed feed = new SimulatedFeed(simulatorSettings(), clientSettings(SYMBOLS)))
        {
            feed.awaitFrame(0, WAIT, "\"channel\":\"book\",\"type\":\"snapshot\"", "SOL/USD");
            final int before = feed.frameCount();
            feed.simulator.faults().dropConnections();

            final Map<String, String> disconnected = feed.await(StreamCatalog.EVENTS_BUS, "disconnect", WAIT);
            assertEquals("closed by the server: 1000 Bye", disconnected.get("reason"), "the server's close frame is reported");
            feed.await(StreamCatalog.KRAKEN_STATUS, "reconnect_scheduled", f -> f.containsKey("delay_ms"), WAIT);
            feed.await(StreamCatalog.EVENTS_BUS, "connect", f -> "2".equals(f.get("attempt")), WAIT);
            for (final String symbol : SYMBOLS)
            {
                feed.awaitFrame(before, WAIT, "\"channel\":\"book\",\"type\":\"snapshot\"", symbol);
                feed.awaitFrame(before, WAIT, "\"channel\":\"trade\"", symbol);
            }
            assertEquals(2, feed.sessionStarts.get());
            assertEquals(2, feed.simulator.connectionsAccepted());
        }
    }

    @Test
    void aSubscriptionAckedButStalledIsResubscribed()
    {
        final SimulatedFeed feed = new SimulatedFeed(
            new KrakenSimulator(simulatorSettings()).start(0),
            clientSettings(SYMBOLS).dataSilenceMillis(600));
        try (feed)
        {
            // the fault must be armed before the client subscribes, so stall the resubscribe after a drop
            feed.awaitFrame(0, WAIT, "\"channel\":\"book\",\"type\":\"snapshot\"", "ETH/USD");
            feed.simulator.faults().stallNextSubscription("book", "ETH/USD");
            feed.simulator.faults().dropConnections();
            feed.await(StreamCatalog.EVENTS_BUS, "connect", f -> "2".equals(f.get("attempt")), WAIT);
            final int afterReconnect = feed.frameCount();

            final Map<String, String> watchdog = feed.await(StreamCatalog.KRAKEN_ERRORS, "watchdog",
                f -> "data_silence".equals(f.get("watchdog")) && "ETH/USD".equals(f.get("symbol")), WAIT);
            assertEquals("book", watchdog.get("channel"));
            feed.awaitFrame(afterReconnect, WAIT, "\"channel\":\"book\",\"type\":\"snapshot\"", "ETH/USD");
            assertTrue(feed.simulator.requests().stream()
                .anyMatch(r -> r.startsWith("{\"method\":\"unsubscribe\"") && r.contains("\"ETH/USD\"")));
            assertEquals(2, feed.sessionStarts.get(), "a dead subscription is fixed without reconnecting");
        }
    }

    @Test
    void aResyncRequestResubscribesThatBookOnceAndAFreshSnapshotArrives()
    {
        try (SimulatedFeed feed = new SimulatedFeed(simulatorSettings(), clientSettings(SYMBOLS)))
        {
            feed.awaitFrame(0, WAIT, "\"channel\":\"book\",\"type\":\"snapshot\"", "BTC/USD");
            feed.awaitFrame(0, WAIT, "\"channel\":\"book\",\"type\":\"update\"", "BTC/USD");
            final int requestsBefore = feed.simulator.requests().size();
            final int framesBefore = feed.frameCount();
            feed.resyncs.raise(feed.id("BTC/USD"));
            feed.resyncs.raise(feed.id("BTC/USD"));

            feed.await(StreamCatalog.EVENTS_BUS, "resync_requested", f -> "BTC/USD".equals(f.get("symbol")), WAIT);
            feed.awaitFrame(framesBefore, WAIT, "\"channel\":\"book\",\"type\":\"snapshot\"", "BTC/USD");
            feed.await(StreamCatalog.EVENTS_BUS, "resync_done", f -> "BTC/USD".equals(f.get("symbol")), WAIT);
            Pause.millis(200);
            final List<String> resync = feed.simulator.requests().subList(requestsBefore, feed.simulator.requests().size());
            assertEquals(List.of(
                "{\"method\":\"unsubscribe\",\"params\":{\"channel\":\"book\",\"symbol\":[\"BTC/USD\"],\"depth\":10},\"req_id\":" + reqId(resync.get(0)) + "}",
                "{\"method\":\"subscribe\",\"params\":{\"channel\":\"book\",\"symbol\":[\"BTC/USD\"],\"depth\":10},\"req_id\":" + reqId(resync.get(1)) + "}"),
                resync, "exactly one unsubscribe and one subscribe of that book");
            assertEquals(1, feed.entries(StreamCatalog.EVENTS_BUS, "resync_requested").size());
        }
    }

    @Test
    void aBookThatKeepsNeedingResyncsIsReportedAndRetriedSlowly()
    {
        // resync(3 attempts, 5 s window, 2 s slow retry)
        try (SimulatedFeed feed = new SimulatedFeed(simulatorSettings(), clientSettings(SYMBOLS)))
        {
            feed.awaitFrame(0, WAIT, "\"channel\":\"book\",\"type\":\"snapshot\"", "ETH/USD");
            for (int resync = 1; resync <= 3; resync++)
            {
                final int done = resync;
                feed.resyncs.raise(feed.id("ETH/USD"));
                feed.await(StreamCatalog.EVENTS_BUS, "resync_done", f -> "ETH/USD".equals(f.get("symbol"))
                    && feed.entries(StreamCatalog.EVENTS_BUS, "resync_done").size() == done, WAIT);
                Pause.millis(50); // let the new subscription's ack land
            }
            final long beforeGiveUp = System.nanoTime();
            feed.resyncs.raise(feed.id("ETH/USD"));
            final Map<String, String> gaveUp = feed.await(StreamCatalog.KRAKEN_ERRORS, "resync_gave_up", WAIT);
            assertEquals("ETH/USD", gaveUp.get("symbol"));
            assertEquals("3", gaveUp.get("attempts"));
            assertEquals("2000", gaveUp.get("slow_retry_ms"));
            feed.await(StreamCatalog.EVENTS_BUS, "resync_requested",
                f -> "ETH/USD".equals(f.get("symbol")) && "4".equals(f.get("attempt")), WAIT);
            assertTrue(System.nanoTime() - beforeGiveUp >= 1_500_000_000L, "the fourth resync waited for the slow retry");
            assertEquals(1, feed.sessionStarts.get());
        }
    }

    @Test
    void heartbeatsAreCountedInTheFeedMetricsAndHandedOnForTheNormalizeStageToWrite()
    {
        try (SimulatedFeed feed = new SimulatedFeed(simulatorSettings().framesPerSecond(1).heartbeatIntervalMillis(100),
            clientSettings(SYMBOLS).dataSilenceMillis(60_000)))
        {
            feed.await(StreamCatalog.KRAKEN_METRICS, "kraken.metrics", f -> f.get("frames_per_s").contains("\"heartbeat\""),
                WAIT);
            feed.client.stop();
            final long heartbeats = feed.client.metrics().frames(Channel.HEARTBEAT);
            assertTrue(heartbeats > 1, "heartbeats counted: " + heartbeats);
            assertEquals(heartbeats, feed.frames.stream().filter(f -> f.startsWith("{\"channel\":\"heartbeat\"")).count(),
                "every heartbeat reaches the sink");
            assertEquals(List.of(), feed.entries(StreamCatalog.KRAKEN_HEARTBEAT));
        }
    }

    @Test
    void aCorruptedChecksumReachesTheSinkAsTheOnlyDifferenceFromTheMarket()
    {
        try (SimulatedFeed feed = new SimulatedFeed(simulatorSettings(), clientSettings(SYMBOLS)))
        {
            feed.awaitFrame(0, WAIT, "\"channel\":\"book\",\"type\":\"update\"", "BTC/USD");
            feed.simulator.faults().corruptNextChecksum("BTC/USD");
            final int before = feed.frameCount();
            feed.awaitFrame(before + 200, WAIT, "\"channel\":\"book\",\"type\":\"update\"");
            feed.client.stop();

            // the same seed replays the same market: received book updates must match it, but for one checksum
            final List<String> received = new ArrayList<>();
            for (final String frame : feed.frames)
            {
                if (frame.startsWith("{\"channel\":\"book\",\"type\":\"update\""))
                {
                    received.add(frame);
                }
            }
            final SyntheticMarket reference = new SyntheticMarket(7, 10, SYMBOLS);
            final List<String> expected = new ArrayList<>();
            while (expected.size() < 1_000_000 && (expected.isEmpty() || !sameButChecksum(expected.get(expected.size() - 1),
                received.get(received.size() - 1))))
            {
                reference.step((channel, symbol, frame) ->
                {
                    if (channel == Channel.BOOK)
                    {
                        expected.add(frame);
                    }
                });
            }
            final int start = expected.indexOf(received.get(0));
            assertTrue(start >= 0, "the first received update is one the market made");
            int corrupted = 0;
            for (int i = 0; i < received.size(); i++)
            {
                final String want = expected.get(start + i);
                final String got = received.get(i);
                if (!want.equals(got))
                {
                    assertTrue(sameButChecksum(want, got) && got.contains("BTC/USD"), "only a checksum differs: " + got);
                    corrupted++;
                }
            }
            assertEquals(1, corrupted);
        }
    }

    private static boolean sameButChecksum(final String a, final String b)
    {
        return a.replaceAll("\"checksum\":\\d+", "").equals(b.replaceAll("\"checksum\":\\d+", ""));
    }

    private static String reqId(final String request)
    {
        return request.substring(request.indexOf("\"req_id\":") + 9, request.length() - 1);
    }
}
