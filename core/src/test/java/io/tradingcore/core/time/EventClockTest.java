package io.tradingcore.core.time;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EventClockTest
{
    private static final long T0 = 1_764_086_400_000_000L;
    private static final long BOUND = 5_000_000;

    @Test
    void liveTimesAreBoundedByTheReceiveTime()
    {
        final EventClock clock = new EventClock(BOUND, true);
        clock.onFrame();
        assertEquals(EventClock.AHEAD, clock.offer(T0 + 4 * 86_400_000_000L, T0, false), "even the first time");
        assertEquals(0, clock.micros());
        clock.onFrame();
        assertEquals(EventClock.ACCEPTED, clock.offer(T0 + 4_000_000, T0 + 1_000, false));
        assertEquals(T0 + 4_000_000, clock.micros());
        clock.onFrame();
        assertEquals(EventClock.AHEAD, clock.offer(T0 + 11_000_000, T0 + 5_000_000, false));
        clock.onFrame();
        assertEquals(EventClock.BEHIND, clock.offer(T0 - 2_000_000, T0 + 5_000_000, false));
        clock.onFrame();
        assertEquals(EventClock.ACCEPTED, clock.offer(T0 - 2_000_000, T0 + 5_000_000, true), "a snapshot's time may be old");
        assertEquals(T0 + 4_000_000, clock.micros());
    }

    @Test
    void aReplayAllowsOneSecondPerFrameSinceTheClockLastMoved()
    {
        final EventClock clock = new EventClock(BOUND, false);
        clock.onFrame();
        assertEquals(EventClock.ACCEPTED, clock.offer(T0, 0, false));
        for (int heartbeat = 0; heartbeat < 30; heartbeat++)
        {
            clock.onFrame();
        }
        clock.onFrame();
        assertEquals(EventClock.ACCEPTED, clock.offer(T0 + 35_000_000, 0, false), "30 quiet seconds and the bound");
        clock.onFrame();
        assertEquals(EventClock.AHEAD, clock.offer(T0 + 42_000_000, 0, false));
    }

    @Test
    void timesOfOneFrameCannotConfirmEachOther()
    {
        final EventClock clock = new EventClock(BOUND, false);
        clock.onFrame();
        clock.offer(T0, 0, false);
        clock.onFrame();
        assertEquals(EventClock.AHEAD, clock.offer(T0 + 86_400_000_000L, 0, false));
        assertEquals(EventClock.AHEAD, clock.offer(T0 + 86_400_000_001L, 0, false));
        clock.onFrame();
        assertEquals(EventClock.ACCEPTED, clock.offer(T0 + 86_400_000_002L, 0, false), "a later frame confirms");
        assertEquals(T0 + 86_400_000_002L, clock.micros());
    }
}
