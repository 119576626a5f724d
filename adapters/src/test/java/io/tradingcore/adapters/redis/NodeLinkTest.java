package io.tradingcore.adapters.redis;

import io.tradingcore.core.market.SymbolTable;
import io.tradingcore.core.stream.StreamCatalog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.time.Duration;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The single-server link against a real redis-server: it comes up with signals:active set, is lost, comes back. */
@Timeout(60)
final class NodeLinkTest
{
    private static RedisServerFixture redis;

    @BeforeAll
    static void startRedis()
    {
        redis = RedisServerFixture.plain();
    }

    @AfterAll
    static void stopRedis()
    {
        redis.close();
    }

    @Test
    void aLinkComesUpWithSignalsActiveSetAndOnePipelineForEveryKey()
    {
        final LinkOutage outage = outage();
        final NodeLink link = link(redis.url(), outage);
        try (RedisProbe probe = new RedisProbe(redis.url()))
        {
            probe.flushAll();
            pollUntil(link, link::up);
            assertEquals("signals:staging", probe.get(StreamCatalog.SIGNALS_ACTIVE_KEY));
            final StreamKeys keys = new StreamKeys(new StreamCatalog(), new SymbolTable());
            final XaddPipeline pipeline = link.route(keys.key(StreamCatalog.SIGNALS_PAPER, -1, -1));
            assertNotNull(pipeline);
            assertSame(pipeline, link.route(keys.key(StreamCatalog.EVENTS_BUS, -1, -1)));
            assertNull(link.failure());

            link.lost(new IOException("test"), 0);
            assertTrue(link.down());
            pollUntil(link, link::up);
            assertEquals(1, outage.reconnects());
        }
        finally
        {
            link.shutdown();
        }
    }

    @Test
    void aRefusedConnectionIsCountedAndRetried()
    {
        final RedisServerFixture stopped = RedisServerFixture.plain();
        final String url = stopped.url();
        stopped.close();
        final LinkOutage outage = outage();
        final NodeLink link = link(url, outage);
        try
        {
            pollUntil(link, () -> outage.connectFailures() >= 2);
            assertTrue(link.down());
            assertTrue(outage.attempts() >= 2);
        }
        finally
        {
            link.shutdown();
        }
    }

    private static LinkOutage outage()
    {
        return new LinkOutage(Duration.ofMillis(10), Duration.ofMillis(20));
    }

    private static NodeLink link(final String url, final LinkOutage outage)
    {
        return new NodeLink(new LinkParts(new RedisConnector(url), new SignalsActive("signals:staging"), outage, () -> false, 16, 0));
    }

    private static void pollUntil(final NodeLink link, final BooleanSupplier condition)
    {
        final long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean())
        {
            link.poll();
            if (System.nanoTime() > deadline)
            {
                throw new AssertionError("condition not met in 20 s");
            }
            Thread.onSpinWait();
        }
    }
}
