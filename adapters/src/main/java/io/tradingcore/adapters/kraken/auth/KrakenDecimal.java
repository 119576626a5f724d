package io.tradingcore.adapters.kraken.auth;

import io.tradingcore.core.kraken.JsonNumber;
import io.tradingcore.core.kraken.ParseError;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A decimal of a private-channel row as Kraken wrote it: a long at the text's own scale ({@code 0.01000000}
 * is 1000000 at scale 8), so it is rendered back as the same text and rescaled to an instrument's
 * precision without going through double. Absent (scale -1) when the row left it out or it was unreadable.
 */
final class KrakenDecimal
{
    private static final int ABSENT = -1;
    /** 10^18 is the largest power of ten a long holds. */
    private static final int MAX_LONG_DIGITS = 18;

    private long unscaled;
    private int scale = ABSENT;

    boolean present()
    {
        return scale != ABSENT;
    }

    long unscaled()
    {
        return unscaled;
    }

    int scale()
    {
        return scale;
    }

    void clear()
    {
        scale = ABSENT;
    }

    void set(final long unscaled, final int scale)
    {
        this.unscaled = unscaled;
        this.scale = scale;
    }

    void set(final KrakenDecimal other)
    {
        unscaled = other.unscaled;
        scale = other.scale;
    }

    /** Takes the number just scanned at the scale its text carries; absent when it does not fit a long. */
    void set(final JsonNumber number)
    {
        final int textScale = number.textScale();
        if (number.scale(textScale, false) == ParseError.NONE)
        {
            set(number.value(), textScale);
        }
        else
        {
            clear();
        }
    }

    /** Adds {@code other} (absent counts as nothing), at the finer of the two scales. */
    void add(final KrakenDecimal other)
    {
        if (!other.present())
        {
            return;
        }
        if (!present())
        {
            set(other);
            return;
        }
        final int common = Math.max(scale, other.scale);
        set(Math.addExact(at(common), other.at(common)), common);
    }

    /** The value at {@code precision} decimals as a scaled long (half-even: Kraken's own decimals are exact). */
    long at(final int precision)
    {
        long v = unscaled;
        for (int s = scale; s < precision; s++)
        {
            v = Math.multiplyExact(v, 10L);
        }
        if (scale <= precision)
        {
            return v;
        }
        if (scale - precision > MAX_LONG_DIGITS)
        {
            // the divisor would not fit a long: far finer than any instrument, so take the slow path
            return toBigDecimal().setScale(precision, RoundingMode.HALF_EVEN).unscaledValue().longValueExact();
        }
        long divisor = 1;
        for (int s = precision; s < scale; s++)
        {
            divisor *= 10;
        }
        final long quotient = v / divisor;
        final long twiceRemainder = Math.abs(v % divisor) * 2;
        if (twiceRemainder > divisor || (twiceRemainder == divisor && (quotient & 1) != 0))
        {
            return quotient + Long.signum(v);
        }
        return quotient;
    }

    /** For the fills ledger's position arithmetic, off the order path. */
    BigDecimal toBigDecimal()
    {
        return BigDecimal.valueOf(unscaled, scale);
    }
}
