package io.tradingcore.core.stream;

import io.tradingcore.core.kraken.Utf8;
import io.tradingcore.core.time.Rfc3339;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.charset.StandardCharsets;

/**
 * Encodes one stream entry (flat field/value pairs, STREAMS.md conventions) into a scratch buffer
 * and offers it to an {@link EntrySink} (the {@link Outbox}). One writer per producing thread; nothing here allocates.
 * <p>
 * Layout (read back by {@link EntryReader}): {@code short symbolId, byte timeframe, byte 0,
 * short fieldCount}, then per field {@code byte nameLength, name, unsigned short valueLength, value}.
 * <p>
 * Values may be JSON (objects, arrays) built with the {@code json*} methods between
 * {@link #beginJson(byte[])} and {@link #endJson()}.
 */
public final class EntryWriter
{
    public static final int HEADER_LENGTH = 6;
    public static final int MAX_ENTRY_LENGTH = 64 * 1024;
    /** How much of a rejected frame a report quotes: enough to see what it was, never the whole of a large one. */
    public static final int FRAME_EXCERPT_BYTES = 256;
    private static final int MAX_VALUE_LENGTH = 0xFFFF;

    private static final byte[] TRUE = ascii("true");
    private static final byte[] FALSE = ascii("false");
    private static final byte[] NULL = ascii("null");
    private static final double[] POWERS = {1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12};

    private final EntrySink outbox;
    private final UnsafeBuffer scratch = new UnsafeBuffer(new byte[MAX_ENTRY_LENGTH]);
    private int stream = -1;
    private int position;
    private int fieldCount;
    private int valueLengthAt = -1;
    /** Inside a JSON value: whether the next json element needs a comma first. */
    private boolean jsonNeedsComma;
    private boolean overflow;
    /** Length of the last entry published, so it can go to more streams without encoding it again. */
    private int publishedLength;

    public EntryWriter(final EntrySink outbox)
    {
        this.outbox = outbox;
    }

