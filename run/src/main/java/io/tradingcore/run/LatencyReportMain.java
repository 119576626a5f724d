package io.tradingcore.run;

import io.tradingcore.adapters.report.LatencyReport;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code run/latency-report [--out DIR] FILE...}: percentile plots (one PNG per series, a line per
 * file) and a text table from latency interval logs, to compare runs side by side.
 */
public final class LatencyReportMain
{
    private static final String USAGE = """
        Usage: latency-report [--out DIR] FILE.hlog...
          Renders <series>.png (percentile plot, a line per file) and latency-report.txt into DIR
          (default: the first file's directory) and prints the table.
          --out DIR   where the plots and the table go
          --help      print this help and exit
        Exit codes: 0 done, 2 bad arguments, 1 a file could not be read or written.""";

    private LatencyReportMain()
    {
    }

    public static void main(final String[] args)
    {
        System.exit(run(args, System.out, System.err));
    }

    static int run(final String[] args, final PrintStream out, final PrintStream err)
    {
        Path dir = null;
        final List<Path> files = new ArrayList<>();
        for (int i = 0; i < args.length; i++)
        {
            if ("--help".equals(args[i]) || "-h".equals(args[i]))
            {
                out.println(USAGE);
                return TradingCoreMain.EXIT_OK;
            }
            if ("--out".equals(args[i]))
            {
                if (i + 1 == args.length)
                {
                    err.println("latency-report: --out needs a value: --out DIR");
                    return TradingCoreMain.EXIT_BAD_CONFIG;
                }
                dir = Path.of(args[++i]);
            }
            else if (args[i].startsWith("--"))
            {
                err.println("latency-report: unknown flag " + args[i] + "\n" + USAGE);
                return TradingCoreMain.EXIT_BAD_CONFIG;
            }
            else if (!Files.isReadable(Path.of(args[i])))
            {
                err.println("latency-report: no readable file " + args[i]);
                return TradingCoreMain.EXIT_BAD_CONFIG;
            }
            else
            {
                files.add(Path.of(args[i]));
            }
        }
        if (files.isEmpty())
        {
            err.println("latency-report: name at least one .hlog file\n" + USAGE);
            return TradingCoreMain.EXIT_BAD_CONFIG;
        }
        try
        {
            final LatencyReport report = LatencyReport.read(files);
            final Path target = dir != null ? dir : files.get(0).toAbsolutePath().getParent();
            for (final Path written : report.write(target))
            {
                err.println("latency-report: wrote " + written);
            }
            out.print(report.table());
            return TradingCoreMain.EXIT_OK;
        }
        catch (final IOException | RuntimeException ex)
        {
            err.println("latency-report: " + ex.getMessage());
            return TradingCoreMain.EXIT_FAULT;
        }
    }
}
