package io.tradingcore.core.book;

import io.tradingcore.core.kraken.Side;
import io.tradingcore.core.stream.DecimalText;

import java.util.zip.CRC32;

/**
 * Kraken v2 book checksum: CRC-32 over the top 10 asks (low to high) then the top 10 bids (high to
 * low), each level written as the digits of its price then of its qty. The digits of a long scaled
 * at the instrument precision are exactly Kraken's "remove the dot, strip the leading zeros" of the
 * full-precision text, so no decimal text is ever built. One instance per thread; allocation-free.
 */
public final class BookChecksum
{
    public static final int LEVELS = 10;

    /** 2 sides x 10 levels x (price + qty) x at most 19 digits. */
    private final byte[] scratch = new byte[2 * LEVELS * 2 * 19];
    private final CRC32 crc = new CRC32();

    /** The unsigned 32-bit checksum of {@code book} as a long, comparable to the frame's {@code checksum}. */
    public long compute(final BookView book)
    {
        int length = appendSide(book, Side.ASK, 0);
        length = appendSide(book, Side.BID, length);
        crc.reset();
        crc.update(scratch, 0, length);
        return crc.getValue();
    }

    private int appendSide(final BookView book, final int side, final int offset)
    {
        final int levels = Math.min(LEVELS, book.levels(side));
        int position = offset;
        for (int i = 0; i < levels; i++)
        {
            position = appendDigits(book.price(side, i), position);
            position = appendDigits(book.qty(side, i), position);
        }
        return position;
    }

    /** Decimal digits of a non-negative value, none for zero (all its digits are leading zeros). */
    private int appendDigits(final long value, final int offset)
    {
        if (value <= 0)
        {
            return offset;
        }
        final int end = offset + DecimalText.digitCount(value);
        long v = value;
        for (int i = end - 1; i >= offset; i--)
        {
            scratch[i] = (byte)('0' + v % 10);
            v /= 10;
        }
        return end;
    }
}
