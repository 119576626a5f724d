package io.tradingcore.core.risk;

/**
 * A model of Kraken's per-pair trading rate counter (KRAKEN.md §5.5): +1 per add, +1 plus an
 * age-dependent penalty per amend or edit, an age-dependent cost per cancel, decaying linearly at the
 * tier's rate per second (never below 0). Kraken answers {@code EOrder:Rate limit exceeded} when the
 * counter hits the threshold, so {@link #allows} only passes a transaction that stays strictly below it.
 * Time is event time in epoch µs; single-threaded.
 */
public final class KrakenRateCounter
{
    public static final int STARTER = 0;
    public static final int INTERMEDIATE = 1;
    public static final int PRO = 2;

    private static final double[] THRESHOLD = {60, 125, 180};
    private static final double[] DECAY_PER_SECOND = {1.0, 2.34, 3.75};
    private static final long SECOND = 1_000_000L;

    /** The worst cancel cost (an order younger than 5 s). */
    public static final int MAX_CANCEL_COST = 8;

    private final double threshold;
    private final double decayPerMicro;
    private final double[] count;
    private final long[] updatedMicros;

    public KrakenRateCounter(final double threshold, final double decayPerSecond, final int maxSymbols)
    {
        this.threshold = threshold;
        this.decayPerMicro = decayPerSecond / SECOND;
        count = new double[maxSymbols];
        updatedMicros = new long[maxSymbols];
    }

    public static KrakenRateCounter forTier(final int tier, final int maxSymbols)
    {
        return new KrakenRateCounter(THRESHOLD[tier], DECAY_PER_SECOND[tier], maxSymbols);
    }

    public static double tierThreshold(final int tier)
    {
        return THRESHOLD[tier];
    }

    public static double tierDecayPerSecond(final int tier)
    {
        return DECAY_PER_SECOND[tier];
    }

    public static int addCost()
    {
        return 1;
    }

    /** Fixed +1 and +3/+2/+1 for an order younger than 5/10/15 s. */
    public static int amendCost(final long orderAgeMicros)
    {
        return 1 + (orderAgeMicros < 5 * SECOND ? 3 : orderAgeMicros < 10 * SECOND ? 2 : orderAgeMicros < 15 * SECOND ? 1 : 0);
    }

    /** Fixed +1 and +6/+5/+4/+2/+1 for an order younger than 5/10/15/45/90 s. */
    public static int editCost(final long orderAgeMicros)
    {
        final int penalty;
        if (orderAgeMicros < 5 * SECOND)
        {
            penalty = 6;
        }
        else if (orderAgeMicros < 10 * SECOND)
        {
            penalty = 5;
        }
        else if (orderAgeMicros < 15 * SECOND)
        {
            penalty = 4;
        }
        else if (orderAgeMicros < 45 * SECOND)
        {
            penalty = 2;
        }
        else
        {
            penalty = orderAgeMicros < 90 * SECOND ? 1 : 0;
        }
        return 1 + penalty;
    }

    /** +8/+6/+5/+4/+2/+1 for an order younger than 5/10/15/45/90/300 s, 0 after. */
    public static int cancelCost(final long orderAgeMicros)
    {
        if (orderAgeMicros < 5 * SECOND)
        {
            return 8;
        }
        if (orderAgeMicros < 10 * SECOND)
        {
            return 6;
        }
        if (orderAgeMicros < 15 * SECOND)
        {
            return 5;
        }
        if (orderAgeMicros < 45 * SECOND)
        {
            return 4;
        }
        if (orderAgeMicros < 90 * SECOND)
        {
            return 2;
        }
        return orderAgeMicros < 300 * SECOND ? 1 : 0;
    }

    /** The counter of {@code symbolId} at event time {@code nowMicros}, after decay. */
    public double count(final int symbolId, final long nowMicros)
    {
        final long elapsed = nowMicros - updatedMicros[symbolId];
        final double decayed = count[symbolId] - (elapsed > 0 ? elapsed * decayPerMicro : 0.0);
        return decayed > 0 ? decayed : 0.0;
    }

    /** Whether a transaction costing {@code cost} (plus {@code reserve} kept free) leaves the counter below the threshold. */
    public boolean allows(final int symbolId, final double cost, final double reserve, final long nowMicros)
    {
        return count(symbolId, nowMicros) + cost + reserve < threshold;
    }

    public void charge(final int symbolId, final double cost, final long nowMicros)
    {
        count[symbolId] = count(symbolId, nowMicros) + cost;
        updatedMicros[symbolId] = Math.max(nowMicros, updatedMicros[symbolId]);
    }

    public void saveTo(final RiskState state)
    {
        System.arraycopy(count, 0, state.rateCount, 0, count.length);
        System.arraycopy(updatedMicros, 0, state.rateUpdatedMicros, 0, updatedMicros.length);
    }

    public void restoreFrom(final RiskState state)
    {
        System.arraycopy(state.rateCount, 0, count, 0, count.length);
        System.arraycopy(state.rateUpdatedMicros, 0, updatedMicros, 0, updatedMicros.length);
    }

    public double threshold()
    {
        return threshold;
    }
}
