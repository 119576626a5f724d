package io.tradingcore.adapters.kraken;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReconnectPolicyTest
{
    private static final long MS = 1_000_000L;
    private static final long SECOND = 1_000_000_000L;
    private static final long TEN_MINUTES = 600 * SECOND;

    @Test
    void neverMoreThan150AttemptsInAnyTenMinutes()
    {
        // a server that drops every connection at once, with a backoff too short to protect anything
        final ReconnectPolicy policy = new ReconnectPolicy(new KrakenFeedSettings().backoff(1, 1, 0), 7);
        final List<Long> attempts = new ArrayList<>();
        long now = 0;
        for (int i = 0; i < 600; i++)
        {
            policy.onAttempt(now);
            attempts.add(now);
            now += policy.nextDelayNanos(now, false);
        }
        for (int i = 150; i < attempts.size(); i++)
        {
            assertTrue(attempts.get(i) - attempts.get(i - 150) >= TEN_MINUTES,
                "attempt " + i + " is the 151st within 10 minutes");
        }
        assertTrue(attempts.get(149) < 10 * SECOND, "the first 150 attempts are not held back");
    }

    @Test
    void atLeastFiveSecondsWhileTheExchangeIsInMaintenance()
    {
        final ReconnectPolicy policy = new ReconnectPolicy(new KrakenFeedSettings(), 3);
        policy.onAttempt(0);
        assertTrue(policy.nextDelayNanos(0, true) >= 5 * SECOND);
        assertTrue(policy.nextDelayNanos(0, true) >= 5 * SECOND);
        policy.onStable();
        assertTrue(policy.nextDelayNanos(0, false) <= 100 * MS, "a random drop is retried almost at once");
    }

    @Test
    void backoffDoublesWithJitterUpToTheMaximumAndResetsWhenStable()
    {
        final ReconnectPolicy policy = new ReconnectPolicy(new KrakenFeedSettings().backoff(100, 2_000, 0.25), 11);
        long expected = 100 * MS;
        for (int i = 0; i < 12; i++)
        {
            final long delay = policy.nextDelayNanos(0, false);
            assertTrue(delay <= expected && delay >= expected * 3 / 4, "delay " + delay + " for base " + expected);
            expected = Math.min(2_000 * MS, expected * 2);
        }
        assertEquals(12, policy.failures());
        policy.onStable();
        assertTrue(policy.nextDelayNanos(0, false) <= 100 * MS);
    }

    @Test
    void aLongOutageNeverOverflowsTheDelay()
    {
        final ReconnectPolicy policy = new ReconnectPolicy(new KrakenFeedSettings().backoff(100, 30_000, 0.5), 5);
        for (int i = 0; i < 200; i++)
        {
            final long delay = policy.nextDelayNanos(0, false);
            assertTrue(delay >= 0 && delay <= 30 * SECOND, "delay " + delay);
        }
    }
}
