package io.tradingcore.bench;

import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.HistogramIterationValue;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;

/**
 * Latency by percentile as a PNG, drawn the way HdrHistogram's plotter draws {@code .hgrm} files: the x
 * axis is {@code 1/(1-percentile)} on a log scale, labelled 90%, 99%, 99.9%..., so the tail gets as much
 * room as the body. One line per histogram, values divided by a unit (1000 for ns → µs). Built for any
 * histograms, so that a report over {@code .hlog} interval logs can draw with it too. Headless: needs no
 * display ({@code -Djava.awt.headless=true}).
 */
public final class PercentilePlot
{
    private static final int WIDTH = 1200;
    private static final int HEIGHT = 700;
    private static final int TICKS_PER_HALF_DISTANCE = 5;

    private final XYSeriesCollection lines = new XYSeriesCollection();
    private final String title;
    private final String valueLabel;
    private final double unit;

    /** {@code unit}: the histogram values per plotted unit, as in {@code outputPercentileDistribution}. */
    public PercentilePlot(final String title, final String valueLabel, final double unit)
    {
        this.title = title;
        this.valueLabel = valueLabel;
        this.unit = unit;
    }

    /**
     * Adds a line. The 100th percentile, where {@code 1/(1-p)} is infinite, is drawn at the total count:
     * the rank a single worst value has among them.
     */
    public PercentilePlot add(final String name, final AbstractHistogram histogram)
    {
        final XYSeries line = new XYSeries(name, false, true);
        final long count = histogram.getTotalCount();
        for (final HistogramIterationValue v : histogram.percentiles(TICKS_PER_HALF_DISTANCE))
        {
            final double percentile = v.getPercentileLevelIteratedTo();
            final double x = percentile >= 100 ? count : 1 / (1 - percentile / 100);
            line.add(Math.max(1, Math.min(x, count)), v.getValueIteratedTo() / unit);
        }
        lines.addSeries(line);
        return this;
    }

    public void writePng(final Path file) throws IOException
    {
        final LogAxis percentiles = new LogAxis("Percentile");
        percentiles.setTickUnit(new NumberTickUnit(1), false, true);
        percentiles.setNumberFormatOverride(new PercentileFormat());
        final NumberAxis values = new NumberAxis(valueLabel);
        final XYPlot plot = new XYPlot(lines, percentiles, values, new XYLineAndShapeRenderer(true, false));
        ChartUtils.saveChartAsPNG(file.toFile(), new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true),
            WIDTH, HEIGHT);
    }

    /** Writes an axis value {@code x = 1/(1-p)} as the percentile {@code p}: 10 as 90%, 1000 as 99.9%. */
    static final class PercentileFormat extends NumberFormat
    {
        @Override
        public StringBuffer format(final double x, final StringBuffer to, final FieldPosition position)
        {
            // one more significant digit than x has integer digits: 99.9 for 1000, 99.99 for 10000
            final int digits = Math.max(2, (int)Math.ceil(Math.log10(x) - 1e-9) + 1);
            final BigDecimal percentile = new BigDecimal(100 - 100 / x).round(new MathContext(digits));
            return to.append(percentile.stripTrailingZeros().toPlainString()).append('%');
        }

        @Override
        public StringBuffer format(final long x, final StringBuffer to, final FieldPosition position)
        {
            return format((double)x, to, position);
        }

        @Override
        public Number parse(final String source, final ParsePosition position)
        {
            throw new UnsupportedOperationException("labels only");
        }
    }
}
