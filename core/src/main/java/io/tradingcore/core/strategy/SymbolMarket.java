package io.tradingcore.core.strategy;

import io.tradingcore.core.book.BookView;
import io.tradingcore.core.indicator.BookMetrics;
import io.tradingcore.core.indicator.CandleBuilder;
import io.tradingcore.core.indicator.Scaled;
import io.tradingcore.core.kraken.Side;
import io.tradingcore.core.stream.Timeframe;

/**
 * What the signal stage knows of one symbol's market: its 1m and 5m candles built from trades, the
 * book top (spread, depth imbalance), and the recent taker flow. Owned by {@link SignalEngine};
 * strategies read it.
 */
public final class SymbolMarket
{
    public static final int TIMEFRAME_1M = Timeframe.ofMinutes(1);
    public static final int TIMEFRAME_5M = Timeframe.ofMinutes(5);

    private static final long MICROS_PER_MINUTE = 60_000_000L;

    final CandleBuilder[] candles = new CandleBuilder[Timeframe.COUNT];
    private final int bookLevels;
    private final double flowAlpha;
    private int pricePrecision = -1;
    private int qtyPrecision = -1;
    private double priceScale;
    private double qtyScale;

    private long lastPrice;
    private long lastTradeMicros;
    private double buyFlow;
    private double sellFlow;

    private long bestBid;
    private long bestAsk;
    private double spreadBps = Double.NaN;
    private double imbalance;
    private boolean bookValid;
    private long bookMicros;

    SymbolMarket(final int bookLevels, final double flowAlpha)
    {
        this.bookLevels = bookLevels;
        this.flowAlpha = flowAlpha;
        candles[TIMEFRAME_1M] = new CandleBuilder(MICROS_PER_MINUTE);
        candles[TIMEFRAME_5M] = new CandleBuilder(5 * MICROS_PER_MINUTE);
    }

    void precision(final int pricePrecision, final int qtyPrecision)
    {
        if (pricePrecision != this.pricePrecision || qtyPrecision != this.qtyPrecision)
        {
            this.pricePrecision = pricePrecision;
            this.qtyPrecision = qtyPrecision;
            priceScale = Scaled.pow10(pricePrecision);
            qtyScale = Scaled.pow10(qtyPrecision);
        }
    }

    void onTrade(final int side, final long price, final long qty, final long micros)
    {
        lastPrice = price;
        lastTradeMicros = micros;
        final double q = qty / qtyScale;
        buyFlow = buyFlow * (1.0 - flowAlpha) + (side == Side.BUY ? q : 0.0);
        sellFlow = sellFlow * (1.0 - flowAlpha) + (side == Side.SELL ? q : 0.0);
    }

    void onBook(final BookView book, final boolean valid, final long micros)
    {
        bookValid = valid && book.levels(Side.BID) > 0 && book.levels(Side.ASK) > 0;
        bookMicros = micros;
        if (bookValid)
        {
            bestBid = book.price(Side.BID, 0);
            bestAsk = book.price(Side.ASK, 0);
            spreadBps = BookMetrics.spreadBps(book);
            imbalance = BookMetrics.imbalance(book, bookLevels);
        }
    }

    public CandleBuilder candles(final int timeframe)
    {
        return candles[timeframe];
    }

    public int pricePrecision()
    {
        return pricePrecision;
    }

    public int qtyPrecision()
    {
        return qtyPrecision;
    }

    /** A scaled price as a double in quote currency. */
    public double toPrice(final long scaled)
    {
        return scaled / priceScale;
    }

    public long toScaledPrice(final double price)
    {
        return Math.round(price * priceScale);
    }

    public double toQty(final long scaled)
    {
        return scaled / qtyScale;
    }

    public long lastPrice()
    {
        return lastPrice;
    }

    public long lastTradeMicros()
    {
        return lastTradeMicros;
    }

    /** Decayed (buy - sell) / (buy + sell) taker volume, in [-1, 1]; 0 before any trade. */
    public double flow()
    {
        final double total = buyFlow + sellFlow;
        return total > 0 ? (buyFlow - sellFlow) / total : 0.0;
    }

    public boolean bookValid()
    {
        return bookValid;
    }

    public long bookMicros()
    {
        return bookMicros;
    }

    public long bestBid()
    {
        return bestBid;
    }

    public long bestAsk()
    {
        return bestAsk;
    }

    /** The scaled mid of the last valid book, rounded down to a tick. */
    public long mid()
    {
        return (bestBid + bestAsk) >> 1;
    }

    public double spreadBps()
    {
        return spreadBps;
    }

    /** Top-N depth imbalance of the last valid book, in [-1, 1]. */
    public double imbalance()
    {
        return imbalance;
    }
}
