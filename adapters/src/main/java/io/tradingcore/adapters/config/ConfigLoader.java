package io.tradingcore.adapters.config;

import net.openhft.chronicle.wire.WireType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the {@link TradingConfig} of the process from, lowest precedence first: built-in defaults,
 * {@code base.yaml} and {@code kraken.yaml}, {@code <environment>.yaml} (all three in the config
 * directory, each optional), {@code --config FILE}, environment variables, command line flags.
 * Chronicle Wire reads every YAML file.
 */
public final class ConfigLoader
{
    /** A command line flag or an environment variable that sets one key. */
    private static final class Override
    {
        private final String name;
        private final String path;
        private final String argument;
        private final String help;

        private Override(final String name, final String path, final String argument, final String help)
        {
            this.name = name;
            this.path = path;
            this.argument = argument;
            this.help = help;
        }
    }

    /** One key set by a flag or a variable. */
    private static final class Assignment
    {
        private final String path;
        private final Object value;
        private final String origin;

        private Assignment(final String path, final Object value, final String origin)
        {
            this.path = path;
            this.value = value;
            this.origin = origin;
        }
    }

    private static final List<Override> FLAGS = List.of(
        new Override("--env", "environment", "NAME", "development (default, PAPER), staging (PAPER) or production (LIVE)"),
        new Override("--feed", "feed.source", "SOURCE", "kraken (live public feed), sim (local simulator) or replay:PATH"),
        new Override("--record", "feed.record", "PATH", "record every received frame to PATH (JSON Lines, .gz to compress)"),
        new Override("--symbols", "kraken.symbols", "A,B", "symbols to subscribe, e.g. BTC/USD,ETH/USD"),
        new Override("--redis", "redis.url", "URL", "redis://[user:password@]host:port[/db] or rediss:// for TLS"),
        new Override("--redis-ca-file", "redis.caFile", "FILE", "PEM CA certificates for rediss://"),
        new Override("--spill-path", "redis.spillPath", "DIR", "where entries spill while Redis is away"),
        new Override("--topology", "ring.topology", "NAME", "compact (stages on one thread) or pinned (a pinned thread each)"),
        new Override("--wait-strategy", "ring.waitStrategy", "NAME", "busy-spin, yielding, sleeping or blocking"),
        new Override("--warmup-frames", "ring.warmupFrames", "N", "synthetic frames through a throwaway copy of the stages before a live feed (0 = none)"),
        new Override("--arm-live", "live.armed", null, "allow order entry in production (LIVE)"),
        new Override("--logs-dir", "logs.dir", "DIR", "where the latency interval log goes (default run/target/logs)"),
        new Override("--report", "report.dir", "DIR", "a replay writes its backtest report (ledger, equity curve, figures) to DIR"),
        new Override("--log-format", "logs.format", "NAME", "text (default) or json (one JSON object per line)"),
        new Override("--log-level", "logs.level", "NAME", "error, warn, info (default), debug or trace"));

    private static final List<Override> VARIABLES = List.of(
        new Override("ENVIRONMENT", "environment", "NAME", "as --env"),
        new Override("TRADING_ARM_LIVE", "live.armed", "true|false", "as --arm-live"),
        new Override("REDIS_URL", "redis.url", "URL", "as --redis"),
        new Override("REDIS_CA_FILE", "redis.caFile", "FILE", "as --redis-ca-file"),
        new Override("LOGS_DIRECTORY", "logs.dir", "DIR", "as --logs-dir (systemd sets it from LogsDirectory=)"),
        new Override("LOG_FORMAT", "logs.format", "NAME", "as --log-format"),
        new Override("LOG_LEVEL", "logs.level", "NAME", "as --log-level"));

    private static final String CONFIG = "--config";
    private static final String HELP = "--help";
    private static final String PRINT_CONFIG = "--print-config";

    private ConfigLoader()
    {
    }

