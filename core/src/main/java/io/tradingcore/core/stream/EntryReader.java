package io.tradingcore.core.stream;

import org.agrona.DirectBuffer;

/**
 * A flyweight over one entry encoded by {@link EntryWriter}, for the Redis adapter and the spill
 * journal: wrap it, then walk the fields with {@link #next()}.
 */
public final class EntryReader
{
    private DirectBuffer buffer;
    private int offset;
    private int length;
    private int cursor;
    private int remaining;
    private int nameOffset;
    private int nameLength;
    private int valueOffset;
    private int valueLength;

    public EntryReader wrap(final DirectBuffer buffer, final int offset, final int length)
    {
        this.buffer = buffer;
        this.offset = offset;
        this.length = length;
        this.cursor = offset + EntryWriter.HEADER_LENGTH;
        this.remaining = buffer.getShort(offset + 4) & 0xFFFF;
        return this;
    }

    public int symbolId()
    {
        return buffer.getShort(offset);
    }

    public int timeframe()
    {
        return buffer.getByte(offset + 2);
    }

    public int fieldCount()
    {
        return buffer.getShort(offset + 4) & 0xFFFF;
    }

    /** Moves to the next field; false when there is none. */
    public boolean next()
    {
        if (remaining == 0)
        {
            return false;
        }
        nameLength = buffer.getByte(cursor) & 0xFF;
        nameOffset = cursor + 1;
        valueLength = buffer.getShort(nameOffset + nameLength) & 0xFFFF;
        valueOffset = nameOffset + nameLength + 2;
        cursor = valueOffset + valueLength;
        remaining--;
        return cursor <= offset + length;
    }

    public DirectBuffer buffer()
    {
        return buffer;
    }

    public int nameOffset()
    {
        return nameOffset;
    }

    public int nameLength()
    {
        return nameLength;
    }

    public int valueOffset()
    {
        return valueOffset;
    }

    public int valueLength()
    {
        return valueLength;
    }

    public String name()
    {
        return buffer.getStringWithoutLengthAscii(nameOffset, nameLength);
    }

    public String value()
    {
        return buffer.getStringWithoutLengthUtf8(valueOffset, valueLength);
    }
}
