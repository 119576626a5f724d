package io.tradingcore.adapters.redis;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The schedule of attempts and the counters of an outage, without a server. */
final class LinkOutageTest
{
    @Test
    void theFirstAttemptIsDueAtOnceAndAFailureDefersTheNext()
    {
        final LinkOutage outage = new LinkOutage(Duration.ofHours(1), Duration.ofHours(2));
        assertTrue(outage.attemptDue());
        assertEquals(1, outage.attempts());
        outage.connectFailed("redis://127.0.0.1:1", new IOException("refused"));
        assertFalse(outage.attemptDue(), "an hour of back-off");
        assertEquals(1, outage.connectFailures());
        outage.attemptNow();
        assertTrue(outage.attemptDue());
        assertEquals(2, outage.attempts());
    }

    @Test
    void onlyARecoveryAfterAnEarlierLinkCountsAsAReconnect()
    {
        final LinkOutage outage = new LinkOutage(Duration.ZERO, Duration.ZERO);
        outage.connected("redis://127.0.0.1:1", false);
        assertEquals(0, outage.reconnects());
        outage.lost("redis://127.0.0.1:1", new IOException("reset"), 3);
        assertTrue(outage.attemptDue(), "no back-off configured");
        outage.connected("redis://127.0.0.1:1", true);
        assertEquals(1, outage.reconnects());
        assertEquals(0, outage.connectFailures());
    }
}
