package io.tradingcore.adapters.redis;

import io.tradingcore.core.stream.EntryReader;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.charset.StandardCharsets;

/**
 * Renders one stream entry as the RESP of {@code XADD key MAXLEN ~ n * field value ...}, with no allocation:
 * the array length, then the header cached per key ({@link #header}), then each field name and value as a
 * bulk string copied straight from the entry.
 */
final class XaddEncoder
{
    /** {@code XADD key MAXLEN ~ n *}: the arguments before the fields. */
    private static final int HEADER_ARGUMENTS = 6;
    /** {@code *} or {@code $}, up to 10 digits, CRLF. */
    private static final int MAX_PREFIX_LENGTH = 13;
    private static final int CRLF_LENGTH = 2;

    private XaddEncoder()
    {
    }

    /** The bulk strings {@code XADD key MAXLEN ~ maxLen *} for one key, built once when the key is resolved. */
    static byte[] header(final byte[] key, final int maxLen)
    {
        final byte[] maxLenText = Integer.toString(maxLen).getBytes(StandardCharsets.US_ASCII);
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[key.length + maxLenText.length + 128]);
        int at = bulk(buffer, 0, "XADD".getBytes(StandardCharsets.US_ASCII));
        at = bulk(buffer, at, key);
        at = bulk(buffer, at, "MAXLEN".getBytes(StandardCharsets.US_ASCII));
        at = bulk(buffer, at, "~".getBytes(StandardCharsets.US_ASCII));
        at = bulk(buffer, at, maxLenText);
        at = bulk(buffer, at, "*".getBytes(StandardCharsets.US_ASCII));
        final byte[] header = new byte[at];
        buffer.getBytes(0, header);
        return header;
    }

    /** {@code WAIT replicas timeout} as RESP. */
    static byte[] waitCommand(final int replicas, final long timeoutMillis)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[64]);
        buffer.putByte(0, (byte)'*');
        int at = 1 + buffer.putNaturalIntAscii(1, 3);
        at = crlf(buffer, at);
        at = bulk(buffer, at, "WAIT".getBytes(StandardCharsets.US_ASCII));
        at = bulk(buffer, at, Integer.toString(replicas).getBytes(StandardCharsets.US_ASCII));
        at = bulk(buffer, at, Long.toString(timeoutMillis).getBytes(StandardCharsets.US_ASCII));
        final byte[] command = new byte[at];
        buffer.getBytes(0, command);
        return command;
    }

    /**
     * The most bytes {@link #encode} writes for an entry of {@code entryLength} bytes with {@code fields} fields:
     * each field costs its name and value plus two length prefixes and CRLFs, which its 3 bytes of entry
     * framing do not cover.
     */
    static int maxLength(final byte[] header, final int entryLength, final int fields)
    {
        return MAX_PREFIX_LENGTH + header.length + entryLength + fields * 2 * (MAX_PREFIX_LENGTH + CRLF_LENGTH);
    }

    /**
     * Writes the command for the entry {@code reader} is wrapped around at {@code index}; returns the index
     * after it, or -1 when the entry is malformed (a field runs past its end).
     */
    static int encode(final MutableDirectBuffer buffer, final int index, final byte[] header, final EntryReader reader)
    {
        final int fields = reader.fieldCount();
        int at = index;
        buffer.putByte(at++, (byte)'*');
        at += buffer.putNaturalIntAscii(at, HEADER_ARGUMENTS + 2 * fields);
        at = crlf(buffer, at);
        buffer.putBytes(at, header);
        at += header.length;
        final DirectBuffer entry = reader.buffer();
        for (int i = 0; i < fields; i++)
        {
            if (!reader.next())
            {
                return -1;
            }
            at = bulk(buffer, at, entry, reader.nameOffset(), reader.nameLength());
            at = bulk(buffer, at, entry, reader.valueOffset(), reader.valueLength());
        }
        return at;
    }

    private static int bulk(final MutableDirectBuffer buffer, final int index, final byte[] bytes)
    {
        return bulk(buffer, index, new UnsafeBuffer(bytes), 0, bytes.length);
    }

    private static int bulk(
        final MutableDirectBuffer buffer, final int index, final DirectBuffer source, final int offset, final int length)
    {
        int at = index;
        buffer.putByte(at++, (byte)'$');
        at += buffer.putNaturalIntAscii(at, length);
        at = crlf(buffer, at);
        buffer.putBytes(at, source, offset, length);
        return crlf(buffer, at + length);
    }

    private static int crlf(final MutableDirectBuffer buffer, final int index)
    {
        buffer.putByte(index, (byte)'\r');
        buffer.putByte(index + 1, (byte)'\n');
        return index + CRLF_LENGTH;
    }
}
