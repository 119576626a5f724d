package io.tradingcore.core.risk;

import java.util.Arrays;

/**
 * What risk and the portfolio know that must outlive the process: positions, average prices, PnL and
 * fees per symbol, the day's peak and drawdown, the round-trip record behind the loss-streak
 * cool-down, the kill switch, and the model of Kraken's rate counter. Flat preallocated arrays by
 * symbol id, so the risk stage captures into it without allocating.
 * <p>
 * Handed from the risk stage to a writer on another thread under a sequence lock: {@link #beginWrite}
 * and {@link #endWrite} bracket a capture, and a reader's {@link #copyFrom} is good when the version
 * was even and unchanged across the copy ({@link #version}).
 */
public final class RiskState
{
    public final long[] position;
    /** The qty precision each position is scaled at (-1: none held or traded). */
    public final int[] qtyPrecision;
    public final int[] pricePrecision;
    public final double[] averagePrice;
    public final double[] realized;
    public final double[] fees;
    public final double[] tripResult;
    public final double[] markPrice;
    public final double[] unrealized;
    public final double[] rateCount;
    public final long[] rateUpdatedMicros;
    public final boolean[] traded;

    public long eventMicros;
    public long day;
    public double dayPeak;
    public double dailyDrawdown;
    public int wins;
    public int losses;
    public int lossStreak;
    public long lastLossMicros;
    public double lastRoundTrip;
    public boolean killSwitchTripped;
    public long killSwitchDay;
    public long fills;

    private volatile long version;

    public RiskState(final int maxSymbols)
    {
        position = new long[maxSymbols];
        qtyPrecision = new int[maxSymbols];
        pricePrecision = new int[maxSymbols];
        averagePrice = new double[maxSymbols];
        realized = new double[maxSymbols];
        fees = new double[maxSymbols];
        tripResult = new double[maxSymbols];
        markPrice = new double[maxSymbols];
        unrealized = new double[maxSymbols];
        rateCount = new double[maxSymbols];
        rateUpdatedMicros = new long[maxSymbols];
        traded = new boolean[maxSymbols];
        Arrays.fill(markPrice, Double.NaN);
        Arrays.fill(qtyPrecision, -1);
        Arrays.fill(pricePrecision, -1);
        day = Long.MIN_VALUE;
        lastLossMicros = Long.MIN_VALUE;
    }

    public int maxSymbols()
    {
        return position.length;
    }

    /** Even between captures, odd during one; changes with every capture. */
    public long version()
    {
        return version;
    }

    public void beginWrite()
    {
        version = version + 1;
    }

    public void endWrite()
    {
        version = version + 1;
    }

    /** Copies every field of {@code from} (a reader checks {@code from.version()} around this call). */
    public void copyFrom(final RiskState from)
    {
        System.arraycopy(from.position, 0, position, 0, position.length);
        System.arraycopy(from.qtyPrecision, 0, qtyPrecision, 0, qtyPrecision.length);
        System.arraycopy(from.pricePrecision, 0, pricePrecision, 0, pricePrecision.length);
        System.arraycopy(from.averagePrice, 0, averagePrice, 0, averagePrice.length);
        System.arraycopy(from.realized, 0, realized, 0, realized.length);
        System.arraycopy(from.fees, 0, fees, 0, fees.length);
        System.arraycopy(from.tripResult, 0, tripResult, 0, tripResult.length);
        System.arraycopy(from.markPrice, 0, markPrice, 0, markPrice.length);
        System.arraycopy(from.unrealized, 0, unrealized, 0, unrealized.length);
        System.arraycopy(from.rateCount, 0, rateCount, 0, rateCount.length);
        System.arraycopy(from.rateUpdatedMicros, 0, rateUpdatedMicros, 0, rateUpdatedMicros.length);
        System.arraycopy(from.traded, 0, traded, 0, traded.length);
        eventMicros = from.eventMicros;
        day = from.day;
        dayPeak = from.dayPeak;
        dailyDrawdown = from.dailyDrawdown;
        wins = from.wins;
        losses = from.losses;
        lossStreak = from.lossStreak;
        lastLossMicros = from.lastLossMicros;
        lastRoundTrip = from.lastRoundTrip;
        killSwitchTripped = from.killSwitchTripped;
        killSwitchDay = from.killSwitchDay;
        fills = from.fills;
    }
}
