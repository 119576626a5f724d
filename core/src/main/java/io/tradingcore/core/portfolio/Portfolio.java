package io.tradingcore.core.portfolio;

import io.tradingcore.core.indicator.Scaled;
import io.tradingcore.core.kraken.Side;
import io.tradingcore.core.market.Instruments;
import io.tradingcore.core.market.UsdConversion;
import io.tradingcore.core.risk.RiskState;

import java.util.Arrays;

/**
 * Positions and PnL, updated on each fill and marked to the book mid. Positions are scaled longs
 * at the symbol's quantity precision (exact); average and mark prices are doubles in the pair's quote
 * currency, and every money figure (PnL, fees, exposure, equity, drawdown) is a double in USD: a
 * quote-currency amount is converted at the {@link UsdConversion} rate of the fill or mark that produced
 * it (a fill needs a known rate: the risk engine only sizes orders that have one). Realized PnL is gross
 * of fees; fees are kept apart and {@link #equity()} is realized - fees + unrealized, relative to the start.
 * <p>
 * A round trip runs from flat to flat (a flip ends one and starts the next); its result is its
 * realized PnL minus the fees of its fills (a flipping fill's fee is split pro rata). A result
 * at or below zero is a loss. The daily drawdown is the largest peak-to-trough fall of equity
 * within the current UTC day of event time; it restarts at the first event of a new day.
 * Single-threaded, allocation-free.
 */
public final class Portfolio
{
    private static final long MICROS_PER_DAY = 86_400_000_000L;

    private final Instruments instruments;
    private final UsdConversion usd;
    private final long[] position;
    private final double[] averagePrice;
    private final double[] realized;
    private final double[] fees;
    private final double[] markPrice;
    private final double[] unrealized;
    private final double[] tripResult;
    /** Symbols ever traded, so a conversion book's move revalues positions quoted in its currency. */
    private final int[] traded;
    private final boolean[] isTraded;
    private int tradedCount;

    private double totalRealized;
    private double totalFees;
    private double totalUnrealized;

    private long day = Long.MIN_VALUE;
    private double dayPeak;
    private double dailyDrawdown;

    private int wins;
    private int losses;
    private int lossStreak;
    private long lastLossMicros = Long.MIN_VALUE;
    private double lastRoundTrip;

    public Portfolio(final Instruments instruments, final UsdConversion usd, final int maxSymbols)
    {
        this.instruments = instruments;
        this.usd = usd;
        position = new long[maxSymbols];
        averagePrice = new double[maxSymbols];
        realized = new double[maxSymbols];
        fees = new double[maxSymbols];
        markPrice = new double[maxSymbols];
        unrealized = new double[maxSymbols];
        tripResult = new double[maxSymbols];
        traded = new int[maxSymbols];
        isTraded = new boolean[maxSymbols];
        Arrays.fill(markPrice, Double.NaN);
    }

    /** A fill of {@code qty} (scaled, > 0) at {@code price} (scaled) on {@code side}, paying {@code quoteFee} in quote currency. */
    public void onFill(
        final int symbolId, final int side, final long price, final long qty, final double quoteFee, final long micros)
    {
        if (!isTraded[symbolId])
        {
            isTraded[symbolId] = true;
            traded[tradedCount++] = symbolId;
        }
        final double usdPerQuote = usd.lastUsdPerQuote(symbolId);
        final double fee = quoteFee * usdPerQuote;
        final int qtyPrecision = instruments.qtyPrecision(symbolId);
        final double p = Scaled.toDouble(price, instruments.pricePrecision(symbolId));
        final double fillQty = Scaled.toDouble(qty, qtyPrecision);
        final long signedQty = side == Side.BUY ? qty : -qty;
        final long before = position[symbolId];
        fees[symbolId] += fee;
        totalFees += fee;
        if (before == 0 || (before > 0) == (signedQty > 0))
        {
            final double held = Scaled.toDouble(Math.abs(before), qtyPrecision);
            averagePrice[symbolId] = (held * averagePrice[symbolId] + fillQty * p) / (held + fillQty);
            position[symbolId] = before + signedQty;
            tripResult[symbolId] -= fee;
        }
        else
        {
            final long closedScaled = Math.min(qty, Math.abs(before));
            final double closed = Scaled.toDouble(closedScaled, qtyPrecision);
            final double pnl = closed * (p - averagePrice[symbolId]) * (before > 0 ? usdPerQuote : -usdPerQuote);
            final double closingFee = fee * closedScaled / qty;
            realized[symbolId] += pnl;
            totalRealized += pnl;
            tripResult[symbolId] += pnl - closingFee;
            final long after = before + signedQty;
            position[symbolId] = after;
            if (after == 0 || (after > 0) != (before > 0))
            {
                endRoundTrip(symbolId, micros);
                averagePrice[symbolId] = after == 0 ? 0.0 : p;
                tripResult[symbolId] = -(fee - closingFee);
            }
        }
        if (Double.isNaN(markPrice[symbolId]))
        {
            markPrice[symbolId] = p;
        }
        revalue(symbolId, micros);
    }

