package io.tradingcore.core.time;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

class MicrosClockTest
{
    @Test
    void readingsNeverGoBackAndStayNearTheWallClock()
    {
        final MicrosClock clock = new MicrosClock();
        long previous = clock.epochMicros();
        for (int i = 0; i < 1_000_000; i++)
        {
            final long now = clock.epochMicros();
            assertTrue(now >= previous, now + " after " + previous);
            previous = now;
        }
        final long wall = System.currentTimeMillis() * 1_000;
        assertTrue(Math.abs(clock.epochMicros() - wall) < 2_000_000, "within the re-anchor period of the wall clock");
    }
}
