package io.tradingcore.core.risk;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Against the table of KRAKEN.md §5.5. */
class KrakenRateCounterTest
{
    private static final long S = 1_000_000L;

    @Test
    void tiers()
    {
        assertEquals(60, KrakenRateCounter.tierThreshold(KrakenRateCounter.STARTER));
        assertEquals(1.0, KrakenRateCounter.tierDecayPerSecond(KrakenRateCounter.STARTER));
        assertEquals(125, KrakenRateCounter.tierThreshold(KrakenRateCounter.INTERMEDIATE));
        assertEquals(2.34, KrakenRateCounter.tierDecayPerSecond(KrakenRateCounter.INTERMEDIATE));
        assertEquals(180, KrakenRateCounter.tierThreshold(KrakenRateCounter.PRO));
        assertEquals(3.75, KrakenRateCounter.tierDecayPerSecond(KrakenRateCounter.PRO));
    }

    @Test
    void costsByOrderAge()
    {
        assertEquals(1, KrakenRateCounter.addCost());
        final long[] ages = {0, 4_999_999, 5 * S, 10 * S, 15 * S, 45 * S, 90 * S, 299 * S, 300 * S};
        final int[] amend = {4, 4, 3, 2, 1, 1, 1, 1, 1};
        final int[] edit = {7, 7, 6, 5, 3, 2, 1, 1, 1};
        final int[] cancel = {8, 8, 6, 5, 4, 2, 1, 1, 0};
        for (int i = 0; i < ages.length; i++)
        {
            assertEquals(amend[i], KrakenRateCounter.amendCost(ages[i]), "amend at " + ages[i]);
            assertEquals(edit[i], KrakenRateCounter.editCost(ages[i]), "edit at " + ages[i]);
            assertEquals(cancel[i], KrakenRateCounter.cancelCost(ages[i]), "cancel at " + ages[i]);
        }
    }

    @Test
    void decaysAtTheTierRateAndNeverReachesTheThreshold()
    {
        final KrakenRateCounter counter = KrakenRateCounter.forTier(KrakenRateCounter.INTERMEDIATE, 2);
        final long t = 1_000 * S;
        int adds = 0;
        while (counter.allows(0, 1, 0, t))
        {
            counter.charge(0, 1, t);
            adds++;
        }
        assertEquals(124, adds); // 124 < 125: the 125th add would hit the threshold
        assertEquals(124.0, counter.count(0, t), 1e-9);
        assertEquals(124.0 - 2.34 * 10, counter.count(0, t + 10 * S), 1e-9);
        assertTrue(counter.allows(0, 1, 0, t + S));
        assertEquals(0.0, counter.count(0, t + 1_000 * S), 0.0);
        assertEquals(0.0, counter.count(1, t), 0.0);
        assertFalse(counter.allows(0, KrakenRateCounter.cancelCost(0), 0, t + S)); // 121.66 + 8 >= 125
    }
}