    /** The bytes of an ASCII constant (field names, fixed values); for static initialisers. */
    public static byte[] ascii(final String text)
    {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** Starts an entry for {@code stream} ({@link StreamCatalog}); symbolId and timeframe are -1 when the stream has none. */
    public EntryWriter begin(final int stream, final int symbolId, final int timeframe)
    {
        this.stream = stream;
        publishedLength = 0;
        scratch.putShort(0, (short)symbolId);
        scratch.putByte(2, (byte)timeframe);
        scratch.putByte(3, (byte)0);
        position = HEADER_LENGTH;
        fieldCount = 0;
        valueLengthAt = -1;
        overflow = false;
        return this;
    }

    public EntryWriter string(final byte[] name, final byte[] value)
    {
        if (startField(name, value.length))
        {
            scratch.putBytes(position, value);
            position += value.length;
            endField();
        }
        return this;
    }

    public EntryWriter string(final byte[] name, final DirectBuffer source, final int offset, final int length)
    {
        if (startField(name, length))
        {
            scratch.putBytes(position, source, offset, length);
            position += length;
            endField();
        }
        return this;
    }

    /**
     * The head of a frame a report quotes: at most {@link #FRAME_EXCERPT_BYTES}, cut where its UTF-8 stops
     * being valid or at a character boundary, so a reader decoding values as text never fails on it.
     */
    public EntryWriter excerpt(final byte[] name, final DirectBuffer frame, final int offset, final int length)
    {
        return string(name, frame, offset, Utf8.validPrefix(frame, offset, length, FRAME_EXCERPT_BYTES));
    }

    /**
     * A CharSequence (a String constant, a StringBuilder reused by the caller) as UTF-8: ASCII byte for byte,
     * anything else encoded, a lone surrogate as U+FFFD, so a reader decoding values as text never fails.
     */
    public EntryWriter string(final byte[] name, final CharSequence value)
    {
        final int length = value.length();
        if (startField(name, 3 * length)) // at most three bytes a UTF-16 unit (a pair's four for two units)
        {
            for (int i = 0; i < length; i++)
            {
                final char c = value.charAt(i);
                if (c < 0x80)
                {
                    scratch.putByte(position++, (byte)c);
                }
                else
                {
                    i += putUtf8(c, i + 1 < length ? value.charAt(i + 1) : 0);
                }
            }
            endField();
        }
        return this;
    }

    /** An identifier as text, {@code prefix} then the sequence ({@code sig-20261125T181200-42}): never read as a number. */
    public EntryWriter identifier(final byte[] name, final byte[] prefix, final long sequence)
    {
        if (startField(name, prefix.length + DecimalText.MAX_LENGTH))
        {
            scratch.putBytes(position, prefix);
            position += prefix.length;
            position += DecimalText.write(scratch, position, sequence, 0);
            endField();
        }
        return this;
    }

    public EntryWriter integer(final byte[] name, final long value)
    {
        return decimal(name, value, 0);
    }

    /** {@code scaled / 10^scale} in plain notation with exactly {@code scale} decimals. */
    public EntryWriter decimal(final byte[] name, final long scaled, final int scale)
    {
        if (startField(name, DecimalText.MAX_LENGTH))
        {
            position += DecimalText.write(scratch, position, scaled, scale);
            endField();
        }
        return this;
    }

    public EntryWriter bool(final byte[] name, final boolean value)
    {
        return string(name, value ? TRUE : FALSE);
    }

    /** RFC 3339 UTC with microseconds. */
    public EntryWriter timestamp(final byte[] name, final long epochMicros)
    {
        if (startField(name, Rfc3339.MICROS_LENGTH))
        {
            position += Rfc3339.formatMicros(epochMicros, scratch, position);
            endField();
        }
        return this;
    }

    /** Starts a field whose value is compact JSON written with the json* methods. */
    public EntryWriter beginJson(final byte[] name)
    {
        if (startField(name, 2))
        {
            jsonNeedsComma = false;
        }
        return this;
    }

    public EntryWriter endJson()
    {
        if (valueLengthAt >= 0)
        {
            endField();
        }
        return this;
    }

    public EntryWriter jsonObjectStart()
    {
        return jsonOpen('{');
    }

    public EntryWriter jsonObjectEnd()
    {
        return jsonClose('}');
    }

    public EntryWriter jsonArrayStart()
    {
        return jsonOpen('[');
    }

    public EntryWriter jsonArrayEnd()
    {
        return jsonClose(']');
    }

    /** An object key; the next json value belongs to it. */
    public EntryWriter jsonKey(final byte[] key)
    {
        if (ensure(key.length + 4))
        {
            comma();
            scratch.putByte(position++, (byte)'"');
            scratch.putBytes(position, key);
            position += key.length;
            scratch.putByte(position++, (byte)'"');
            scratch.putByte(position++, (byte)':');
            jsonNeedsComma = false;
        }
        return this;
    }

    public EntryWriter jsonDecimal(final long scaled, final int scale)
    {
        if (ensure(DecimalText.MAX_LENGTH + 1))
        {
            comma();
            position += DecimalText.write(scratch, position, scaled, scale);
            jsonNeedsComma = true;
        }
        return this;
    }

    /** A JSON number from a double (indicator values, PnL), rounded to {@code scale} decimals; NaN and infinities as null. */
    public EntryWriter jsonNumber(final double value, final int scale)
    {
        if (Double.isNaN(value) || Double.isInfinite(value) || Math.abs(value) >= 9e18 / POWERS[scale])
        {
            return jsonNull();
        }
        return jsonDecimal(Math.round(value * POWERS[scale]), scale);
    }

    /** A field from a double rounded to {@code scale} decimals (plain notation); NaN and infinities as 0. */
    public EntryWriter number(final byte[] name, final double value, final int scale)
    {
        final boolean finite = !Double.isNaN(value) && !Double.isInfinite(value) && Math.abs(value) < 9e18 / POWERS[scale];
        return decimal(name, finite ? Math.round(value * POWERS[scale]) : 0, scale);
    }

    public EntryWriter jsonInteger(final long value)
    {
        return jsonDecimal(value, 0);
    }

    public EntryWriter jsonBool(final boolean value)
    {
        return jsonRaw(value ? TRUE : FALSE);
    }

    public EntryWriter jsonNull()
    {
        return jsonRaw(NULL);
    }

    /** A JSON string of ASCII bytes that need no escaping (symbols, ids, enum names). */
    public EntryWriter jsonString(final byte[] value)
    {
        if (ensure(value.length + 3))
        {
            comma();
            scratch.putByte(position++, (byte)'"');
            scratch.putBytes(position, value);
            position += value.length;
            scratch.putByte(position++, (byte)'"');
            jsonNeedsComma = true;
        }
        return this;
    }

    /** A JSON string from a CharSequence, escaping quotes, backslashes and control characters. */
    public EntryWriter jsonString(final CharSequence value)
    {
        if (ensure(value.length() * 6 + 3))
        {
            comma();
            scratch.putByte(position++, (byte)'"');
            for (int i = 0; i < value.length(); i++)
            {
                final char c = value.charAt(i);
                if (c == '"' || c == '\\')
                {
                    scratch.putByte(position++, (byte)'\\');
                    scratch.putByte(position++, (byte)c);
                }
                else if (c < 0x20 || c > 0x7E)
                {
                    position += putUnicodeEscape(c);
                }
                else
                {
                    scratch.putByte(position++, (byte)c);
                }
            }
            scratch.putByte(position++, (byte)'"');
            jsonNeedsComma = true;
        }
        return this;
    }

    /** Publishes the entry. False when it was not taken (shed market data, a disabled stream, or too large). */
    public boolean publish()
    {
        if (overflow || stream < 0)
        {
            stream = -1;
            publishedLength = 0;
            return false;
        }
        scratch.putShort(4, (short)fieldCount);
        final int s = stream;
        stream = -1;
        publishedLength = position;
        return outbox.offer(s, scratch, 0, position);
    }

    /**
     * Publishes the entry just published to one more stream, byte for byte (md:trades and
     * md:trades:{symbol} carry the same entry): the encoding, the costly part, is done once. False if
     * there is no such entry or the stream did not take it.
     */
    public boolean publishAlso(final int otherStream)
    {
        return publishedLength > 0 && stream < 0 && outbox.offer(otherStream, scratch, 0, publishedLength);
    }

    /** Scratch view for tests and the journal: the bytes of the entry being built. */
    public DirectBuffer buffer()
    {
        return scratch;
    }

    public int length()
    {
        return position;
    }

    private EntryWriter jsonOpen(final char open)
    {
        if (ensure(2))
        {
            comma();
            scratch.putByte(position++, (byte)open);
            jsonNeedsComma = false;
        }
        return this;
    }

    private EntryWriter jsonClose(final char close)
    {
        if (ensure(1))
        {
            scratch.putByte(position++, (byte)close);
            jsonNeedsComma = true;
        }
        return this;
    }

    private EntryWriter jsonRaw(final byte[] value)
    {
        if (ensure(value.length + 1))
        {
            comma();
            scratch.putBytes(position, value);
            position += value.length;
            jsonNeedsComma = true;
        }
        return this;
    }

    private void comma()
    {
        if (jsonNeedsComma)
        {
            scratch.putByte(position++, (byte)',');
        }
    }

    private int putUnicodeEscape(final char c)
    {
        final MutableDirectBuffer b = scratch;
        b.putByte(position, (byte)'\\');
        b.putByte(position + 1, (byte)'u');
        for (int i = 0; i < 4; i++)
        {
            final int nibble = (c >> (12 - 4 * i)) & 0xF;
            b.putByte(position + 2 + i, (byte)(nibble < 10 ? '0' + nibble : 'a' + nibble - 10));
        }
        return 6;
    }

    /** Encodes {@code c} (not ASCII); the UTF-16 units it consumed beyond itself: 1 for a surrogate pair, else 0. */
    private int putUtf8(final char c, final char next)
    {
        if (Character.isHighSurrogate(c) && Character.isLowSurrogate(next))
        {
            final int cp = Character.toCodePoint(c, next);
            scratch.putByte(position++, (byte)(0xF0 | cp >> 18));
            scratch.putByte(position++, (byte)(0x80 | cp >> 12 & 0x3F));
            scratch.putByte(position++, (byte)(0x80 | cp >> 6 & 0x3F));
            scratch.putByte(position++, (byte)(0x80 | cp & 0x3F));
            return 1;
        }
        final char unit = Character.isSurrogate(c) ? '\uFFFD' : c;
        if (unit < 0x800)
        {
            scratch.putByte(position++, (byte)(0xC0 | unit >> 6));
        }
        else
        {
            scratch.putByte(position++, (byte)(0xE0 | unit >> 12));
            scratch.putByte(position++, (byte)(0x80 | unit >> 6 & 0x3F));
        }
        scratch.putByte(position++, (byte)(0x80 | unit & 0x3F));
        return 0;
    }

    private boolean startField(final byte[] name, final int valueBound)
    {
        if (!ensure(1 + name.length + 2 + valueBound))
        {
            return false;
        }
        scratch.putByte(position++, (byte)name.length);
        scratch.putBytes(position, name);
        position += name.length;
        valueLengthAt = position;
        position += 2;
        return true;
    }

    private void endField()
    {
        final int valueLength = position - valueLengthAt - 2;
        if (valueLength > MAX_VALUE_LENGTH)
        {
            overflow = true;
            return;
        }
        scratch.putShort(valueLengthAt, (short)valueLength);
        valueLengthAt = -1;
        fieldCount++;
    }

    private boolean ensure(final int bytes)
    {
        if (overflow || position + bytes > MAX_ENTRY_LENGTH)
        {
            overflow = true;
            return false;
        }
        return true;
    }
}
