package io.tradingcore.adapters.report;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The equity and drawdown curve of a backtest as a PNG: above, the realized PnL net of fees over
 * market time, for all strategies together and for each alone; below, how far the total stands under
 * its peak. Steps, not lines: equity changes only at fills.
 */
public final class EquityCurve
{
    private final Ledger ledger;

    public EquityCurve(final Ledger ledger)
    {
        this.ledger = ledger;
    }

    public JFreeChart chart()
    {
        final XYSeries total = new XYSeries(StrategyFigures.ALL, false, true);
        final XYSeries drawdown = new XYSeries("drawdown", false, true);
        final Map<String, XYSeries> byStrategy = new LinkedHashMap<>();
        final Map<String, double[]> strategyEquity = new LinkedHashMap<>();
        double peak = 0;
        for (final Ledger.Row r : ledger.rows())
        {
            final long millis = r.fill().micros() / 1_000;
            total.add(millis, r.equityUsd());
            peak = Math.max(peak, r.equityUsd());
            drawdown.add(millis, r.equityUsd() - peak);
            final double[] equity = strategyEquity.computeIfAbsent(r.fill().strategy(), s -> new double[1]);
            equity[0] += r.realizedUsd() - r.feeUsd();
            byStrategy.computeIfAbsent(r.fill().strategy(), s -> new XYSeries(s, false, true)).add(millis, equity[0]);
        }
        final XYSeriesCollection equity = new XYSeriesCollection(total);
        byStrategy.values().forEach(equity::addSeries);
        final XYPlot equityPlot = new XYPlot(equity, null, new NumberAxis("equity (USD, realized net of fees)"),
            new XYStepRenderer());
        final XYPlot drawdownPlot = new XYPlot(new XYSeriesCollection(drawdown), null, new NumberAxis("drawdown (USD)"),
            new XYStepRenderer());
        final CombinedDomainXYPlot plot = new CombinedDomainXYPlot(new DateAxis("market time (UTC)"));
        plot.add(equityPlot, 3);
        plot.add(drawdownPlot, 1);
        return new JFreeChart("Equity and drawdown", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    }

    public void writePng(final Path file, final int width, final int height) throws IOException
    {
        ChartUtils.saveChartAsPNG(file.toFile(), chart(), width, height);
    }
}
