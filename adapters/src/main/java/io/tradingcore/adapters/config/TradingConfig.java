package io.tradingcore.adapters.config;

import io.tradingcore.core.stream.Environment;
import net.openhft.chronicle.wire.WireType;

import java.util.List;
import java.util.Map;

/**
 * The effective configuration of one process, immutable once {@link ConfigLoader#load} has built
 * and validated it. Precedence, lowest first: built-in defaults, run/config/base.yaml and kraken.yaml,
 * the environment's file (development.yaml...), {@code --config FILE}, environment variables, flags.
 */
public final class TradingConfig
{
    private final Environment environment;
    private final boolean liveArmed;
    private final FeedSettings feed;
    private final RedisSettings redis;
    private final KrakenSettings kraken;
    private final RingSettings ring;
    private final StreamSettings streams;
    private final StrategySettings strategies;
    private final RiskSettings risk;
    private final PaperSettings paper;
    private final ArbitrageSettings arbitrage;
    private final FeeSettings fees;
    private final String stateDir;
    private final LogSettings logs;
    private final int metricsIntervalSeconds;
    private final int metricsHttpPort;
    private final String metricsHttpHost;
    private final KrakenCredentials credentials;
    private final List<String> sources;
    private final boolean helpRequested;
    private final boolean printConfigRequested;
    private final Map<String, Object> effective;

    TradingConfig(
        final ConfigTree tree,
        final KrakenCredentials credentials,
        final List<String> sources,
        final boolean helpRequested,
        final boolean printConfigRequested) throws ConfigException
    {
        environment = Environment.of(tree.choice("environment", "development", "development", "staging", "production"));
        liveArmed = tree.flag("live.armed", false);
        feed = new FeedSettings(tree);
        redis = new RedisSettings(tree);
        kraken = new KrakenSettings(tree, feed.source() == FeedSettings.Source.SIM);
        ring = new RingSettings(tree);
        streams = new StreamSettings(tree);
        strategies = new StrategySettings(tree);
        risk = new RiskSettings(tree);
        paper = new PaperSettings(tree);
        arbitrage = new ArbitrageSettings(tree);
        fees = new FeeSettings(tree);
        stateDir = tree.text("state.dir", "var/state");
        if (stateDir.isEmpty())
        {
            throw tree.invalid("state.dir", "a directory for the risk and portfolio state kept across restarts");
        }
        logs = new LogSettings(tree);
        metricsIntervalSeconds = tree.integer("metrics.intervalSeconds", 10, 1, 3600);
        metricsHttpPort = tree.integer("metrics.httpPort", 0, 0, 65535);
        metricsHttpHost = tree.text("metrics.httpHost", "127.0.0.1");
        if (metricsHttpHost.isEmpty())
        {
            throw tree.invalid("metrics.httpHost", "the address the metrics endpoint binds, e.g. 127.0.0.1");
        }
        tree.rejectUnknown();
        this.credentials = credentials;
        this.sources = List.copyOf(sources);
        this.helpRequested = helpRequested;
        this.printConfigRequested = printConfigRequested;
        this.effective = tree.effective();
    }

    public Environment environment()
    {
        return environment;
    }

    /** {@code live.armed}, {@code TRADING_ARM_LIVE=true} or {@code --arm-live}. */
    public boolean liveArmed()
    {
        return liveArmed;
    }

    /** PAPER modes always; LIVE (production) only when armed. */
    public boolean orderEntryAllowed()
    {
        return !environment.live() || liveArmed;
    }

    /** Why order entry is refused, for events:bus and the log; empty when it is allowed. */
    public String refusalReason()
    {
        if (orderEntryAllowed())
        {
            return "";
        }
        return "environment " + environment.id() + " is LIVE but not armed: no order will be sent to Kraken; " +
            "arm it with --arm-live, TRADING_ARM_LIVE=true or live.armed: true";
    }

    /** {@code state.dir} or {@code --state-dir}: where risk and the portfolio are kept across restarts. */
    public String stateDir()
    {
        return stateDir;
    }

    public FeedSettings feed()
    {
        return feed;
    }

    public RedisSettings redis()
    {
        return redis;
    }

    public KrakenSettings kraken()
    {
        return kraken;
    }

    public RingSettings ring()
    {
        return ring;
    }

    public StreamSettings streams()
    {
        return streams;
    }

    public StrategySettings strategies()
    {
        return strategies;
    }

    /** {@code strategies.<strategy>.params.<name>}, or {@code fallback} when it is not configured. */
    public double param(final String strategy, final String name, final double fallback)
    {
        return strategies.param(strategy, name, fallback);
    }

    public RiskSettings risk()
    {
        return risk;
    }

    public PaperSettings paper()
    {
        return paper;
    }

    public LogSettings logs()
    {
        return logs;
    }

    public ArbitrageSettings arbitrage()
    {
        return arbitrage;
    }

    /** The account's fee tier: the one source of fees for paper fills, risk and the arbitrage scorer. */
    public FeeSettings fees()
    {
        return fees;
    }

    public int metricsIntervalSeconds()
    {
        return metricsIntervalSeconds;
    }

    /** {@code metrics.httpPort}: the Prometheus and health endpoint's port; 0 = off. */
    public int metricsHttpPort()
    {
        return metricsHttpPort;
    }

    /** {@code metrics.httpHost}: the address it binds, loopback unless configured. */
    public String metricsHttpHost()
    {
        return metricsHttpHost;
    }

    /** The Kraken API credentials, read from the environment when first asked for. */
    public KrakenCredentials krakenCredentials()
    {
        return credentials;
    }

    /** {@code --help} was given: print {@link ConfigLoader#usage()} and exit 0. Nothing else was read. */
    public boolean helpRequested()
    {
        return helpRequested;
    }

    /** {@code --print-config} was given: print {@link #describe()} and exit 0. */
    public boolean printConfigRequested()
    {
        return printConfigRequested;
    }

    /** The effective configuration as YAML (loadable with --config), secrets masked; headed by comments on where it came from. */
    public String describe()
    {
        return "# effective configuration: environment " + environment.id() + " (" + environment.mode() + "), order entry " +
            (orderEntryAllowed() ? "allowed" : "REFUSED") + "\n" +
            "# sources, lowest precedence first: " + String.join(", ", sources) + "\n" +
            "# kraken api credentials: " + credentials.describe() + " (never printed)\n" +
            WireType.YAML_ONLY.asString(effective);
    }
}
