package io.tradingcore.adapters.report;

import org.HdrHistogram.Histogram;
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
 * A latency percentile plot as HdrHistogram's plotter draws it: the percentile axis is logarithmic in
 * 1/(1-p), so 90 %, 99 %, 99.9 % ... are evenly spaced and the tail gets the room it deserves; one line
 * per histogram, so runs compare side by side. Rendered with JFreeChart to PNG (headless).
 */
public final class PercentilePlot
{
    /** Points per halving of the distance to 100 %, as HdrHistogram's percentile output uses. */
    private static final int TICKS_PER_HALF_DISTANCE = 5;

    private final XYSeriesCollection series = new XYSeriesCollection();
    private final String title;
    private final String valueLabel;

    /** {@code valueLabel} names the y axis, e.g. "latency (µs)". */
    public PercentilePlot(final String title, final String valueLabel)
    {
        this.title = title;
        this.valueLabel = valueLabel;
    }

    /** Adds one line: {@code histogram}'s values divided by {@code valueScale} (1000 turns ns into µs). */
    public PercentilePlot add(final String name, final Histogram histogram, final double valueScale)
    {
        final XYSeries line = new XYSeries(name, false, true);
        if (histogram.getTotalCount() > 0)
        {
            for (final HistogramIterationValue v : histogram.percentiles(TICKS_PER_HALF_DISTANCE))
            {
                final double percentile = v.getPercentileLevelIteratedTo();
                if (percentile >= 100.0)
                {
                    break;
                }
                line.add(1.0 / (1.0 - percentile / 100.0), v.getValueIteratedTo() / valueScale);
            }
        }
        series.addSeries(line);
        return this;
    }

    public JFreeChart chart()
    {
        final LogAxis percentiles = new LogAxis("percentile");
        percentiles.setBase(10);
        percentiles.setSmallestValue(1.0);
        percentiles.setTickUnit(new NumberTickUnit(1.0)); // one tick a decade: 0 %, 90 %, 99 %, 99.9 % ...
        percentiles.setNumberFormatOverride(new PercentileFormat());
        final NumberAxis values = new NumberAxis(valueLabel);
        final XYPlot plot = new XYPlot(series, percentiles, values, new XYLineAndShapeRenderer(true, false));
        return new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    }

    public void writePng(final Path file, final int width, final int height) throws IOException
    {
        ChartUtils.saveChartAsPNG(file.toFile(), chart(), width, height);
    }

    /** Labels the axis value 1/(1-p) with p: 10 → "90%", 1000 → "99.9%". */
    /** Labels the 1/(1-percentile) axis as percentiles: 10 is 90 %, 1000 is 99.9 %. */
    static final class PercentileFormat extends NumberFormat
    {
        private static final long serialVersionUID = 1L;

        @Override
        public StringBuffer format(final double value, final StringBuffer to, final FieldPosition pos)
        {
            final double percentile = 100.0 * (1.0 - 1.0 / value);
            return to.append(BigDecimal.valueOf(percentile).round(new MathContext(6)).stripTrailingZeros().toPlainString())
                .append('%');
        }

        @Override
        public StringBuffer format(final long value, final StringBuffer to, final FieldPosition pos)
        {
            return format((double)value, to, pos);
        }

        @Override
        public Number parse(final String source, final ParsePosition pos)
        {
            throw new UnsupportedOperationException("labels only");
        }
    }
}
