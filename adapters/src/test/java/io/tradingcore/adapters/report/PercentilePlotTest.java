package io.tradingcore.adapters.report;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class PercentilePlotTest
{
    @Test
    void isAPngWithPercentileLabels(@TempDir final Path dir) throws IOException
    {
        final Histogram h = new Histogram(3);
        h.recordValue(1000);
        h.recordValue(2000);
        final Path png = dir.resolve("plot.png");
        new PercentilePlot("test", "µs").add("h", h, 1000).writePng(png, 400, 300);
        final byte[] magic = {(byte)0x89, 'P', 'N', 'G'};
        assertArrayEquals(magic, Arrays.copyOf(Files.readAllBytes(png), 4));

        final PercentilePlot.PercentileFormat labels = new PercentilePlot.PercentileFormat();
        assertEquals("0%", labels.format(1.0));
        assertEquals("90%", labels.format(10.0));
        assertEquals("99%", labels.format(100.0));
        assertEquals("99.99%", labels.format(Math.pow(10, 4)));
    }
}
