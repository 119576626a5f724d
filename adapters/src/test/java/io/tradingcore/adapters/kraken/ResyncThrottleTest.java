package io.tradingcore.adapters.kraken;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ResyncThrottleTest
{
    private static final long SECOND = 1_000_000_000L;

    @Test
    void aSymbolThatKeepsFailingIsReportedOnceThenRetriedSlowly()
    {
        final ResyncThrottle throttle = new ResyncThrottle(3, 10 * SECOND, 30 * SECOND);
        final int[] due = new int[256];
        long now = 100 * SECOND;
        for (int i = 0; i < 3; i++)
        {
            assertEquals(ResyncThrottle.RESYNC_NOW, throttle.onRequest(7, now));
            throttle.onResynced(7, now);
            now += SECOND;
        }
        assertEquals(ResyncThrottle.GAVE_UP, throttle.onRequest(7, now));
        assertEquals(0, throttle.collectDue(now, due));
        assertEquals(ResyncThrottle.DEFERRED, throttle.onRequest(7, now + SECOND));
        assertEquals(0, throttle.collectDue(now + 20 * SECOND, due));
        assertEquals(1, throttle.collectDue(now + 30 * SECOND, due));
        assertEquals(7, due[0]);
        throttle.onResynced(7, now + 30 * SECOND);
        assertEquals(0, throttle.collectDue(now + 31 * SECOND, due));
    }

    @Test
    void requestsFurtherApartThanTheWindowStartAFreshRun()
    {
        final ResyncThrottle throttle = new ResyncThrottle(3, 10 * SECOND, 30 * SECOND);
        long now = 0;
        for (int i = 0; i < 10; i++)
        {
            assertEquals(ResyncThrottle.RESYNC_NOW, throttle.onRequest(1, now));
            throttle.onResynced(1, now);
            now += 11 * SECOND;
        }
        assertEquals(ResyncThrottle.RESYNC_NOW, throttle.onRequest(2, now), "symbols are independent");
    }
}