    /**
     * The configuration for {@code args} and {@code env} (normally {@code System.getenv()}), with the
     * YAML files of {@code configDir} (normally run/config). With {@code --help} nothing is read and
     * the result only answers {@link TradingConfig#helpRequested()}.
     *
     * @throws ConfigException for a bad flag, file, key or value: the launcher exits with code 2.
     */
    public static TradingConfig load(final String[] args, final Map<String, String> env, final Path configDir)
        throws ConfigException
    {
        if (Arrays.asList(args).contains(HELP) || Arrays.asList(args).contains("-h"))
        {
            return new TradingConfig(new ConfigTree(), new KrakenCredentials(Map.of()), List.of("built-in defaults"), true, false);
        }
        final List<Assignment> flagValues = new ArrayList<>();
        String configFile = null;
        boolean printConfig = false;
        for (int i = 0; i < args.length; i++)
        {
            final String arg = args[i];
            final int eq = arg.indexOf('=');
            final String name = arg.startsWith("--") && eq > 0 ? arg.substring(0, eq) : arg;
            if (PRINT_CONFIG.equals(name))
            {
                printConfig = true;
                continue;
            }
            final Override flag = CONFIG.equals(name) ? null : find(FLAGS, name);
            if (flag == null && !CONFIG.equals(name))
            {
                throw new ConfigException("command line flag " + arg + " is unknown; run with --help for the list");
            }
            if (flag != null && flag.argument == null)
            {
                if (eq > 0)
                {
                    throw new ConfigException("command line flag " + name + " takes no value");
                }
                flagValues.add(new Assignment(flag.path, Boolean.TRUE, "command line flag " + name));
                continue;
            }
            final String value;
            if (eq > 0)
            {
                value = arg.substring(eq + 1);
            }
            else if (i + 1 < args.length && !args[i + 1].startsWith("--"))
            {
                value = args[++i];
            }
            else
            {
                throw new ConfigException("command line flag " + name + " needs a value: " + name + " " +
                    (flag == null ? "FILE" : flag.argument));
            }
            if (flag == null)
            {
                configFile = value;
            }
            else
            {
                flagValues.add(new Assignment(flag.path, "--symbols".equals(name) ? split(value) : value, "command line flag " + name));
            }
        }

        final List<Assignment> variableValues = new ArrayList<>();
        for (final Override variable : VARIABLES)
        {
            final String value = env.get(variable.name);
            if (value != null && !value.isEmpty())
            {
                variableValues.add(new Assignment(variable.path, value, "environment variable " + variable.name));
            }
        }

        final Path basePath = configDir.resolve("base.yaml");
        final Path krakenPath = configDir.resolve("kraken.yaml");
        final Object base = readIfPresent(basePath);
        final Object kraken = readIfPresent(krakenPath);
        if (kraken instanceof Map && !((Map<?, ?>)kraken).keySet().equals(Set.of("kraken")))
        {
            throw new ConfigException("file " + krakenPath + ": holds the kraken section only, found top-level keys " +
                ((Map<?, ?>)kraken).keySet());
        }
        final Object custom = configFile == null ? null : read(Path.of(configFile));

        // The environment chooses a file of the layering, so it is settled first from every other layer.
        final ConfigTree probe = layer(base, basePath, kraken, krakenPath, null, null, custom, configFile, variableValues, flagValues);
        final String environment = probe.choice("environment", "development", "development", "staging", "production");
        final Path environmentPath = configDir.resolve(environment + ".yaml");
        final Object environmentDocument = readIfPresent(environmentPath);
        if (environmentDocument instanceof Map && ((Map<?, ?>)environmentDocument).containsKey("environment"))
        {
            throw new ConfigException("file " + environmentPath + ": unknown key environment; an environment file cannot choose the environment");
        }

        final ConfigTree tree = layer(base, basePath, kraken, krakenPath, environmentDocument, environmentPath, custom, configFile,
            variableValues, flagValues);
        final List<String> sources = new ArrayList<>();
        sources.add("built-in defaults");
        addSource(sources, base, basePath);
        addSource(sources, kraken, krakenPath);
        addSource(sources, environmentDocument, environmentPath);
        if (configFile != null)
        {
            sources.add("file " + configFile + " (--config)");
        }
        for (final Assignment a : variableValues)
        {
            sources.add(a.origin);
        }
        for (final Assignment a : flagValues)
        {
            sources.add(a.origin);
        }
        return new TradingConfig(tree, new KrakenCredentials(env), sources, false, printConfig);
    }

