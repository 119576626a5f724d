package io.tradingcore.core.book;

import io.tradingcore.core.kraken.Side;

import java.util.zip.CRC32;

/**
 * Kraken v2 book checksum: CRC-32 over the top 10 asks (low to high) then the top 10 bids (high to
 * low), each level written as the digits of its price then of its qty. The book keeps each top
 * level's digits from the moment the level changes ({@link OrderBook#checksumDigits}), so a
 * message costs the digits of the levels it touched, not of all twenty. One instance per thread;
 * allocation-free.
 */
public final class BookChecksum
{
    public static final int LEVELS = 10;

    private final byte[] scratch = new byte[2 * LEVELS * ChecksumDigits.LEVEL_LENGTH];
    private final CRC32 crc = new CRC32();

    /** The unsigned 32-bit checksum of {@code book} as a long, comparable to the frame's {@code checksum}. */
    public long compute(final OrderBook book)
    {
        int length = book.checksumDigits(Side.ASK, scratch, 0);
        length = book.checksumDigits(Side.BID, scratch, length);
        crc.reset();
        crc.update(scratch, 0, length);
        return crc.getValue();
    }
}
