package io.tradingcore.adapters.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code --report DIR}: the backtest report of a run, from the fills Redis acknowledged
 * ({@link FillCapture}): {@code ledger.csv}, {@code equity.png} and {@code figures.md}.
 */
public final class BacktestReport
{
    public static final String LEDGER = "ledger.csv";
    public static final String EQUITY = "equity.png";
    public static final String FIGURES = "figures.md";

    private BacktestReport()
    {
    }

    /** Writes the three files into {@code dir} (created if needed); returns the figures. */
    public static StrategyFigures write(final FillCapture capture, final Path dir, final String title) throws IOException
    {
        Files.createDirectories(dir);
        final Ledger ledger = new Ledger(capture.fills());
        ledger.writeCsv(dir.resolve(LEDGER));
        new EquityCurve(ledger).writePng(dir.resolve(EQUITY), 1200, 800);
        final StrategyFigures figures = new StrategyFigures(ledger, capture.firstMicros(), capture.lastMicros());
        figures.writeMarkdown(dir.resolve(FIGURES), title);
        return figures;
    }
}
