package io.tradingcore.adapters.config;

import java.nio.file.Path;

/**
 * {@code logs.*}: where the process writes its files of record (the latency interval log) and how
 * often it closes an interval, the format and level of its log lines; {@code report.dir}: where a
 * replay writes its backtest report.
 */
public final class LogSettings
{
    /** The logs directory when none is configured, under the working home. */
    public static final String DEFAULT_DIR = "run/target/logs";

    private final String dir;
    private final int latencyIntervalSeconds;
    private final String reportDir;
    private final String format;
    private final String level;

    LogSettings(final ConfigTree tree) throws ConfigException
    {
        dir = tree.text("logs.dir", DEFAULT_DIR);
        if (dir.isEmpty())
        {
            throw tree.invalid("logs.dir", "a directory, e.g. /var/log/trading-core (systemd's LogsDirectory)");
        }
        latencyIntervalSeconds = tree.integer("logs.latencyIntervalSeconds", 60, 1, 3600);
        reportDir = tree.text("report.dir", "");
        format = tree.choice("logs.format", "text", "text", "json");
        level = tree.choice("logs.level", "info", "error", "warn", "info", "debug", "trace");
    }

    /** The logs directory, relative paths resolved against {@code home}. */
    public Path dir(final Path home)
    {
        return home.resolve(dir);
    }

    /** One interval of the latency log per this many seconds (60: one a minute). */
    public int latencyIntervalSeconds()
    {
        return latencyIntervalSeconds;
    }

    /** Where a replay writes its backtest report; empty for none. */
    public String reportDir()
    {
        return reportDir;
    }

    /** {@code text} or {@code json} (JSON Lines). */
    public String format()
    {
        return format;
    }

    /** {@code error}, {@code warn}, {@code info}, {@code debug} or {@code trace}. */
    public String level()
    {
        return level;
    }
}
