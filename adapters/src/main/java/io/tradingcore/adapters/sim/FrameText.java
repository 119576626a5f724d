package io.tradingcore.adapters.sim;

import io.tradingcore.core.stream.DecimalText;
import io.tradingcore.core.time.Rfc3339;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * One reused StringBuilder that writes Kraken v2 frame text: scaled longs as bare JSON numbers at
 * their full fixed scale ({@code 62807.0}, {@code 0.00000000}) and RFC 3339 timestamps, through
 * core's {@link DecimalText} and {@link Rfc3339} so the simulator and the core agree on every digit.
 */
final class FrameText
{
    private final StringBuilder text = new StringBuilder(4096);
    private final byte[] scratchBytes = new byte[DecimalText.MAX_LENGTH + Rfc3339.MICROS_LENGTH];
    private final UnsafeBuffer scratch = new UnsafeBuffer(scratchBytes);

    FrameText reset()
    {
        text.setLength(0);
        return this;
    }

    FrameText append(final String value)
    {
        text.append(value);
        return this;
    }

    FrameText append(final char value)
    {
        text.append(value);
        return this;
    }

    FrameText append(final long value)
    {
        text.append(value);
        return this;
    }

    /** {@code "value"}: for names and symbols, which never need escaping. */
    FrameText quoted(final String value)
    {
        text.append('"').append(value).append('"');
        return this;
    }

    FrameText decimal(final long scaled, final int scale)
    {
        return ascii(DecimalText.write(scratch, 0, scaled, scale));
    }

    /** {@code "2026-08-17T00:00:00.123456Z"} */
    FrameText micros(final long epochMicros)
    {
        text.append('"');
        ascii(Rfc3339.formatMicros(epochMicros, scratch, 0));
        text.append('"');
        return this;
    }

    /** {@code "2026-08-17T00:00:00.123456789Z"}: µs plus three sub-µs digits (ohlc carries ns). */
    FrameText nanos(final long epochMicros, final int subMicroNanos)
    {
        text.append('"');
        ascii(Rfc3339.formatMicros(epochMicros, scratch, 0) - 1);
        text.append((char)('0' + subMicroNanos / 100 % 10))
            .append((char)('0' + subMicroNanos / 10 % 10))
            .append((char)('0' + subMicroNanos % 10))
            .append("Z\"");
        return this;
    }

    /** Drops a trailing comma left by a loop over items. */
    FrameText trimComma()
    {
        final int last = text.length() - 1;
        if (last >= 0 && text.charAt(last) == ',')
        {
            text.setLength(last);
        }
        return this;
    }

    @Override
    public String toString()
    {
        return text.toString();
    }

    private FrameText ascii(final int length)
    {
        for (int i = 0; i < length; i++)
        {
            text.append((char)scratchBytes[i]);
        }
        return this;
    }
}