    private static ConfigTree layer(
        final Object base,
        final Path basePath,
        final Object kraken,
        final Path krakenPath,
        final Object environmentDocument,
        final Path environmentPath,
        final Object custom,
        final String customPath,
        final List<Assignment> variables,
        final List<Assignment> flags) throws ConfigException
    {
        final ConfigTree tree = new ConfigTree();
        tree.addDocument(base, "file " + basePath);
        tree.addDocument(kraken, "file " + krakenPath);
        tree.addDocument(environmentDocument, "file " + environmentPath);
        tree.addDocument(custom, "file " + customPath);
        for (final Assignment a : variables)
        {
            tree.put(a.path, a.value, a.origin);
        }
        for (final Assignment a : flags)
        {
            tree.put(a.path, a.value, a.origin);
        }
        return tree;
    }

    private static void addSource(final List<String> sources, final Object document, final Path file)
    {
        if (document != null)
        {
            sources.add("file " + file);
        }
    }

    private static Object readIfPresent(final Path file) throws ConfigException
    {
        return Files.exists(file) ? read(file) : null;
    }

    /** The YAML document of {@code file} as maps, lists and scalars; null when it holds no document. */
    private static Object read(final Path file) throws ConfigException
    {
        final String text;
        try
        {
            text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        }
        catch (final IOException e)
        {
            throw new ConfigException("file " + file + ": cannot read it (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
        }
        if (text.isBlank())
        {
            return null;
        }
        try
        {
            return WireType.YAML_ONLY.fromString(text);
        }
        catch (final RuntimeException e)
        {
            throw new ConfigException("file " + file + ": not valid YAML (" + e.getMessage() + ")", e);
        }
    }

    private static Override find(final List<Override> overrides, final String name)
    {
        for (final Override o : overrides)
        {
            if (o.name.equals(name))
            {
                return o;
            }
        }
        return null;
    }

    private static List<String> split(final String list)
    {
        final List<String> items = new ArrayList<>();
        for (final String item : list.split(","))
        {
            if (!item.isBlank())
            {
                items.add(item.trim());
            }
        }
        return items;
    }

    /** The --help text: every flag and environment variable. */
    public static String usage()
    {
        final StringBuilder sb = new StringBuilder(2048)
            .append("Usage: trading-core [flags]\n\n")
            .append("Configuration, lowest precedence first: built-in defaults < run/config/base.yaml + kraken.yaml\n")
            .append("  < run/config/<environment>.yaml < --config FILE < environment variables < flags.\n\nFlags:\n");
        line(sb, "--config FILE", "a YAML file over the run/config files (same keys)");
        for (final Override f : FLAGS)
        {
            line(sb, f.argument == null ? f.name : f.name + " " + f.argument, f.help + " [" + f.path + "]");
        }
        line(sb, PRINT_CONFIG, "print the effective configuration (secrets masked) and exit");
        line(sb, HELP, "print this help and exit");
        sb.append("\nEnvironment variables:\n");
        for (final Override v : VARIABLES)
        {
            line(sb, v.name + "=" + v.argument, v.help + " [" + v.path + "]");
        }
        line(sb, "KRAKEN_API_KEY, KRAKEN_API_SECRET", "Kraken API credentials (private channels, live orders)");
        line(sb, "KRAKEN_API_KEY_FILE, KRAKEN_API_SECRET_FILE", "or files holding them, readable by their owner only (chmod 600)");
        sb.append("\nExit codes: 0 clean stop, 2 bad arguments or configuration, 1 fatal runtime fault.\n");
        return sb.toString();
    }

    private static void line(final StringBuilder sb, final String what, final String help)
    {
        sb.append("  ").append(what);
        for (int i = what.length(); i < 30; i++)
        {
            sb.append(' ');
        }
        sb.append(what.length() >= 30 ? "\n" + " ".repeat(32) : "").append(help).append('\n');
    }
}
