package io.tradingcore.core.stream;

import io.tradingcore.core.kraken.JsonCursor;
import io.tradingcore.core.kraken.ParseError;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link DecimalText} written, then read back by an independent parser and by the core's own JSON number reader. */
class DecimalTextTest
{
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[64]);
    private final JsonCursor json = new JsonCursor();

    @Test
    void roundTripsAtEveryScale()
    {
        final Random random = new Random(42);
        for (int i = 0; i < 20_000; i++)
        {
            final int scale = random.nextInt(19);
            final long value = i % 4 == 0 ? random.nextLong() : random.nextLong() >> random.nextInt(64);
            roundTrip(value == Long.MIN_VALUE ? 0 : value, scale);
        }
        for (final long edge : new long[] {0, 1, -1, 9, 10, -10, 99, 100, Long.MAX_VALUE, Long.MIN_VALUE + 1})
        {
            for (int scale = 0; scale <= 18; scale++)
            {
                roundTrip(edge, scale);
            }
        }
    }

    @Test
    void longMinValueHasNoPositiveCounterpartButIsWrittenExactly()
    {
        for (int scale = 0; scale <= 19; scale++)
        {
            final int length = DecimalText.write(buffer, 0, Long.MIN_VALUE, scale);
            final String text = buffer.getStringWithoutLengthAscii(0, length);
            assertEquals(BigDecimal.valueOf(Long.MIN_VALUE, scale).toPlainString(), text);
            assertTrue(length <= DecimalText.MAX_LENGTH);
        }
    }

    private void roundTrip(final long value, final int scale)
    {
        final int length = DecimalText.write(buffer, 0, value, scale);
        final String text = buffer.getStringWithoutLengthAscii(0, length);
        assertTrue(length <= DecimalText.MAX_LENGTH, text);
        final BigDecimal parsed = new BigDecimal(text);
        assertEquals(scale, parsed.scale(), text);
        assertEquals(value, parsed.unscaledValue().longValueExact(), text);
        assertEquals(BigDecimal.valueOf(value, scale).toPlainString(), text);

        json.wrap(buffer, 0, length);
        assertTrue(json.readNumber(), text);
        assertEquals(ParseError.NONE, json.number().scale(scale, false), text);
        assertEquals(value, json.number().value(), text);
    }
}
