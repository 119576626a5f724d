package io.tradingcore.core.time;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The reader that keeps the last date parses exactly what {@link Rfc3339#parseMicros} parses. */
class Rfc3339ReaderTest
{
    @Test
    void agreesWithTheStatelessParserOnAStreamCrossingDaysAndBadInput()
    {
        final List<String> stream = new ArrayList<>();
        final Random random = new Random(11);
        long micros = 1_764_028_800_000_000L - 5_000_000; // five seconds before a UTC midnight
        for (int i = 0; i < 5_000; i++)
        {
            micros += random.nextInt(3_000_000);
            final String text = Rfc3339.formatMicros(micros);
            stream.add(text);
            if (i % 97 == 0)
            {
                stream.add(text.substring(0, 8) + "3" + text.substring(9)); // same head, another day: 2025-11-3x
                stream.add(text.replace('T', 'X'));
                stream.add(text.substring(0, 10) + "T25:00:00Z");
                stream.add(text.substring(0, 5) + "13" + text.substring(7));
            }
        }
        final Rfc3339Reader reader = new Rfc3339Reader();
        for (final String text : stream)
        {
            final UnsafeBuffer b = new UnsafeBuffer(text.getBytes(StandardCharsets.US_ASCII));
            assertEquals(Rfc3339.parseMicros(b, 0, text.length()), reader.parseMicros(b, 0, text.length()), text);
        }
    }
}
