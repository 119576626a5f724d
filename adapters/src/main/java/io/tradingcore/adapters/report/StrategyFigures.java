package io.tradingcore.adapters.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The figures a backtest is judged by, per strategy and for all together, from the {@link Ledger}:
 * fills; trades (fills that reduced a position) and the share of them won (realized PnL above the
 * fill's fee); PnL (realized, net of every fee) and fees; a per-trade Sharpe ratio (mean over standard
 * deviation of the trades' net PnL, not annualized: a replay is too short for daily returns); the
 * deepest fall of the strategy's own equity from its peak; exposure time (the share of the run, first
 * to last market event, with any position open).
 */
public final class StrategyFigures
{
    /** Every strategy's row, then {@link #ALL}. */
    public static final String ALL = "all";

    /** One row of the table; USD amounts. {@code sharpe} is NaN with fewer than two trades or no spread. */
    public record Figures(String strategy, int fills, int trades, int wins, double pnlUsd, double feesUsd, double sharpe,
        double maxDrawdownUsd, double exposure)
    {
        public double winRate()
        {
            return trades == 0 ? 0 : (double)wins / trades;
        }
    }

    private final List<Figures> figures = new ArrayList<>();

    /** {@code firstMicros}..{@code lastMicros}: the run's span of market time, for exposure. */
    public StrategyFigures(final Ledger ledger, final long firstMicros, final long lastMicros)
    {
        final Set<String> strategies = new TreeSet<>();
        ledger.rows().forEach(r -> strategies.add(r.fill().strategy()));
        for (final String strategy : strategies)
        {
            figures.add(of(strategy, ledger.rows().stream().filter(r -> r.fill().strategy().equals(strategy)).toList(),
                firstMicros, lastMicros));
        }
        figures.add(of(ALL, ledger.rows(), firstMicros, lastMicros));
    }

    public List<Figures> figures()
    {
        return figures;
    }

    private static Figures of(final String strategy, final List<Ledger.Row> rows, final long first, final long last)
    {
        int trades = 0;
        int wins = 0;
        double pnl = 0;
        double fees = 0;
        double peak = 0;
        double drawdown = 0;
        final List<Double> tradePnl = new ArrayList<>();
        final Set<String> open = new HashSet<>();
        long exposedSince = 0;
        long exposed = 0;
        for (final Ledger.Row r : rows)
        {
            final double net = r.realizedUsd() - r.feeUsd();
            pnl += net;
            fees += r.feeUsd();
            peak = Math.max(peak, pnl);
            drawdown = Math.max(drawdown, peak - pnl);
            if (r.closing())
            {
                trades++;
                wins += net > 0 ? 1 : 0;
                tradePnl.add(net);
            }
            final boolean wasOpen = !open.isEmpty();
            final String position = r.fill().strategy() + '|' + r.fill().symbol();
            if (r.position() == 0)
            {
                open.remove(position);
            }
            else
            {
                open.add(position);
            }
            if (!wasOpen && !open.isEmpty())
            {
                exposedSince = r.fill().micros();
            }
            else if (wasOpen && open.isEmpty())
            {
                exposed += r.fill().micros() - exposedSince;
            }
        }
        if (!open.isEmpty())
        {
            exposed += last - exposedSince;
        }
        final double exposure = last > first ? (double)exposed / (last - first) : 0;
        return new Figures(strategy, rows.size(), trades, wins, pnl, fees, sharpe(tradePnl), drawdown, exposure);
    }

    private static double sharpe(final List<Double> values)
    {
        if (values.size() < 2)
        {
            return Double.NaN;
        }
        final double mean = values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        final double variance = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum() / (values.size() - 1);
        return variance == 0 ? Double.NaN : mean / Math.sqrt(variance);
    }

    /** The table as Markdown. */
    public String markdown()
    {
        final StringBuilder s = new StringBuilder()
            .append("| strategy | fills | trades | win rate | PnL (USD) | fees (USD) | Sharpe (per trade) | max drawdown (USD) | exposure |\n")
            .append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (final Figures f : figures)
        {
            s.append(String.format(Locale.ROOT, "| %s | %d | %d | %.1f%% | %.4f | %.4f | %s | %.4f | %.1f%% |%n",
                f.strategy(), f.fills(), f.trades(), 100 * f.winRate(), f.pnlUsd(), f.feesUsd(),
                Double.isNaN(f.sharpe()) ? "n/a" : String.format(Locale.ROOT, "%.3f", f.sharpe()), f.maxDrawdownUsd(),
                100 * f.exposure()));
        }
        return s.toString();
    }

    public void writeMarkdown(final Path file, final String heading) throws IOException
    {
        Files.writeString(file, "# " + heading + "\n\n" + markdown(), StandardCharsets.UTF_8);
    }
}
