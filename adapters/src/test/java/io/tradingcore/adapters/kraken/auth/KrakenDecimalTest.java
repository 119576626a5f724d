package io.tradingcore.adapters.kraken.auth;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Kraken's decimals at their own scale, rescaled to an instrument's precision. */
class KrakenDecimalTest
{
    private static KrakenDecimal of(final long unscaled, final int scale)
    {
        final KrakenDecimal d = new KrakenDecimal();
        d.set(unscaled, scale);
        return d;
    }

    @Test
    void aFinerPrecisionAppendsZeros()
    {
        assertEquals(1_000_000L, of(1, 2).at(8));
        assertEquals(-265_999_000L, of(-265_999, 1).at(4));
    }

    @Test
    void aCoarserPrecisionRoundsHalfEven()
    {
        assertEquals(2L, of(25, 1).at(0));
        assertEquals(4L, of(35, 1).at(0));
        assertEquals(3L, of(251, 2).at(0));
        assertEquals(-2L, of(-25, 1).at(0));
        assertEquals(-3L, of(-251, 2).at(0));
        assertEquals(120L, of(1_200_000_000L, 8).at(1), "12.00000000 at one decimal: trailing zeros are exact");
        assertEquals(1L, of(6_000_000_000_000_000_000L, 27).at(8), "0.000000006: a text finer than a long's powers of ten");
    }

    @Test
    void anAmountTooLargeForTheScaleFailsRatherThanWraps()
    {
        assertThrows(ArithmeticException.class, () -> of(Long.MAX_VALUE / 2, 0).at(2));
    }

    @Test
    void sumsTakeTheFinerScaleAndAbsentAddsNothing()
    {
        final KrakenDecimal sum = new KrakenDecimal();
        assertFalse(sum.present());
        sum.add(new KrakenDecimal());
        assertFalse(sum.present());
        sum.add(of(3458, 4));
        sum.add(of(1, 2));
        assertTrue(sum.present());
        assertEquals(3558L, sum.unscaled());
        assertEquals(4, sum.scale());
        assertEquals(0, new BigDecimal("0.3558").compareTo(sum.toBigDecimal()));
    }
}