    /**
     * Marks {@code symbolId} to the mid of {@code bid} and {@code ask} (scaled), revaluing it at the
     * current USD rate; every other open position is revalued too, since this book may be the one that
     * converts its quote currency (BTC/USD for ETH/BTC).
     */
    public void mark(final int symbolId, final long bid, final long ask, final long micros)
    {
        markPrice[symbolId] = Scaled.toDouble(bid, instruments.pricePrecision(symbolId)) * 0.5
            + Scaled.toDouble(ask, instruments.pricePrecision(symbolId)) * 0.5;
        revalue(symbolId, micros);
        for (int i = 0; i < tradedCount; i++)
        {
            final int other = traded[i];
            if (other != symbolId && position[other] != 0)
            {
                revalue(other, micros);
            }
        }
    }

    /**
     * Starts the day's drawdown afresh from the current equity: what an operator's reset of the kill
     * switch means (otherwise the same drawdown would trip it again at once).
     */
    public void restartDailyDrawdown()
    {
        dayPeak = equity();
        dailyDrawdown = 0;
    }

    /** Rolls the UTC day forward without a fill or mark (e.g. on a timer in event time). */
    public void onTime(final long micros)
    {
        updateEquity(micros);
    }

    /** Signed position, scaled at the qty precision. */
    public long position(final int symbolId)
    {
        return position[symbolId];
    }

    /** Signed position in the base currency; 0 while the symbol's precision is unknown (nothing can have filled). */
    public double positionQty(final int symbolId)
    {
        final int precision = instruments.qtyPrecision(symbolId);
        return precision < 0 ? 0 : Scaled.toDouble(position[symbolId], precision);
    }

    /** Average entry price of the open position in quote currency; 0 when flat. */
    public double averagePrice(final int symbolId)
    {
        return averagePrice[symbolId];
    }

    public double markPrice(final int symbolId)
    {
        return markPrice[symbolId];
    }

    public double realizedPnl(final int symbolId)
    {
        return realized[symbolId];
    }

    public double unrealizedPnl(final int symbolId)
    {
        return unrealized[symbolId];
    }

    public double fees(final int symbolId)
    {
        return fees[symbolId];
    }

    /** |position| x mark, in USD. */
    public double exposure(final int symbolId)
    {
        return Math.abs(notional(symbolId));
    }

    /** Signed position x mark, in USD. */
    public double notional(final int symbolId)
    {
        final double mark = markPrice[symbolId];
        return Double.isNaN(mark) || position[symbolId] == 0
            ? 0.0
            : positionQty(symbolId) * mark * usd.lastUsdPerQuote(symbolId);
    }

    public double totalExposure()
    {
        double sum = 0;
        for (int i = 0; i < position.length; i++)
        {
            if (position[i] != 0)
            {
                sum += exposure(i);
            }
        }
        return sum;
    }

    public double totalRealizedPnl()
    {
        return totalRealized;
    }

    public double totalUnrealizedPnl()
    {
        return totalUnrealized;
    }

    public double totalFees()
    {
        return totalFees;
    }

    /** Realized - fees + unrealized, in USD. */
    public double equity()
    {
        return totalRealized - totalFees + totalUnrealized;
    }

    /** Largest peak-to-trough fall of equity in the current UTC day (>= 0). */
    public double dailyDrawdown()
    {
        return dailyDrawdown;
    }

    /** The UTC day number (days since the epoch) the drawdown belongs to. */
    public long day()
    {
        return day;
    }

    public int wins()
    {
        return wins;
    }

    public int losses()
    {
        return losses;
    }

    /** Wins / round trips, NaN before the first round trip. */
    public double winRate()
    {
        final int trips = wins + losses;
        return trips == 0 ? Double.NaN : (double)wins / trips;
    }

