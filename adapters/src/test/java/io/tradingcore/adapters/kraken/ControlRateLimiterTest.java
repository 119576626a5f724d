package io.tradingcore.adapters.kraken;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ControlRateLimiterTest
{
    private static final long MS = 1_000_000L;
    private static final long SECOND = 1_000_000_000L;

    @Test
    void drainingWritesWhatTheBucketAllowsAsTextFramesAndSaysWhichWent()
    {
        final ControlRateLimiter limiter = new ControlRateLimiter(1.0, 2, 0);
        limiter.offer("a");
        limiter.offer("b");
        limiter.offer("c");
        final List<String> went = new ArrayList<>();
        limiter.drainTo(null, 0, went::add);
        assertTrue(went.isEmpty(), "no connection: everything stays queued");
        final EmbeddedChannel channel = new EmbeddedChannel();
        limiter.drainTo(channel, 0, went::add);
        assertEquals(List.of("a", "b"), went, "the burst");
        assertEquals("a", ((TextWebSocketFrame)channel.readOutbound()).text());
        assertEquals("b", ((TextWebSocketFrame)channel.readOutbound()).text());
        assertNull(channel.readOutbound());
        limiter.drainTo(channel, SECOND, went::add);
        assertEquals("c", ((TextWebSocketFrame)channel.readOutbound()).text());
        channel.finishAndReleaseAll();
    }

    @Test
    void aHundredSymbolResubscribeBurstNeverExceedsTheRate()
    {
        final double rate = 5.0;
        final int burst = 5;
        final ControlRateLimiter limiter = new ControlRateLimiter(rate, burst, 0);
        for (int symbol = 0; symbol < 100; symbol++)
        {
            limiter.offer("unsubscribe " + symbol);
            limiter.offer("subscribe " + symbol);
        }
        final List<Long> sentAt = new ArrayList<>();
        for (long now = 0; now <= 60 * SECOND; now += MS)
        {
            while (limiter.poll(now) != null)
            {
                sentAt.add(now);
            }
        }
        assertEquals(200, sentAt.size(), "everything is sent eventually");
        for (int i = 0; i < sentAt.size(); i++)
        {
            int inWindow = 0;
            for (int j = i; j < sentAt.size() && sentAt.get(j) < sentAt.get(i) + SECOND; j++)
            {
                inWindow++;
            }
            assertTrue(inWindow <= burst + rate, "sent " + inWindow + " messages within 1 s from " + sentAt.get(i));
        }
        // sustained: the last message cannot leave before (200 - burst) / rate seconds
        assertTrue(sentAt.get(199) >= (long)((200 - burst) / rate * SECOND) - MS);
    }

    @Test
    void pingJumpsTheQueueButStillNeedsAToken()
    {
        final ControlRateLimiter limiter = new ControlRateLimiter(1.0, 1, 0);
        limiter.offer("subscribe a");
        limiter.offer("subscribe b");
        assertEquals("subscribe a", limiter.poll(0));
        limiter.offerFirst("ping");
        assertNull(limiter.poll(500 * MS), "no token yet");
        assertEquals("ping", limiter.poll(SECOND));
        assertEquals("subscribe b", limiter.poll(2 * SECOND));
        assertEquals(3, limiter.sent());
    }

    @Test
    void anIdleBucketRefillsOnlyUpToItsBurst()
    {
        final ControlRateLimiter limiter = new ControlRateLimiter(10.0, 3, 0);
        for (int i = 0; i < 10; i++)
        {
            limiter.offer("m" + i);
        }
        int sent = 0;
        while (limiter.poll(3600 * SECOND) != null)
        {
            sent++;
        }
        assertEquals(3, sent);
    }
}
