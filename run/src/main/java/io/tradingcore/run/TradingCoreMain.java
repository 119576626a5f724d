package io.tradingcore.run;

import io.tradingcore.adapters.config.ConfigException;
import io.tradingcore.adapters.config.ConfigLoader;
import io.tradingcore.adapters.config.TradingConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * {@code run/trading-core}: parses the command line and configuration, then runs the core until
 * the feed ends (replay) or SIGTERM. Exit codes (DESIGN.md): 0 clean stop, 2 bad arguments or
 * configuration, 1 a fatal runtime fault.
 */
public final class TradingCoreMain
{
    public static final int EXIT_OK = 0;
    public static final int EXIT_FAULT = 1;
    public static final int EXIT_BAD_CONFIG = 2;

    private static final Logger LOG = LoggerFactory.getLogger(TradingCoreMain.class);
    private static final String VERSION = "--version";

    private TradingCoreMain()
    {
    }

    public static void main(final String[] args)
    {
        final ShutdownSignal shutdown = ShutdownSignal.install();
        final int code = run(args, System.getenv(), home(), System.out, System.err, shutdown);
        System.exit(code);
    }

    /**
     * Everything but the JVM exit, for tests: {@code shutdown} is how a stop is asked (the JVM's
     * signal hook in production, the test itself otherwise); it is always told the exit code.
     */
    static int run(
        final String[] args, final Map<String, String> env, final Path home, final PrintStream out,
        final PrintStream err, final ShutdownSignal shutdown)
    {
        int code = EXIT_FAULT;
        try
        {
            code = parseAndRun(args, env, home, out, err, shutdown);
            return code;
        }
        finally
        {
            shutdown.finished(code);
        }
    }

    private static int parseAndRun(
        final String[] args, final Map<String, String> env, final Path home, final PrintStream out,
        final PrintStream err, final ShutdownSignal shutdown)
    {
        if (Arrays.asList(args).contains(VERSION))
        {
            out.println(BuildInfo.load()); // the version and the git commit the jar was built from
            return EXIT_OK;
        }
        final String standalone = ConfigLoader.standaloneOutput(args);
        if (standalone != null)
        {
            out.print(standalone);
            return EXIT_OK;
        }
        final TradingConfig config;
        try
        {
            config = ConfigLoader.load(args, env, configDirectory(home));
        }
        catch (final ConfigException ex)
        {
            err.println("trading-core: " + ex.getMessage());
            err.println("Run with --help for every option.");
            return EXIT_BAD_CONFIG;
        }
        LogOutput.apply(config.logs().format(), config.logs().level());
        if (config.printConfigRequested())
        {
            out.println(config.describe());
            return EXIT_OK;
        }
        try (TradingCore core = new TradingCore(config, home))
        {
            return core.run(shutdown, out);
        }
        catch (final BadInputException ex)
        {
            err.println("trading-core: " + ex.getMessage());
            return EXIT_BAD_CONFIG;
        }
        catch (final IOException ex)
        {
            // a file or a connection the operator can act on (a damaged recording, Redis away): one line, no stack trace
            err.println("trading-core: fatal: " + ex.getMessage());
            return EXIT_FAULT;
        }
        catch (final Exception ex)
        {
            LOG.error("fatal: {}", ex.toString(), ex);
            err.println("trading-core: fatal: " + (ex.getMessage() != null ? ex.getMessage() : ex.toString()));
            return EXIT_FAULT;
        }
    }

    private static Path home()
    {
        return Path.of(System.getProperty("trading.home", ".")).toAbsolutePath().normalize();
    }

    /** {@code -Dtrading.config} (an installed release: config/), else the source tree's run/config under home. */
    private static Path configDirectory(final Path home)
    {
        final String configured = System.getProperty("trading.config");
        return configured != null ? Path.of(configured) : home.resolve("run").resolve("config");
    }
}
