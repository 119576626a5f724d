package io.tradingcore.adapters.kraken;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ConnectionWatchdogTest
{
    private static final long SECOND = 1_000_000_000L;

    @Test
    void silenceThenPingThenNoPongCloses()
    {
        final ConnectionWatchdog watchdog = new ConnectionWatchdog(10 * SECOND, 5 * SECOND);
        watchdog.onSessionStart(0);
        watchdog.onFrame(SECOND);
        assertEquals(ConnectionWatchdog.OK, watchdog.poll(10 * SECOND));
        assertEquals(ConnectionWatchdog.SEND_PING, watchdog.poll(11 * SECOND));
        watchdog.onPingSent(11 * SECOND);
        assertEquals(ConnectionWatchdog.OK, watchdog.poll(15 * SECOND));
        assertEquals(ConnectionWatchdog.CLOSE, watchdog.poll(16 * SECOND));
    }

    @Test
    void anyFrameAfterThePingMeansAlive()
    {
        final ConnectionWatchdog watchdog = new ConnectionWatchdog(10 * SECOND, 5 * SECOND);
        watchdog.onSessionStart(0);
        assertEquals(ConnectionWatchdog.SEND_PING, watchdog.poll(10 * SECOND));
        watchdog.onPingSent(10 * SECOND);
        watchdog.onFrame(12 * SECOND);
        assertEquals(ConnectionWatchdog.OK, watchdog.poll(20 * SECOND));
        assertEquals(ConnectionWatchdog.SEND_PING, watchdog.poll(22 * SECOND));
    }
}
