package io.tradingcore.core.market;

import java.util.Arrays;

/**
 * Price and quantity precision per symbol id, and where each came from. The instrument channel
 * wins over configuration, configuration over the scale of the wire text (Kraken keeps the full
 * scale in its number text, so the first number seen for a symbol is a valid last resort).
 */
public final class Instruments
{
    public static final int UNKNOWN = -1;

    public static final int SOURCE_NONE = 0;
    public static final int SOURCE_WIRE = 1;
    public static final int SOURCE_CONFIG = 2;
    public static final int SOURCE_INSTRUMENT = 3;

    private final int[] pricePrecision = new int[SymbolTable.MAX_SYMBOLS];
    private final int[] qtyPrecision = new int[SymbolTable.MAX_SYMBOLS];
    private final int[] source = new int[SymbolTable.MAX_SYMBOLS];

    public Instruments()
    {
        Arrays.fill(pricePrecision, UNKNOWN);
        Arrays.fill(qtyPrecision, UNKNOWN);
    }

    public int pricePrecision(final int symbolId)
    {
        return pricePrecision[symbolId];
    }

    public int qtyPrecision(final int symbolId)
    {
        return qtyPrecision[symbolId];
    }

    public int source(final int symbolId)
    {
        return source[symbolId];
    }

    /** Sets both precisions if {@code from} ranks at least as high as what is known. Returns true if they changed. */
    public boolean offer(final int symbolId, final int pricePrecision, final int qtyPrecision, final int from)
    {
        if (from < source[symbolId])
        {
            return false;
        }
        final boolean changed = this.pricePrecision[symbolId] != pricePrecision || this.qtyPrecision[symbolId] != qtyPrecision;
        this.pricePrecision[symbolId] = pricePrecision;
        this.qtyPrecision[symbolId] = qtyPrecision;
        source[symbolId] = from;
        return changed;
    }
}