    /** Consecutive losing round trips up to now (0 after a win). */
    public int lossStreak()
    {
        return lossStreak;
    }

    public long lastLossMicros()
    {
        return lastLossMicros;
    }

    public double lastRoundTripResult()
    {
        return lastRoundTrip;
    }

    /** Copies everything a restart must keep into {@code state} (the caller brackets the capture). */
    public void saveTo(final RiskState state)
    {
        final int n = position.length;
        System.arraycopy(position, 0, state.position, 0, n);
        System.arraycopy(averagePrice, 0, state.averagePrice, 0, n);
        System.arraycopy(realized, 0, state.realized, 0, n);
        System.arraycopy(fees, 0, state.fees, 0, n);
        System.arraycopy(tripResult, 0, state.tripResult, 0, n);
        System.arraycopy(markPrice, 0, state.markPrice, 0, n);
        System.arraycopy(unrealized, 0, state.unrealized, 0, n);
        System.arraycopy(isTraded, 0, state.traded, 0, n);
        for (int i = 0; i < tradedCount; i++)
        {
            final int id = traded[i];
            state.qtyPrecision[id] = instruments.qtyPrecision(id);
            state.pricePrecision[id] = instruments.pricePrecision(id);
        }
        state.day = day;
        state.dayPeak = dayPeak;
        state.dailyDrawdown = dailyDrawdown;
        state.wins = wins;
        state.losses = losses;
        state.lossStreak = lossStreak;
        state.lastLossMicros = lastLossMicros;
        state.lastRoundTrip = lastRoundTrip;
    }

    /** Takes back what {@link #saveTo} kept, before the first event; the precisions of held symbols come with it. */
    public void restoreFrom(final RiskState state)
    {
        final int n = position.length;
        System.arraycopy(state.position, 0, position, 0, n);
        System.arraycopy(state.averagePrice, 0, averagePrice, 0, n);
        System.arraycopy(state.realized, 0, realized, 0, n);
        System.arraycopy(state.fees, 0, fees, 0, n);
        System.arraycopy(state.tripResult, 0, tripResult, 0, n);
        System.arraycopy(state.markPrice, 0, markPrice, 0, n);
        System.arraycopy(state.unrealized, 0, unrealized, 0, n);
        tradedCount = 0;
        totalRealized = 0;
        totalFees = 0;
        totalUnrealized = 0;
        for (int id = 0; id < n; id++)
        {
            isTraded[id] = state.traded[id];
            if (isTraded[id])
            {
                traded[tradedCount++] = id;
                instruments.offer(id, state.pricePrecision[id], state.qtyPrecision[id], Instruments.SOURCE_CONFIG);
            }
            totalRealized += realized[id];
            totalFees += fees[id];
            totalUnrealized += unrealized[id];
        }
        day = state.day;
        dayPeak = state.dayPeak;
        dailyDrawdown = state.dailyDrawdown;
        wins = state.wins;
        losses = state.losses;
        lossStreak = state.lossStreak;
        lastLossMicros = state.lastLossMicros;
        lastRoundTrip = state.lastRoundTrip;
    }

    /** UTC day number of an epoch-µs time. */
    public static long utcDay(final long micros)
    {
        return Math.floorDiv(micros, MICROS_PER_DAY);
    }

    private void endRoundTrip(final int symbolId, final long micros)
    {
        final double result = tripResult[symbolId];
        lastRoundTrip = result;
        tripResult[symbolId] = 0;
        if (result > 0)
        {
            wins++;
            lossStreak = 0;
        }
        else
        {
            losses++;
            lossStreak++;
            lastLossMicros = micros;
        }
    }

    private void revalue(final int symbolId, final long micros)
    {
        final double mark = markPrice[symbolId];
        final double value = position[symbolId] == 0 || Double.isNaN(mark)
            ? 0.0
            : positionQty(symbolId) * (mark - averagePrice[symbolId]) * usd.lastUsdPerQuote(symbolId);
        totalUnrealized += value - unrealized[symbolId];
        unrealized[symbolId] = value;
        updateEquity(micros);
    }

    private void updateEquity(final long micros)
    {
        final double equity = equity();
        final long today = utcDay(micros);
        if (today != day)
        {
            day = today;
            dayPeak = equity;
            dailyDrawdown = 0;
            return;
        }
        if (equity > dayPeak)
        {
            dayPeak = equity;
        }
        else if (dayPeak - equity > dailyDrawdown)
        {
            dailyDrawdown = dayPeak - equity;
        }
    }
}
