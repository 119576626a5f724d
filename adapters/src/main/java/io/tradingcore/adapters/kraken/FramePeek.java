package io.tradingcore.adapters.kraken;

import io.tradingcore.core.kraken.Channel;
import io.tradingcore.core.time.Rfc3339;
import org.agrona.DirectBuffer;

import static io.tradingcore.core.stream.EntryWriter.ascii;

/**
 * What the feed thread needs to know about a frame before handing it on, read in place without
 * allocation: its channel (from the fixed prefix Kraken writes), the first symbol, the ohlc
 * interval, whether it is a snapshot, and the exchange timestamp for the lag histogram. The full
 * parse is the normalize stage's job; this only looks at a few bytes.
 */
public final class FramePeek
{
    private static final byte[] CHANNEL_PREFIX = ascii("{\"channel\":\"");
    private static final byte[] METHOD_PREFIX = ascii("{\"method\":\"");
    private static final byte[] ERROR_PREFIX = ascii("{\"error\"");
    private static final byte[] PONG = ascii("pong\"");
    private static final byte[][] CHANNEL_NAMES = {
        ascii("status\""), ascii("heartbeat\""), ascii("ticker\""), ascii("trade\""), ascii("book\""),
        ascii("ohlc\""), ascii("instrument\"")
    };
    private static final int[] CHANNEL_IDS = {
        Channel.STATUS, Channel.HEARTBEAT, Channel.TICKER, Channel.TRADE, Channel.BOOK, Channel.OHLC,
        Channel.INSTRUMENT
    };
    private static final byte[] SYMBOL_KEY = ascii("\"symbol\":\"");
    private static final byte[] INTERVAL_KEY = ascii("\"interval\":");
    private static final byte[] SNAPSHOT_TYPE = ascii("\"type\":\"snapshot\"");
    private static final byte[] TIMESTAMP_KEY = ascii("\"timestamp\":\"");
    /** The type field follows the channel name within this many bytes. */
    private static final int TYPE_WINDOW = 48;
    /** The exchange timestamp is the last field of a ticker/trade/book frame: look only at the tail. */
    private static final int TIMESTAMP_TAIL = 64;

    private FramePeek()
    {
    }

    /**
     * The frame's {@link Channel}: a data channel, {@link Channel#STATUS}, {@link Channel#HEARTBEAT},
     * {@link Channel#PONG}, {@link Channel#METHOD_RESPONSE} (acks, failed or not) or {@link Channel#UNKNOWN}.
     */
    public static int channel(final DirectBuffer b, final int offset, final int length)
    {
        if (startsWith(b, offset, length, 0, CHANNEL_PREFIX))
        {
            for (int i = 0; i < CHANNEL_NAMES.length; i++)
            {
                if (startsWith(b, offset, length, CHANNEL_PREFIX.length, CHANNEL_NAMES[i]))
                {
                    return CHANNEL_IDS[i];
                }
            }
            return Channel.UNKNOWN;
        }
        if (startsWith(b, offset, length, 0, METHOD_PREFIX))
        {
            return startsWith(b, offset, length, METHOD_PREFIX.length, PONG) ? Channel.PONG : Channel.METHOD_RESPONSE;
        }
        return startsWith(b, offset, length, 0, ERROR_PREFIX) ? Channel.METHOD_RESPONSE : Channel.UNKNOWN;
    }

    /** Offset of the first {@code "symbol":"} value, or -1; its length is {@link #symbolLength}. */
    public static int symbolOffset(final DirectBuffer b, final int offset, final int length)
    {
        final int at = indexOf(b, offset, offset + length, SYMBOL_KEY);
        return at < 0 ? -1 : at + SYMBOL_KEY.length;
    }

    public static int symbolLength(final DirectBuffer b, final int symbolOffset, final int end)
    {
        for (int i = symbolOffset; i < end; i++)
        {
            if (b.getByte(i) == '"')
            {
                return i - symbolOffset;
            }
        }
        return -1;
    }

    /** The first {@code "interval":N} of an ohlc frame, or 0. */
    public static int interval(final DirectBuffer b, final int offset, final int length)
    {
        final int end = offset + length;
        final int at = indexOf(b, offset, end, INTERVAL_KEY);
        if (at < 0)
        {
            return 0;
        }
        int value = 0;
        for (int i = at + INTERVAL_KEY.length; i < end; i++)
        {
            final byte c = b.getByte(i);
            if (c < '0' || c > '9' || value > 1_000_000)
            {
                break;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    public static boolean isSnapshot(final DirectBuffer b, final int offset, final int length)
    {
        return indexOf(b, offset, offset + Math.min(length, TYPE_WINDOW), SNAPSHOT_TYPE) >= 0;
    }

    /** The last {@code "timestamp"} in the frame's tail in epoch µs, or {@link Rfc3339#INVALID}. */
    public static long lastTimestampMicros(final DirectBuffer b, final int offset, final int length)
    {
        final int end = offset + length;
        final int from = Math.max(offset, end - TIMESTAMP_TAIL);
        for (int i = end - TIMESTAMP_KEY.length; i >= from; i--)
        {
            if (matches(b, i, TIMESTAMP_KEY))
            {
                final int value = i + TIMESTAMP_KEY.length;
                final int valueLength = symbolLength(b, value, end);
                return valueLength < 0 ? Rfc3339.INVALID : Rfc3339.parseMicros(b, value, valueLength);
            }
        }
        return Rfc3339.INVALID;
    }

    private static int indexOf(final DirectBuffer b, final int from, final int end, final byte[] pattern)
    {
        final int last = end - pattern.length;
        final byte first = pattern[0];
        for (int i = from; i <= last; i++)
        {
            if (b.getByte(i) == first && matches(b, i, pattern))
            {
                return i;
            }
        }
        return -1;
    }

    private static boolean startsWith(final DirectBuffer b, final int offset, final int length, final int at,
        final byte[] pattern)
    {
        return length >= at + pattern.length && matches(b, offset + at, pattern);
    }

    private static boolean matches(final DirectBuffer b, final int at, final byte[] pattern)
    {
        for (int i = 0; i < pattern.length; i++)
        {
            if (b.getByte(at + i) != pattern[i])
            {
                return false;
            }
        }
        return true;
    }
}
