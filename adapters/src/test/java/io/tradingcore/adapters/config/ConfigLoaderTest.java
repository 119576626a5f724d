package io.tradingcore.adapters.config;

import io.tradingcore.core.ring.Topology;
import io.tradingcore.core.stream.Environment;
import io.tradingcore.core.stream.StreamCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigLoaderTest
{
    /** The shipped files, from the adapters module directory where Surefire runs. */
    private static final Path SHIPPED = Path.of("..", "run", "config");

    @TempDir
    Path dir;

    private Path write(final String name, final String yaml) throws IOException
    {
        final Path file = dir.resolve(name);
        Files.write(file, yaml.getBytes(StandardCharsets.UTF_8));
        return file;
    }

    private TradingConfig load(final Map<String, String> env, final String... args) throws ConfigException
    {
        return ConfigLoader.load(args, env, dir);
    }

    private ConfigException refused(final Map<String, String> env, final String... args)
    {
        return assertThrows(ConfigException.class, () -> load(env, args));
    }

    @Test
    void builtInDefaultsWithoutAnyFile() throws ConfigException
    {
        final TradingConfig config = load(Map.of());
        assertEquals(Environment.DEVELOPMENT, config.environment());
        assertEquals("redis://127.0.0.1:6379", config.redis().url());
        assertEquals(List.of("BTC/USD", "ETH/USD", "ETH/BTC", "SOL/USD"), config.kraken().symbols());
        assertEquals(10, config.kraken().bookDepth());
        assertEquals(FeedSettings.Source.KRAKEN, config.feed().source());
        assertEquals(Topology.COMPACT, config.ring().topology());
        assertEquals(10_000, config.streams().maxLen(StreamCatalog.MD_TRADES_SYMBOL));
        assertTrue(config.orderEntryAllowed());
        assertEquals("", config.refusalReason());
    }

    @Test
    void eachLayerOverridesTheOneBelow() throws Exception
    {
        write("base.yaml", "redis: {url: \"redis://base:1\"}\nring: {topology: pinned, size: 64}\nlive: {armed: false}\n");
        assertEquals("redis://base:1", load(Map.of()).redis().url());

        write("development.yaml", "redis: {url: \"redis://envfile:2\"}\nring: {topology: compact}\n");
        assertEquals("redis://envfile:2", load(Map.of()).redis().url());
        assertEquals(Topology.COMPACT, load(Map.of()).ring().topology());
        assertEquals(64, load(Map.of()).ring().size(), "a key the upper layer does not set keeps its lower value");

        final Path custom = write("custom.yaml", "redis: {url: \"redis://custom:3\"}\nring: {topology: pinned}\nlive: {armed: true}\n");
        final TradingConfig withFile = load(Map.of(), "--config", custom.toString());
        assertEquals("redis://custom:3", withFile.redis().url());
        assertEquals(Topology.PINNED, withFile.ring().topology());
        assertTrue(withFile.liveArmed());

        final Map<String, String> env = Map.of("REDIS_URL", "redis://variable:4", "TRADING_ARM_LIVE", "false");
        final TradingConfig withVariables = load(env, "--config", custom.toString());
        assertEquals("redis://variable:4", withVariables.redis().url());
        assertFalse(withVariables.liveArmed());

        final TradingConfig withFlags = load(env, "--config", custom.toString(), "--redis", "redis://flag:5",
            "--topology=compact", "--arm-live");
        assertEquals("redis://flag:5", withFlags.redis().url());
        assertEquals(Topology.COMPACT, withFlags.ring().topology());
        assertTrue(withFlags.liveArmed());
    }

    @Test
    void theEnvironmentChoosesItsFileFromEveryOtherLayer() throws Exception
    {
        write("base.yaml", "environment: staging\n");
        write("staging.yaml", "ring: {size: 128}\n");
        write("production.yaml", "ring: {size: 256}\n");
        assertEquals(128, load(Map.of()).ring().size());
        assertEquals(Environment.STAGING, load(Map.of()).environment());

        final Path custom = write("custom.yaml", "environment: development\n");
        assertEquals(Environment.DEVELOPMENT, load(Map.of(), "--config", custom.toString()).environment());
        assertEquals(4096, load(Map.of(), "--config", custom.toString()).ring().size());

        final Map<String, String> production = Map.of("ENVIRONMENT", "production");
        assertEquals(256, load(production, "--config", custom.toString()).ring().size());
        assertEquals(Environment.STAGING, load(production, "--env", "staging").environment());
        assertEquals(128, load(production, "--env", "staging").ring().size());
    }

    @Test
    void anEnvironmentFileCannotChooseTheEnvironment() throws Exception
    {
        write("development.yaml", "environment: production\n");
        final String message = refused(Map.of()).getMessage();
        assertTrue(message.contains("development.yaml") && message.contains("environment"), message);
    }

    @Test
    void productionRefusesOrderEntryUntilArmed() throws ConfigException
    {
        final TradingConfig unarmed = load(Map.of(), "--env", "production");
        assertFalse(unarmed.orderEntryAllowed());
        assertTrue(unarmed.refusalReason().contains("--arm-live"), unarmed.refusalReason());
        assertTrue(unarmed.describe().contains("REFUSED"));
        assertTrue(load(Map.of("TRADING_ARM_LIVE", "true"), "--env", "production").orderEntryAllowed());
        assertTrue(load(Map.of(), "--env", "production", "--arm-live").orderEntryAllowed());
        assertTrue(load(Map.of(), "--env", "staging").orderEntryAllowed(), "PAPER modes need no arming");
    }

    @Test
    void unknownKeyNamesTheFileTheKeyAndTheKnownKeys() throws Exception
    {
        final Path base = write("base.yaml", "kraken:\n  book:\n    dept: 25\n");
        final String message = refused(Map.of()).getMessage();
        assertTrue(message.contains(base.toString()), message);
        assertTrue(message.contains("unknown key kraken.book.dept"), message);
        assertTrue(message.contains("known keys under kraken.book: enabled, depth"), message);

        write("base.yaml", "");
        final Path custom = write("custom.yaml", "paper:\n  startingCash: 5\nstrategies:\n  scalping:\n    enabled: true\n");
        final String inCustom = refused(Map.of(), "--config", custom.toString()).getMessage();
        assertTrue(inCustom.contains(custom.toString()) && inCustom.contains("unknown key strategies.scalping.enabled"), inCustom);
    }

    @Test
    void aValueOutsideItsSetNamesTheFileTheKeyTheValueAndTheAllowedOnes() throws Exception
    {
        final Path base = write("base.yaml", "kraken: {book: {depth: 27}}\n");
        final String message = refused(Map.of()).getMessage();
        assertTrue(message.startsWith("file " + base), message);
        assertTrue(message.contains("kraken.book.depth = 27") && message.contains("10, 25, 100, 500, 1000"), message);
    }

    @Test
    void candleIntervalsAreKrakensOnly() throws Exception
    {
        write("base.yaml", "kraken:\n  ohlc:\n    intervals: [1, 2]\n");
        final String message = refused(Map.of()).getMessage();
        assertTrue(message.contains("kraken.ohlc.intervals = [1, 2]") && message.contains("21600"), message);
    }

    @Test
    void theRingSizeIsAPowerOfTwo() throws Exception
    {
        write("base.yaml", "ring:\n  size: 1000\n");
        final String message = refused(Map.of()).getMessage();
        assertTrue(message.contains("ring.size = 1000") && message.contains("power of two"), message);
    }

    @Test
    void aBadFlagValueNamesTheFlag()
    {
        final String message = refused(Map.of(), "--topology", "foo").getMessage();
        assertEquals("command line flag --topology: ring.topology = \"foo\" is not allowed; expected one of compact, pinned", message);
    }

    @Test
    void aBadEnvironmentVariableNamesTheVariable()
    {
        final String message = refused(Map.of("ENVIRONMENT", "foo")).getMessage();
        assertEquals("environment variable ENVIRONMENT: environment = \"foo\" is not allowed; " +
            "expected one of development, staging, production", message);
    }

    @Test
    void aCountIsAWholeNumber() throws Exception
    {
        write("base.yaml", "redis: {batchSize: many}\n");
        final String message = refused(Map.of()).getMessage();
        assertTrue(message.contains("redis.batchSize = \"many\"") && message.contains("whole number"), message);
    }

    @Test
    void theDelayAfterMaintenanceIsAtLeastKrakensFiveSeconds() throws Exception
    {
        write("base.yaml", "kraken: {reconnect: {afterMaintenanceMs: 1000}}\n");
        assertTrue(refused(Map.of()).getMessage().contains("from 5000"));
    }

    @Test
    void connectionAttemptsStayWithinKrakensLimit() throws Exception
    {
        write("base.yaml", "kraken: {rateLimit: {maxConnectsPer10Min: 151}}\n");
        assertTrue(refused(Map.of()).getMessage().contains("from 1 to 150"));
    }

    @Test
    void aSymbolThatIsNoKrakenPairNameIsRefusedNamingIt()
    {
        final String message = refused(Map.of(), "--symbols", "BTC/USD,btcusd").getMessage();
        assertTrue(message.startsWith("command line flag --symbols") && message.contains("btcusd"), message);
    }

    @Test
    void anUnknownWaitStrategyListsTheKnownOnes()
    {
        final String message = refused(Map.of(), "--wait-strategy", "spin").getMessage();
        assertTrue(message.contains("busy-spin, yielding, sleeping, blocking"), message);
    }

    @Test
    void aReplayFeedNeedsAPath()
    {
        final String message = refused(Map.of(), "--feed", "replay:").getMessage();
        assertTrue(message.contains("replay:PATH"), message);
    }

    @Test
    void aReplayFeedNeedsAFileThatExists()
    {
        final String message = refused(Map.of(), "--feed", "replay:" + dir.resolve("missing.jsonl")).getMessage();
        assertTrue(message.contains("replay file not found: "), message);
    }

    @Test
    void badFlagsAndBadYaml() throws Exception
    {
        assertEquals("command line flag --depth is unknown; run with --help for the list", refused(Map.of(), "--depth", "10").getMessage());
        assertTrue(refused(Map.of(), "--redis").getMessage().contains("needs a value"));
        assertTrue(refused(Map.of(), "--config", dir.resolve("nope.yaml").toString()).getMessage().contains("nope.yaml"));
        write("base.yaml", "just text\n");
        assertTrue(refused(Map.of()).getMessage().contains("top level must be a map"));
        write("base.yaml", "");
        write("kraken.yaml", "kraken: {book: {depth: 10}}\nredis: {batchSize: 5}\n");
        assertTrue(refused(Map.of()).getMessage().contains("kraken section only"));
    }

    @Test
    void streamsConfigureTheCatalog() throws Exception
    {
        write("base.yaml", "streams:\n  defaultMaxLen: 2000\n  maxLen:\n    \"md:trades:{symbol}\": 50000\n" +
            "  enabled:\n    \"arb:scored\": false\n  mirror: signals:copy\n");
        final StreamCatalog catalog = new StreamCatalog();
        load(Map.of()).streams().applyTo(catalog);
        assertEquals(50_000, catalog.maxLen(StreamCatalog.MD_TRADES_SYMBOL));
        assertEquals(2_000, catalog.maxLen(StreamCatalog.SIGNALS_PAPER));
        assertFalse(catalog.enabled(StreamCatalog.ARB_SCORED));
        assertTrue(catalog.enabled(StreamCatalog.SIGNALS_MIRROR));
        assertEquals("signals:copy", catalog.template(StreamCatalog.SIGNALS_MIRROR));

        write("base.yaml", "streams: {mirror: \"signals:active\"}\n");
        assertTrue(refused(Map.of()).getMessage().contains("streams.mirror = \"signals:active\""));
        write("base.yaml", "streams: {maxLen: {\"md:tardes\": 5}}\n");
        assertTrue(refused(Map.of()).getMessage().contains("unknown: md:tardes"));
    }

    @Test
    void strategyParametersAreNumbersReadByName() throws Exception
    {
        write("base.yaml", "strategies:\n  scalp:\n    enabled: false\n    params: {imbalance_min: 9, flow_min: \"0.25\"}\n");
        final TradingConfig config = load(Map.of());
        assertFalse(config.strategies().enabled("scalp"));
        assertTrue(config.strategies().enabled("trend"));
        assertEquals(9.0, config.param("scalp", "imbalance_min", 5.0));
        assertEquals(0.25, config.param("scalp", "flow_min", 1.0));
        assertEquals(5.0, config.param("scalp", "max_spread_bps", 5.0));
        assertThrows(IllegalArgumentException.class, () -> config.param("scalping", "imbalance_min", 5.0));

        write("base.yaml", "strategies:\n  trend:\n    params: {ema_fast: fast}\n");
        final String message = refused(Map.of()).getMessage();
        assertTrue(message.contains("strategies.trend.params.ema_fast = \"fast\"") && message.contains("a number"), message);
    }

    @Test
    void ringCpusAreOnesThisProcessMayRunOn() throws Exception
    {
        write("base.yaml", "ring:\n  cpus: [0]\n");
        assertArrayEquals(new int[] {0}, load(Map.of()).ring().cpus());
        write("base.yaml", "ring:\n  cpus: [0, 99]\n");
        final String message = refused(Map.of()).getMessage();
        assertTrue(message.startsWith("file " + dir.resolve("base.yaml") + ", line 2: ring.cpus = [0, 99] is not allowed; " +
            "expected CPUs this process may run on: {0"), message);
    }

    @Test
    void oneFeeScheduleConfiguredOnceByThirtyDayVolume() throws Exception
    {
        final TradingConfig shipped = ConfigLoader.load(new String[0], Map.of(), SHIPPED);
        assertEquals(25.0, shipped.fees().makerBps());
        assertEquals(40.0, shipped.fees().takerBps());
        write("base.yaml", "fees:\n  thirtyDayVolumeUsd: 60000\n");
        assertEquals(14.0, load(Map.of()).fees().makerBps());
        assertEquals(24.0, load(Map.of()).fees().takerBps());
        write("base.yaml", "fees:\n  tiers: [\n    [0, 10, 20],\n    [1000, 5, 15]]\n  thirtyDayVolumeUsd: 999\n");
        assertEquals(20.0, load(Map.of()).fees().takerBps());

        write("base.yaml", "fees:\n  tiers: [[5, 10, 20]]\n");
        String message = refused(Map.of()).getMessage();
        assertTrue(message.contains("fees.tiers") && message.contains("start at 0"), message);
        write("base.yaml", "paper:\n  takerFeeBps: 10\n");
        message = refused(Map.of()).getMessage();
        assertTrue(message.contains("unknown key paper.takerFeeBps"), "no second fee setting: " + message);
        write("base.yaml", "arbitrage:\n  takerFeeBps: 10\n");
        message = refused(Map.of()).getMessage();
        assertTrue(message.contains("unknown key arbitrage.takerFeeBps"), "no third: " + message);
    }

    @Test
    void describeMasksSecretsAndLoadsBackAsTheSameConfiguration() throws Exception
    {
        final Map<String, String> env = new HashMap<>();
        env.put("REDIS_URL", "redis://trader:s3cretPass@redis.example:6380/2");
        env.put("KRAKEN_API_KEY", "kEyVaLuE123");
        env.put("KRAKEN_API_SECRET", "c2VjcmV0U2VjcmV0");
        final TradingConfig config = ConfigLoader.load(new String[] {"--env", "staging", "--print-config"}, env, SHIPPED);
        assertTrue(config.printConfigRequested());
        final String printed = config.describe();
        assertFalse(printed.contains("s3cretPass"), printed);
        assertFalse(printed.contains("kEyVaLuE123") || printed.contains("c2VjcmV0U2VjcmV0"), printed);
        assertTrue(printed.contains("redis://trader:****@redis.example:6380/2"), printed);
        assertTrue(printed.contains("set from KRAKEN_API_KEY and KRAKEN_API_SECRET"), printed);
        assertEquals("redis://trader:s3cretPass@redis.example:6380/2", config.redis().url());
        assertEquals("redis://:****@h:1", RedisSettings.mask("redis://:pw@h:1"));
        assertEquals("redis://****@h:1", RedisSettings.mask("redis://pw@h:1"));
        assertEquals("redis://h:1", RedisSettings.mask("redis://h:1"));

        final String badUrl = assertThrows(ConfigException.class,
            () -> ConfigLoader.load(new String[] {"--redis", "http://u:pAsSwOrD@h:1"}, Map.of(), dir)).getMessage();
        assertFalse(badUrl.contains("pAsSwOrD"), badUrl);
        assertTrue(badUrl.startsWith("command line flag --redis: redis.url = http://u:****@h:1"), badUrl);

        final Path printedFile = write("printed.yaml", printed);
        final Path empty = Files.createDirectory(dir.resolve("empty"));
        final TradingConfig reloaded = ConfigLoader.load(new String[] {"--config", printedFile.toString()}, Map.of(), empty);
        assertEquals(body(printed), body(reloaded.describe()));
        assertEquals(Environment.STAGING, reloaded.environment());
    }

    private static String body(final String described)
    {
        return described.replaceAll("(?m)^#.*\\n", "");
    }

    @Test
    void theShippedFilesLoadForEveryEnvironment() throws ConfigException
    {
        for (final Environment environment : Environment.values())
        {
            final TradingConfig config = ConfigLoader.load(new String[] {"--env", environment.id()}, Map.of(), SHIPPED);
            assertEquals(environment, config.environment());
            assertEquals(List.of("BTC/USD", "ETH/USD", "ETH/BTC", "SOL/USD"), config.kraken().symbols());
            assertEquals("wss://ws.kraken.com/v2", config.kraken().feed().endpoint().toString());
            assertEquals(1, config.kraken().pricePrecisionFallback("BTC/USD"));
            assertEquals(8, config.kraken().qtyPrecisionFallback("BTC/USD"));
            assertEquals(-1, config.kraken().pricePrecisionFallback("DOGE/USD"));
            assertArrayEquals(new int[] {1, 5, 15, 60}, config.kraken().feed().ohlcIntervals());
            assertEquals(50_000, config.streams().maxLen(StreamCatalog.MD_TRADES_SYMBOL));
            assertEquals(environment != Environment.PRODUCTION, config.orderEntryAllowed());
        }
        final TradingConfig production = ConfigLoader.load(new String[] {"--env", "production"}, Map.of(), SHIPPED);
        assertEquals(Topology.PINNED, production.ring().topology());
        assertEquals("busy-spin", production.ring().waitStrategy());
        assertEquals(30_000, production.kraken().feed().backoffMaxMillis());
        assertEquals(60_000, ConfigLoader.load(new String[0], Map.of(), SHIPPED).kraken().feed().backoffMaxMillis());
    }

    @Test
    void aSimulatedFeedSubscribesAndPrintsOnlyTheCandleIntervalsTheSimulatorServes() throws Exception
    {
        final TradingConfig sim = ConfigLoader.load(new String[] {"--feed", "sim", "--print-config"}, Map.of(), SHIPPED);
        assertArrayEquals(new int[] {1, 5}, sim.kraken().feed().ohlcIntervals());
        assertTrue(sim.describe().replaceAll("\\s", "").contains("intervals:[1,5]"), sim.describe());
        final TradingConfig live = ConfigLoader.load(new String[] {"--print-config"}, Map.of(), SHIPPED);
        assertArrayEquals(new int[] {1, 5, 15, 60}, live.kraken().feed().ohlcIntervals());
    }

    @Test
    void helpReadsNothingAndUsageListsEveryFlagAndVariable() throws Exception
    {
        write("base.yaml", "this: [is, broken\n");
        assertTrue(load(Map.of(), "--redis", "x", "--help").helpRequested());
        final String usage = ConfigLoader.usage();
        for (final String name : new String[] {"--feed", "--redis", "--env", "--config", "--record", "--symbols", "--topology",
            "--wait-strategy", "--arm-live", "--print-config", "--help", "--redis-ca-file", "--spill-path", "--state-dir", "ENVIRONMENT",
            "REDIS_URL", "REDIS_CA_FILE", "TRADING_ARM_LIVE", "KRAKEN_API_KEY", "KRAKEN_API_SECRET_FILE"})
        {
            assertTrue(usage.contains(name), name);
        }
    }

    @Test
    void credentialFilesMustBeReadableByTheirOwnerOnly() throws Exception
    {
        final Path key = write("kraken.key", "the-api-key\n");
        final Path secret = write("kraken.secret", "c2VjcmV0\n");
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
        final Map<String, String> env = Map.of("KRAKEN_API_KEY_FILE", key.toString(), "KRAKEN_API_SECRET_FILE", secret.toString());
        final KrakenCredentials credentials = load(env).krakenCredentials();
        assertTrue(credentials.configured());
        assertEquals("c2VjcmV0", credentials.apiSecret());
        final String message = assertThrows(ConfigException.class, credentials::apiKey).getMessage();
        assertTrue(message.contains("KRAKEN_API_KEY_FILE") && message.contains("rw-r--r--") && message.contains("chmod 600"), message);
        assertFalse(message.contains("the-api-key"));

        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("r--------"));
        assertEquals("the-api-key", credentials.apiKey());
        assertFalse(credentials.toString().contains("the-api-key"));

        assertTrue(refused(Map.of("KRAKEN_API_KEY", "k", "KRAKEN_API_KEY_FILE", key.toString())).getMessage().contains("both set"));
        assertFalse(load(Map.of("KRAKEN_API_KEY", "k")).krakenCredentials().configured());
    }
}
