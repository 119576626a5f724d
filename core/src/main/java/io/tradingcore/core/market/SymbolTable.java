package io.tradingcore.core.market;

import org.agrona.DirectBuffer;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Interns Kraken v2 symbols ({@code BTC/USD}) to small ints. Written only by the normalize stage
 * (the single writer); the names are published through a volatile count so other threads (the
 * Redis adapter, housekeeping) may read any id below {@link #size()}. Lookup walks a short array:
 * a core holds tens of symbols, not thousands, and a linear byte compare beats hashing here.
 */
public final class SymbolTable
{
    public static final int NONE = -1;
    public static final int MAX_SYMBOLS = 256;
    public static final int MAX_SYMBOL_LENGTH = 32;

    private final byte[][] names = new byte[MAX_SYMBOLS][];
    private final String[] strings = new String[MAX_SYMBOLS];
    private volatile int size;

    /** Id of the symbol at buffer[offset, offset+length), or NONE if not interned yet. */
    public int find(final DirectBuffer buffer, final int offset, final int length)
    {
        final int n = size;
        for (int id = 0; id < n; id++)
        {
            final byte[] name = names[id];
            if (name.length == length && equals(name, buffer, offset))
            {
                return id;
            }
        }
        return NONE;
    }

    /** Interns on first sight (allocates once per symbol, at subscribe time or warm-up); NONE when full or too long. */
    public int intern(final DirectBuffer buffer, final int offset, final int length)
    {
        final int found = find(buffer, offset, length);
        if (found != NONE || length <= 0 || length > MAX_SYMBOL_LENGTH || size == MAX_SYMBOLS)
        {
            return found;
        }
        final byte[] name = new byte[length];
        buffer.getBytes(offset, name);
        return add(name);
    }

    public int intern(final String symbol)
    {
        final byte[] bytes = symbol.getBytes(StandardCharsets.US_ASCII);
        for (int id = 0; id < size; id++)
        {
            if (Arrays.equals(names[id], bytes))
            {
                return id;
            }
        }
        return bytes.length == 0 || bytes.length > MAX_SYMBOL_LENGTH || size == MAX_SYMBOLS ? NONE : add(bytes);
    }

    public int size()
    {
        return size;
    }

    public byte[] nameBytes(final int id)
    {
        return names[id];
    }

    public String name(final int id)
    {
        return strings[id];
    }

    private int add(final byte[] name)
    {
        final int id = size;
        names[id] = name;
        strings[id] = new String(name, StandardCharsets.US_ASCII);
        size = id + 1;
        return id;
    }

    private static boolean equals(final byte[] name, final DirectBuffer buffer, final int offset)
    {
        for (int i = 0; i < name.length; i++)
        {
            if (name[i] != buffer.getByte(offset + i))
            {
                return false;
            }
        }
        return true;
    }
}
