package io.tradingcore.core.market;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FeeScheduleTest
{
    @Test
    void theTierIsPickedByThirtyDayVolume()
    {
        final FeeSchedule kraken = FeeSchedule.KRAKEN_SPOT;
        assertEquals(25, kraken.makerBps(0));
        assertEquals(40, kraken.takerBps(0));
        assertEquals(40, kraken.takerBps(9_999.99));
        assertEquals(35, kraken.takerBps(10_000));
        assertEquals(14, kraken.makerBps(60_000));
        assertEquals(24, kraken.takerBps(60_000));
        assertEquals(0, kraken.makerBps(50_000_000));
        assertEquals(10, kraken.takerBps(50_000_000));
    }

    @Test
    void aScheduleThatIsNotATierTableIsRefused()
    {
        assertThrows(IllegalArgumentException.class, () -> new FeeSchedule(new double[][] {{100, 25, 40}}), "must start at 0");
        assertThrows(IllegalArgumentException.class, () -> new FeeSchedule(new double[][] {{0, 25, 40}, {0, 20, 35}}), "volumes rise");
        assertThrows(IllegalArgumentException.class, () -> new FeeSchedule(new double[][] {{0, 25, 40}, {10, 26, 35}}), "fees do not");
        assertThrows(IllegalArgumentException.class, () -> new FeeSchedule(new double[][] {{0, 25}}), "three numbers a row");
    }
}
