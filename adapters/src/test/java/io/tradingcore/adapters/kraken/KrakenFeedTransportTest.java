package io.tradingcore.adapters.kraken;

import io.tradingcore.adapters.sim.KrakenSimulatorSettings;
import io.tradingcore.adapters.sim.SyntheticMarket;
import io.tradingcore.core.stream.StreamCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static io.tradingcore.adapters.kraken.SimulatedFeed.SYMBOLS;
import static io.tradingcore.adapters.kraken.SimulatedFeed.clientSettings;
import static io.tradingcore.adapters.kraken.SimulatedFeed.simulatorSettings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** wss:// with hostname verification, and messages split over continuation frames. */
class KrakenFeedTransportTest
{
    private static final long WAIT = 5_000;

    @TempDir
    Path dir;

    @Test
    void streamsOverTlsWithAVerifiedCertificateAndRefusesAnUntrustedOne() throws Exception
    {
        final TestCertificate certificate = TestCertificate.generate(dir);
        final KrakenSimulatorSettings tls =
            simulatorSettings().sslContext(certificate.serverContext());
        try (SimulatedFeed feed = new SimulatedFeed(tls, clientSettings(SYMBOLS).trustManagerFactory(certificate.trust())))
        {
            assertTrue(feed.simulator.uri().toString().startsWith("wss://127.0.0.1:"));
            feed.await(StreamCatalog.EVENTS_BUS, "connect", WAIT);
            feed.awaitFrame(0, WAIT, "\"channel\":\"book\",\"type\":\"snapshot\"", "BTC/USD");
            feed.awaitFrame(0, WAIT, "\"channel\":\"book\",\"type\":\"update\"");
        }
        try (SimulatedFeed feed = new SimulatedFeed(tls, clientSettings(SYMBOLS)))
        {
            // the JDK's default trust store does not know the simulator's certificate
            final Map<String, String> refused = feed.await(StreamCatalog.KRAKEN_STATUS, "disconnected", WAIT);
            assertTrue(refused.get("reason").contains("SSLHandshakeException"), refused.get("reason"));
            assertEquals(0, feed.sessionStarts.get());
        }
    }

    @Test
    void fragmentedMessagesAreReassembledByteForByte()
    {
        try (SimulatedFeed feed = new SimulatedFeed(simulatorSettings().fragmentAboveBytes(100), clientSettings(SYMBOLS)))
        {
            final String instrument = feed.awaitFrame(0, WAIT, "\"channel\":\"instrument\",\"type\":\"snapshot\"");
            assertEquals(new SyntheticMarket(7, 10, SYMBOLS).instrumentSnapshot(), instrument);
            for (final String symbol : SYMBOLS)
            {
                feed.awaitFrame(0, WAIT, "\"channel\":\"book\",\"type\":\"snapshot\"", symbol);
            }
            feed.awaitFrame(0, WAIT, "\"channel\":\"book\",\"type\":\"update\"");
            feed.client.stop();
            assertTrue(feed.client.fragmentedMessages() > 10, "fragmented: " + feed.client.fragmentedMessages());
            for (final String frame : feed.frames)
            {
                assertNotNull(ControlJson.parseObject(frame), "a whole JSON object: " + frame);
            }
            assertEquals(0, feed.entries(StreamCatalog.KRAKEN_ERRORS, "frame_rejected").size());
        }
    }
}
