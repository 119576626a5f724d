package io.tradingcore.core.book;

import io.tradingcore.core.kraken.Side;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.CRC32;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** The worked examples of KRAKEN.md §3, fed as scaled longs at the instrument precision. */
class BookChecksumTest
{
    private final BookChecksum checksum = new BookChecksum();

    @Test
    void docsV2ExampleAtPricePrecision1()
    {
        final OrderBook book = book(1, 8,
            new String[] {"45283.5", "0.10000000", "45283.4", "1.54582015", "45282.1", "0.10000000", "45281.0", "0.10000000",
                "45280.3", "1.54592586", "45279.0", "0.07990000", "45277.6", "0.03310103", "45277.5", "0.30000000",
                "45277.3", "1.54602737", "45276.6", "0.15445238"},
            new String[] {"45285.2", "0.00100000", "45286.4", "1.54571953", "45286.6", "1.54571109", "45289.6", "1.54560911",
                "45290.2", "0.15890660", "45291.8", "1.54553491", "45294.7", "0.04454749", "45296.1", "0.35380000",
                "45297.5", "0.09945542", "45299.5", "0.18772827"});
        assertEquals(3310070434L, checksum.compute(book));
    }

    @Test
    void docsMaticExampleNeedsInstrumentPrecisionNotTheTrimmedText()
    {
        final OrderBook book = book(4, 8,
            new String[] {"0.5666", "4831.75496356", "0.5665", "6658.22734739", "0.5664", "18724.91513344",
                "0.5663", "11563.92544914", "0.5662", "14006.65365711", "0.5661", "17454.85679807", "0.566", "18097.1547",
                "0.5659", "33644.89175666", "0.5658", "148.3464", "0.5657", "606.70854372"},
            new String[] {"0.5668", "4410.79769741", "0.5669", "4655.40412487", "0.567", "49844.89424998",
                "0.5671", "24306.41678", "0.5672", "29783.25223475", "0.5673", "57234.71239278", "0.5674", "45065.04744",
                "0.5675", "5912.76380354", "0.5676", "42514.92434778", "0.5677", "36304.0847022"});
        assertEquals(5660L, book.price(Side.BID, 6));
        assertEquals(1809715470000L, book.qty(Side.BID, 6));
        assertEquals(2439117997L, checksum.compute(book));
    }

    @Test
    void docsV1ExampleAtPricePrecision5()
    {
        final String[] asks = new String[20];
        final String[] bids = new String[20];
        final String[] askPrices = {"0.05005", "0.05010", "0.05015", "0.05020", "0.05025", "0.05030", "0.05035", "0.05040", "0.05045", "0.05050"};
        final String[] bidPrices = {"0.05000", "0.04995", "0.04990", "0.04980", "0.04975", "0.04970", "0.04965", "0.04960", "0.04955", "0.04950"};
        for (int i = 0; i < 10; i++)
        {
            asks[2 * i] = askPrices[i];
            asks[2 * i + 1] = "0.00000500";
            bids[2 * i] = bidPrices[i];
            bids[2 * i + 1] = "0.00000500";
        }
        assertEquals(974947235L, checksum.compute(book(5, 8, bids, asks)));
    }

    @Test
    void hashesOnlyTheTopTenAndAllLevelsOfAShortBook()
    {
        final OrderBook book = new OrderBook(64);
        book.depth(25);
        for (int i = 0; i < 25; i++)
        {
            book.apply(Side.ASK, 1000 + i, 5);
            book.apply(Side.BID, 999 - i, 5);
        }
        final long topTen = checksum.compute(book);
        book.apply(Side.ASK, 1020, 0);
        book.apply(Side.BID, 980, 7);
        assertEquals(topTen, checksum.compute(book), "levels 11..25 are outside the checksum");

        final OrderBook shortBook = new OrderBook(16);
        shortBook.apply(Side.ASK, 1000, 5);
        shortBook.apply(Side.BID, 999, 7);
        assertEquals(crc("1000" + "5" + "999" + "7"), checksum.compute(shortBook));
        shortBook.apply(Side.BID, 999, 0);
        assertEquals(crc("10005"), checksum.compute(shortBook));
        assertNotEquals(topTen, checksum.compute(shortBook));
    }

    @Test
    void writesEveryMagnitudeLikeLongToString()
    {
        long value = 1;
        for (int digits = 1; digits <= 19; digits++)
        {
            final long[] probes = {value, value + 7, digits == 19 ? Long.MAX_VALUE : value * 10 - 1};
            for (final long probe : probes)
            {
                final OrderBook book = new OrderBook(4);
                book.apply(Side.ASK, probe, probe);
                assertEquals(crc(Long.toString(probe) + probe), checksum.compute(book), "value " + probe);
            }
            value *= 10;
        }
    }

    @Test
    void digitsKeptAsLevelsChangeMatchTheBookRenderedAfresh()
    {
        final Random random = new Random(7);
        final OrderBook book = new OrderBook(64);
        book.depth(25);
        for (int message = 0; message < 20_000; message++)
        {
            for (int level = random.nextInt(4); level >= 0; level--)
            {
                final int side = random.nextBoolean() ? Side.BID : Side.ASK;
                final long price = side == Side.BID ? 1000 - random.nextInt(40) : 1001 + random.nextInt(40);
                book.apply(side, price, random.nextInt(3) == 0 ? 0 : 1 + random.nextInt(1_000_000));
            }
            book.truncate();
            assertEquals(crc(topTenText(book)), checksum.compute(book), "after message " + message);
        }
    }

    private static String topTenText(final OrderBook book)
    {
        final StringBuilder text = new StringBuilder();
        for (final int side : new int[] {Side.ASK, Side.BID})
        {
            for (int i = 0; i < Math.min(BookChecksum.LEVELS, book.levels(side)); i++)
            {
                text.append(book.price(side, i)).append(book.qty(side, i));
            }
        }
        return text.toString();
    }

    private static long crc(final String text)
    {
        final CRC32 crc = new CRC32();
        crc.update(text.getBytes(StandardCharsets.US_ASCII));
        return crc.getValue();
    }

    /** Levels given as price/qty text pairs, applied in the order given. */
    static OrderBook book(final int pricePrecision, final int qtyPrecision, final String[] bids, final String[] asks)
    {
        final OrderBook book = new OrderBook(64);
        for (int i = 0; i < bids.length; i += 2)
        {
            book.apply(Side.BID, scaled(bids[i], pricePrecision), scaled(bids[i + 1], qtyPrecision));
        }
        for (int i = 0; i < asks.length; i += 2)
        {
            book.apply(Side.ASK, scaled(asks[i], pricePrecision), scaled(asks[i + 1], qtyPrecision));
        }
        book.truncate();
        return book;
    }

    static long scaled(final String text, final int precision)
    {
        return new BigDecimal(text).setScale(precision).unscaledValue().longValueExact();
    }
}
