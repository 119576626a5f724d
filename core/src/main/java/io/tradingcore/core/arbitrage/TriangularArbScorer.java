package io.tradingcore.core.arbitrage;

import io.tradingcore.core.book.BookView;
import io.tradingcore.core.indicator.BookMetrics;
import io.tradingcore.core.indicator.Scaled;
import io.tradingcore.core.kraken.Side;
import io.tradingcore.core.market.FeeSchedule;
import io.tradingcore.core.market.Instruments;
import io.tradingcore.core.strategy.StrategyParameters;
import io.tradingcore.core.stream.EntryWriter;

/**
 * Scores the triangle of three books X/Q, Y/Q and Y/X (e.g. BTC/USD, ETH/USD, ETH/BTC) in both
 * directions, taking every leg at the touch as a taker:
 * <ul>
 * <li>{@link #Q_X_Y_Q}: buy X/Q at the ask, buy Y/X at the ask, sell Y/Q at the bid:
 *     {@code rate = bid(Y/Q) / (ask(X/Q) * ask(Y/X))};</li>
 * <li>{@link #Q_Y_X_Q}: buy Y/Q at the ask, sell Y/X at the bid, sell X/Q at the bid:
 *     {@code rate = bid(Y/X) * bid(X/Q) / ask(Y/Q)}.</li>
 * </ul>
 * Net edge = {@code rate * (1 - fee)^3 - 1} in bps. The executable notional (in Q) is the smallest of
 * the three legs' depth over the top {@code depth_levels} levels, valued in Q. Each leg pays the
 * account's taker fee ({@link FeeSchedule}). Parameters (section {@code arbitrage}): {@code threshold_bps}
 * (5), {@code depth_levels} (1).
 * Allocation-free.
 */
public final class TriangularArbScorer
{
    public static final int Q_X_Y_Q = 0;
    public static final int Q_Y_X_Q = 1;

    private static final byte[][] DIRECTION_NAMES = {EntryWriter.ascii("quote_base_cross"), EntryWriter.ascii("quote_cross_base")};

    private final Instruments instruments;
    private final int xq;
    private final int yq;
    private final int yx;
    private final double feeFactor;
    private final double thresholdBps;
    private final int depthLevels;

    private final double[] grossBps = new double[2];
    private final double[] netBps = new double[2];
    private final double[] notional = new double[2];
    private int best = Q_X_Y_Q;
    private long micros;

    /** {@code xq}, {@code yq}, {@code yx}: the symbol ids of X/Q, Y/Q and Y/X. */
    public TriangularArbScorer(
        final StrategyParameters parameters,
        final Instruments instruments,
        final int xq,
        final int yq,
        final int yx)
    {
        this.instruments = instruments;
        this.xq = xq;
        this.yq = yq;
        this.yx = yx;
        final double fee = FeeSchedule.takerBps(parameters) / 10_000.0;
        feeFactor = (1.0 - fee) * (1.0 - fee) * (1.0 - fee);
        thresholdBps = parameters.get("arbitrage", "threshold_bps", 5);
        depthLevels = parameters.getInt("arbitrage", "depth_levels", 1);
    }

    /**
     * Scores both directions over the current books; returns true if the better one's net edge is at
     * least the threshold (an opportunity to report). False, with NaN edges, if a side is empty.
     */
    public boolean score(final BookView xqBook, final BookView yqBook, final BookView yxBook, final long nowMicros)
    {
        micros = nowMicros;
        if (empty(xqBook) || empty(yqBook) || empty(yxBook))
        {
            for (int d = 0; d < 2; d++)
            {
                grossBps[d] = netBps[d] = Double.NaN;
                notional[d] = 0;
            }
            return false;
        }
        final double askXq = price(xqBook, Side.ASK, xq);
        final double bidXq = price(xqBook, Side.BID, xq);
        final double askYq = price(yqBook, Side.ASK, yq);
        final double bidYq = price(yqBook, Side.BID, yq);
        final double askYx = price(yxBook, Side.ASK, yx);
        final double bidYx = price(yxBook, Side.BID, yx);

        edge(Q_X_Y_Q, bidYq / (askXq * askYx));
        notional[Q_X_Y_Q] = Math.min(
            depth(xqBook, Side.ASK, xq) * askXq,
            Math.min(depth(yxBook, Side.ASK, yx) * askYx * askXq, depth(yqBook, Side.BID, yq) * bidYq));

        edge(Q_Y_X_Q, bidYx * bidXq / askYq);
        notional[Q_Y_X_Q] = Math.min(
            depth(yqBook, Side.ASK, yq) * askYq,
            Math.min(depth(yxBook, Side.BID, yx) * bidYx * bidXq, depth(xqBook, Side.BID, xq) * bidXq));

        best = netBps[Q_Y_X_Q] > netBps[Q_X_Y_Q] ? Q_Y_X_Q : Q_X_Y_Q;
        return netBps[best] >= thresholdBps;
    }

    /** The direction with the higher net edge in the last {@link #score}. */
    public int bestDirection()
    {
        return best;
    }

    public double netEdgeBps()
    {
        return netBps[best];
    }

    public double grossEdgeBps()
    {
        return grossBps[best];
    }

    /** Executable notional of the best direction, in quote currency Q. */
    public double notionalQuote()
    {
        return notional[best];
    }

    public double netEdgeBps(final int direction)
    {
        return netBps[direction];
    }

    public double grossEdgeBps(final int direction)
    {
        return grossBps[direction];
    }

    public double notionalQuote(final int direction)
    {
        return notional[direction];
    }

    public double thresholdBps()
    {
        return thresholdBps;
    }

    public long micros()
    {
        return micros;
    }

    public static byte[] directionName(final int direction)
    {
        return DIRECTION_NAMES[direction];
    }

    private void edge(final int direction, final double rate)
    {
        grossBps[direction] = (rate - 1.0) * 10_000.0;
        netBps[direction] = (rate * feeFactor - 1.0) * 10_000.0;
    }

    private double price(final BookView book, final int side, final int symbolId)
    {
        return Scaled.toDouble(book.price(side, 0), instruments.pricePrecision(symbolId));
    }

    private double depth(final BookView book, final int side, final int symbolId)
    {
        return BookMetrics.depth(book, side, depthLevels) / Scaled.pow10(instruments.qtyPrecision(symbolId));
    }

    private static boolean empty(final BookView book)
    {
        return book.levels(Side.BID) == 0 || book.levels(Side.ASK) == 0;
    }
}
