package io.tradingcore.core.market;

import io.tradingcore.core.indicator.Scaled;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * USD per unit of each symbol's quote currency, so that sizes, limits and PnL are compared in one
 * currency. A symbol {@code X/Q} is read from its text: {@code USD}, {@code USDT} and {@code USDC}
 * quotes convert at 1; any other {@code Q} at the mid of the book {@code Q/USD}, or the inverse mid of
 * {@code USD/Q} (e.g. {@code USD/CAD} for a CAD quote). A symbol is resolved on first sight (the only
 * allocation: the names of its conversion books); a conversion book not interned yet is looked up again
 * on each later call, allocation-free, so pairs that appear in a replay resolve when their book does.
 * Fed by {@code RiskEngine#onBook}; single-threaded (the risk stage).
 */
public final class UsdConversion
{
    private static final int UNSEEN = -3;
    private static final int USD_QUOTED = -2;
    private static final byte SEPARATOR = '/';
    private static final byte[] USD = "USD".getBytes(StandardCharsets.US_ASCII);
    private static final byte[][] USD_QUOTES = {USD, "USDT".getBytes(StandardCharsets.US_ASCII),
        "USDC".getBytes(StandardCharsets.US_ASCII)};

    private final SymbolTable symbols;
    private final Instruments instruments;
    /** The conversion book of each symbol, or UNSEEN, USD_QUOTED, SymbolTable.NONE (none known yet). */
    private final int[] via = new int[SymbolTable.MAX_SYMBOLS];
    private final boolean[] inverse = new boolean[SymbolTable.MAX_SYMBOLS];
    /** {@code Q/USD} and {@code USD/Q}, kept while the book is not found; null for a symbol without a quote. */
    private final UnsafeBuffer[] direct = new UnsafeBuffer[SymbolTable.MAX_SYMBOLS];
    private final UnsafeBuffer[] inverted = new UnsafeBuffer[SymbolTable.MAX_SYMBOLS];
    private final double[] mid = new double[SymbolTable.MAX_SYMBOLS];
    private final boolean[] valid = new boolean[SymbolTable.MAX_SYMBOLS];

    public UsdConversion(final SymbolTable symbols, final Instruments instruments)
    {
        this.symbols = symbols;
        this.instruments = instruments;
        Arrays.fill(via, UNSEEN);
        Arrays.fill(mid, Double.NaN);
    }

    /** The top of {@code symbolId}'s book (scaled); an invalid book stops conversions through it until it is valid again. */
    public void onBook(final int symbolId, final long bid, final long ask, final boolean valid)
    {
        this.valid[symbolId] = valid;
        if (valid)
        {
            final int precision = instruments.pricePrecision(symbolId);
            mid[symbolId] = Scaled.toDouble(bid, precision) * 0.5 + Scaled.toDouble(ask, precision) * 0.5;
        }
    }

    /** USD per unit of {@code symbolId}'s quote currency through a currently valid book; NaN when there is none. */
    public double usdPerQuote(final int symbolId)
    {
        final int book = conversionBook(symbolId);
        if (book == USD_QUOTED)
        {
            return 1.0;
        }
        return book == SymbolTable.NONE || !valid[book] ? Double.NaN : rate(symbolId, book);
    }

    /** As {@link #usdPerQuote} but at the last valid mid, even if the book has gone invalid since; NaN if never known. */
    public double lastUsdPerQuote(final int symbolId)
    {
        final int book = conversionBook(symbolId);
        if (book == USD_QUOTED)
        {
            return 1.0;
        }
        return book == SymbolTable.NONE ? Double.NaN : rate(symbolId, book);
    }

    private double rate(final int symbolId, final int book)
    {
        return inverse[symbolId] ? 1.0 / mid[book] : mid[book];
    }

    private int conversionBook(final int symbolId)
    {
        final int book = via[symbolId];
        if (book == UNSEEN)
        {
            return firstSight(symbolId);
        }
        return book == SymbolTable.NONE && direct[symbolId] != null ? find(symbolId) : book;
    }

    private int firstSight(final int symbolId)
    {
        if (symbolId >= symbols.size())
        {
            return SymbolTable.NONE;
        }
        final byte[] name = symbols.nameBytes(symbolId);
        int slash = name.length - 1;
        while (slash >= 0 && name[slash] != SEPARATOR)
        {
            slash--;
        }
        final int quoteLength = name.length - slash - 1;
        if (slash <= 0 || quoteLength == 0)
        {
            via[symbolId] = SymbolTable.NONE;
            return SymbolTable.NONE;
        }
        for (final byte[] usd : USD_QUOTES)
        {
            if (usd.length == quoteLength && regionEquals(name, slash + 1, usd))
            {
                via[symbolId] = USD_QUOTED;
                return USD_QUOTED;
            }
        }
        final byte[] quoteUsd = new byte[quoteLength + 1 + USD.length];
        System.arraycopy(name, slash + 1, quoteUsd, 0, quoteLength);
        quoteUsd[quoteLength] = SEPARATOR;
        System.arraycopy(USD, 0, quoteUsd, quoteLength + 1, USD.length);
        final byte[] usdQuote = new byte[quoteUsd.length];
        System.arraycopy(USD, 0, usdQuote, 0, USD.length);
        usdQuote[USD.length] = SEPARATOR;
        System.arraycopy(name, slash + 1, usdQuote, USD.length + 1, quoteLength);
        direct[symbolId] = new UnsafeBuffer(quoteUsd);
        inverted[symbolId] = new UnsafeBuffer(usdQuote);
        via[symbolId] = SymbolTable.NONE;
        return find(symbolId);
    }

    private int find(final int symbolId)
    {
        final UnsafeBuffer quoteUsd = direct[symbolId];
        int book = symbols.find(quoteUsd, 0, quoteUsd.capacity());
        inverse[symbolId] = false;
        if (book == SymbolTable.NONE)
        {
            final UnsafeBuffer usdQuote = inverted[symbolId];
            book = symbols.find(usdQuote, 0, usdQuote.capacity());
            inverse[symbolId] = true;
        }
        if (book != SymbolTable.NONE)
        {
            via[symbolId] = book;
            direct[symbolId] = null;
            inverted[symbolId] = null;
        }
        return book;
    }

    private static boolean regionEquals(final byte[] name, final int offset, final byte[] text)
    {
        for (int i = 0; i < text.length; i++)
        {
            if (name[offset + i] != text[i])
            {
                return false;
            }
        }
        return true;
    }
}
