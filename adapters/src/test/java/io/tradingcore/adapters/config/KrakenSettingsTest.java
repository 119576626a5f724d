package io.tradingcore.adapters.config;

import io.tradingcore.adapters.kraken.KrakenFeedSettings;
import io.tradingcore.adapters.kraken.auth.KrakenOrderSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code kraken.*} read once into the feed's and the order connection's typed settings, units converted there. */
class KrakenSettingsTest
{
    @TempDir
    Path dir;

    private KrakenSettings load(final String yaml, final String... args) throws IOException, ConfigException
    {
        Files.write(dir.resolve("base.yaml"), yaml.getBytes(StandardCharsets.UTF_8));
        return ConfigLoader.load(args, Map.of(), dir).kraken();
    }

    /** Every {@code kraken.*} feed key set to a value other than its default, in the configuration's units. */
    private KrakenFeedSettings configuredFeed() throws IOException, ConfigException
    {
        return load("kraken:\n"
            + "  publicUrl: \"ws://127.0.0.1:9/v2\"\n"
            + "  symbols: [BTC/USD, SOL/USD]\n"
            + "  ticker: {enabled: false, eventTrigger: bbo}\n"
            + "  trade: {snapshot: true}\n"
            + "  book: {depth: 25}\n"
            + "  ohlc: {intervals: [1, 60]}\n"
            + "  instrument: {enabled: false}\n"
            + "  rateLimit: {messagesPerSecond: 4, burst: 8, maxConnectsPer10Min: 100}\n"
            + "  watchdog: {connectionSilenceSeconds: 12, pingTimeoutSeconds: 3, dataSilenceSeconds: 90}\n"
            + "  reconnect: {initialMs: 500, maxMs: 20000, jitter: 0.1, afterMaintenanceMs: 6000}\n"
            + "  resync: {maxPerWindow: 7, windowSeconds: 120, slowRetrySeconds: 45}\n").feed();
    }

    @Test
    void theFeedConnectsToTheConfiguredUrlForTheConfiguredSymbols() throws Exception
    {
        final KrakenFeedSettings feed = configuredFeed();
        assertEquals("ws://127.0.0.1:9/v2", feed.endpoint().toString());
        assertEquals(List.of("BTC/USD", "SOL/USD"), feed.symbols());
    }

    @Test
    void theFeedSubscribesTheConfiguredChannelsWithTheirOptions() throws Exception
    {
        final KrakenFeedSettings feed = configuredFeed();
        assertFalse(feed.ticker());
        assertTrue(feed.trade() && feed.book());
        assertEquals("bbo", feed.tickerEventTrigger());
        assertTrue(feed.tradeSnapshot());
        assertEquals(25, feed.bookDepth());
        assertArrayEquals(new int[] {1, 60}, feed.ohlcIntervals());
        assertFalse(feed.instrument());
    }

    @Test
    void theRateLimitsCountConnectionAttemptsPerTenMinutes() throws Exception
    {
        final KrakenFeedSettings feed = configuredFeed();
        assertEquals(4.0, feed.controlMessagesPerSecond());
        assertEquals(8, feed.controlBurst());
        assertEquals(100, feed.maxConnectionAttempts());
        assertEquals(600_000, feed.connectionAttemptWindowMillis());
    }

    @Test
    void theWatchdogsSecondsBecomeMillis() throws Exception
    {
        final KrakenFeedSettings feed = configuredFeed();
        assertEquals(12_000, feed.connectionSilenceMillis());
        assertEquals(3_000, feed.pingTimeoutMillis());
        assertEquals(90_000, feed.dataSilenceMillis());
    }

    @Test
    void theReconnectBackoffIsTheConfiguredOne() throws Exception
    {
        final KrakenFeedSettings feed = configuredFeed();
        assertEquals(500, feed.backoffInitialMillis());
        assertEquals(20_000, feed.backoffMaxMillis());
        assertEquals(0.1, feed.backoffJitter());
        assertEquals(6_000, feed.minDelayAfterMaintenanceMillis());
    }

    @Test
    void theResyncBoundsSecondsBecomeMillis() throws Exception
    {
        final KrakenFeedSettings feed = configuredFeed();
        assertEquals(7, feed.resyncMaxAttempts());
        assertEquals(120_000, feed.resyncWindowMillis());
        assertEquals(45_000, feed.resyncSlowRetryMillis());
    }

    @Test
    void whatTheConfigurationAllowsTheFeedClientTakes() throws Exception
    {
        final KrakenFeedSettings feed = configuredFeed();
        assertEquals(feed, feed.validate(), "what the configuration allows, the client takes");
    }

    @Test
    void disabledCandlesSubscribeNoInterval() throws Exception
    {
        assertArrayEquals(new int[0], load("kraken: {ohlc: {enabled: false}}\n").feed().ohlcIntervals());
    }

    @Test
    void theOrderConnectionsSettingsCarryTheAuthenticatedEndpointsAndTheClockItsBound() throws Exception
    {
        final KrakenSettings kraken = load("kraken:\n  privateUrl: \"wss://auth.example/v2\"\n"
            + "  restUrl: \"https://rest.example\"\n  clock: {maxJumpMs: 2000}\n");
        final KrakenOrderSettings orders = kraken.orders();
        assertEquals("wss://auth.example/v2", orders.endpoint().toString());
        assertEquals("https://rest.example", orders.restBaseUrl().toString());
        assertEquals(orders, orders.validate());
        assertEquals(2_000_000L, kraken.clockMaxJumpMicros());
    }

    @Test
    void aUrlThatIsNoUriIsRefusedNamingItsKey()
    {
        final ConfigException refused = assertThrows(ConfigException.class,
            () -> load("kraken: {publicUrl: \"wss://a host/v2\"}\n"));
        assertTrue(refused.getMessage().contains("kraken.publicUrl"), refused.getMessage());
    }
}
