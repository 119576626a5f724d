package io.tradingcore.adapters.config;

import io.tradingcore.adapters.cli.BuildVersion;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

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
 * Chronicle Wire reads every YAML file, held strictly to its text ({@link ConfigFile}); picocli parses the
 * flags and writes the help.
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
        new Override("--redis", "redis.url", "URL", "redis://[user:password@]host:port[/db], rediss:// for TLS, redis-sentinel://host:port[,...]#master, or with --redis-cluster seed URLs A,B,..."),
        new Override("--redis-cluster", "redis.cluster", null, "write to a Redis Cluster: --redis names one or more seed nodes"),
        new Override("--redis-ca-file", "redis.caFile", "FILE", "PEM CA certificates for rediss://"),
        new Override("--spill-path", "redis.spillPath", "DIR", "where entries spill while Redis is away"),
        new Override("--state-dir", "state.dir", "DIR", "where risk and the portfolio are kept across restarts"),
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
    private static final String VERSION = "--version";
    private static final String COMPLETION = "--completion";
    /** Wide enough that the footer's table of variables is not re-wrapped. */
    private static final int USAGE_WIDTH = 140;

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
        final CommandLine.ParseResult parsed = parse(args);
        final List<Assignment> flagValues = new ArrayList<>();
        for (final Override flag : FLAGS)
        {
            if (parsed.hasMatchedOption(flag.name))
            {
                final Object value = flag.argument == null ? Boolean.TRUE
                    : "--symbols".equals(flag.name) ? split(parsed.matchedOptionValue(flag.name, ""))
                    : parsed.matchedOptionValue(flag.name, "");
                flagValues.add(new Assignment(flag.path, value, "command line flag " + flag.name));
            }
        }
        final String configFile = parsed.matchedOptionValue(CONFIG, null);
        final boolean printConfig = parsed.hasMatchedOption(PRINT_CONFIG);

        final List<Assignment> variableValues = new ArrayList<>();
        for (final Override variable : VARIABLES)
        {
            final String value = env.get(variable.name);
            if (value != null && !value.isEmpty())
            {
                variableValues.add(new Assignment(variable.path, value, "environment variable " + variable.name));
            }
        }

        final ConfigFile base = readIfPresent(configDir.resolve("base.yaml"));
        final Path krakenPath = configDir.resolve("kraken.yaml");
        final ConfigFile kraken = readIfPresent(krakenPath);
        if (kraken != null && kraken.document() != null && !kraken.document().keySet().equals(Set.of("kraken")))
        {
            throw new ConfigException("file " + krakenPath + ": holds the kraken section only, found top-level keys " +
                kraken.document().keySet());
        }
        final ConfigFile custom = configFile == null ? null : ConfigFile.read(Path.of(configFile));

        // The environment chooses a file of the layering, so it is settled first from every other layer.
        final ConfigTree probe = layer(variableValues, flagValues, base, kraken, custom);
        final String environment = probe.choice("environment", "development", "development", "staging", "production");
        final ConfigFile environmentFile = readIfPresent(configDir.resolve(environment + ".yaml"));
        if (environmentFile != null && environmentFile.document() != null && environmentFile.document().containsKey("environment"))
        {
            throw new ConfigException(environmentFile.origin("environment") +
                ": unknown key environment; an environment file cannot choose the environment");
        }

        final ConfigTree tree = layer(variableValues, flagValues, base, kraken, environmentFile, custom);
        final List<String> sources = new ArrayList<>();
        sources.add("built-in defaults");
        for (final ConfigFile file : new ConfigFile[] {base, kraken, environmentFile})
        {
            if (file != null && file.document() != null)
            {
                sources.add(file.origin());
            }
        }
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

    /** The files, lowest precedence first (absent ones null), then the variables, then the flags. */
    private static ConfigTree layer(final List<Assignment> variables, final List<Assignment> flags, final ConfigFile... files)
    {
        final ConfigTree tree = new ConfigTree();
        for (final ConfigFile file : files)
        {
            tree.addFile(file);
        }
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

    private static ConfigFile readIfPresent(final Path file) throws ConfigException
    {
        return Files.exists(file) ? ConfigFile.read(file) : null;
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

    /**
     * What to print for {@code --help}, {@code --version} or {@code --completion} (a bash completion
     * script), wherever they stand among {@code args}; null when none is given. Nothing else is parsed.
     */
    public static String standaloneOutput(final String[] args)
    {
        final List<String> given = Arrays.asList(args);
        if (given.contains(HELP) || given.contains("-h"))
        {
            return usage();
        }
        if (given.contains(VERSION))
        {
            return String.join("\n", new BuildVersion().getVersion()) + "\n";
        }
        return given.contains(COMPLETION) ? AutoComplete.bash("trading-core", commandLine()) : null;
    }

    /** The --help text: every flag and environment variable. */
    public static String usage()
    {
        return commandLine().getUsageMessage();
    }

    /**
     * The flags as picocli options, from {@link #FLAGS}, the one list that also maps each to its key:
     * picocli parses them ({@code --flag value} and {@code --flag=value}, a later one overriding an
     * earlier one) and writes the help.
     */
    private static CommandLine commandLine()
    {
        final CommandSpec spec = CommandSpec.create().name("trading-core");
        spec.usageMessage().sortOptions(false).width(USAGE_WIDTH)
            .description("Configuration, lowest precedence first: built-in defaults < run/config/base.yaml + kraken.yaml"
                + " < run/config/<environment>.yaml < --config FILE < environment variables < flags.")
            .footer(footer());
        spec.addOption(OptionSpec.builder(CONFIG).paramLabel("FILE").type(String.class)
            .description("a YAML file over the run/config files (same keys)").build());
        for (final Override f : FLAGS)
        {
            spec.addOption(f.argument == null
                ? OptionSpec.builder(f.name).arity("0").type(boolean.class).description(f.help + " [" + f.path + "]").build()
                : OptionSpec.builder(f.name).arity("1").paramLabel(f.argument).type(String.class)
                    .description(f.help + " [" + f.path + "]").build());
        }
        spec.addOption(OptionSpec.builder(PRINT_CONFIG).arity("0").type(boolean.class)
            .description("print the effective configuration (secrets masked) and exit").build());
        spec.addOption(OptionSpec.builder(HELP, "-h").usageHelp(true).description("print this help and exit").build());
        spec.addOption(OptionSpec.builder(VERSION).versionHelp(true).description("print the version and exit").build());
        spec.addOption(OptionSpec.builder(COMPLETION).arity("0").type(boolean.class)
            .description("print a bash completion script for trading-core and exit").build());
        return new CommandLine(spec).setOverwrittenOptionsAllowed(true);
    }

    private static String footer()
    {
        final StringBuilder sb = new StringBuilder("%nEnvironment variables:%n");
        for (final Override v : VARIABLES)
        {
            line(sb, v.name + "=" + v.argument, v.help + " [" + v.path + "]");
        }
        line(sb, "KRAKEN_API_KEY, KRAKEN_API_SECRET", "Kraken API credentials (private channels, live orders)");
        line(sb, "KRAKEN_API_KEY_FILE, KRAKEN_API_SECRET_FILE", "or files holding them, readable by their owner only (chmod 600)");
        return sb.append("%nExit codes: 0 clean stop, 2 bad arguments or configuration, 1 fatal runtime fault.%n").toString();
    }

    /** The flags of {@code args}; a bad one fails naming it. */
    private static CommandLine.ParseResult parse(final String[] args) throws ConfigException
    {
        try
        {
            return commandLine().parseArgs(args);
        }
        catch (final CommandLine.UnmatchedArgumentException ex)
        {
            throw new ConfigException("command line flag " + ex.getUnmatched().get(0) + " is unknown; run with --help for the list");
        }
        catch (final CommandLine.MissingParameterException ex)
        {
            final OptionSpec flag = (OptionSpec)ex.getMissing().get(0);
            throw new ConfigException("command line flag " + flag.longestName() + " needs a value: " + flag.longestName() + " "
                + flag.paramLabel());
        }
        catch (final CommandLine.ParameterException ex)
        {
            throw new ConfigException("command line: " + ex.getMessage() + "; run with --help for the list");
        }
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
