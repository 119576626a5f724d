package io.tradingcore.adapters.redis;

import io.lettuce.core.AclSetuserArgs;
import io.lettuce.core.RedisConnectionException;
import io.tradingcore.adapters.config.RedisSettings;
import io.tradingcore.core.market.SymbolTable;
import io.tradingcore.core.stream.EntryWriter;
import io.tradingcore.core.stream.Environment;
import io.tradingcore.core.stream.Outbox;
import io.tradingcore.core.stream.StreamCatalog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** rediss:// with a private CA and an ACL user: entries arrive, a wrong password fails clearly, the password never shows. */
@Timeout(60)
final class RedisTlsAclTest
{
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final byte[] TYPE = EntryWriter.ascii("type");
    private static final byte[] SEQ = EntryWriter.ascii("seq");

    private static RedisServerFixture redis;
    private static RedisProbe admin;
    private static String password;

    @TempDir
    Path dir;

    @BeforeAll
    static void startTlsRedisWithAnAclUser()
    {
        redis = RedisServerFixture.tls();
        password = "pw" + UUID.randomUUID().toString().replace("-", "");
        admin = new RedisProbe(new RedisConnector(redis.url(), redis.caFile(), TIMEOUT));
        admin.commands().aclSetuser("tester", AclSetuserArgs.Builder.on().addPassword(password).allKeys().allCommands());
    }

    @AfterAll
    static void stopRedis()
    {
        admin.close();
        redis.close();
    }

    @Test
    void entriesArriveOverTlsAsTheAclUserAndThePasswordNeverShows()
    {
        final String url = "rediss://tester:" + password + "@127.0.0.1:" + redis.port();
        final String masked = "rediss://tester:***@127.0.0.1:" + redis.port();
        final ByteArrayOutputStream log = new ByteArrayOutputStream();
        final PrintStream stderr = System.err;
        System.setErr(new PrintStream(tee(stderr, log), true, StandardCharsets.UTF_8));
        final StreamCatalog catalog = new StreamCatalog();
        final Outbox outbox = new Outbox(catalog, 1024 * 1024, 50);
        final EntryWriter entries = new EntryWriter(outbox);
        try
        {
            final RedisConnector connector = new RedisConnector(url, redis.caFile(), TIMEOUT);
            assertEquals(masked, connector.describe());
            assertEquals(masked, connector.toString());
            assertEquals(masked, RedisConnector.describe(url));
            try (RedisStreamWriter writer = new RedisStreamWriter(connector, outbox, new SymbolTable(),
                Environment.STAGING, options().journalFile(dir.resolve("tls.spill"))).start())
            {
                for (int seq = 0; seq < 100; seq++)
                {
                    assertTrue(entries.begin(StreamCatalog.SIGNALS_STAGING, -1, -1)
                        .string(TYPE, "signal").integer(SEQ, seq).publish());
                }
                assertTrue(writer.awaitDrained(Duration.ofSeconds(20)));
                assertEquals(100, writer.written(StreamCatalog.SIGNALS_STAGING));
            }
            assertEquals(100, admin.length("signals:staging"));
            assertEquals("99", admin.entries("signals:staging").get(99).get("seq"));
            assertEquals("signals:staging", admin.get(StreamCatalog.SIGNALS_ACTIVE_KEY));

            final String wrongUrl = "rediss://tester:not-" + password + "@127.0.0.1:" + redis.port();
            try (RedisConnector wrong = new RedisConnector(wrongUrl, redis.caFile(), TIMEOUT))
            {
                final RedisConnectionException failure = assertThrows(RedisConnectionException.class, wrong::connect);
                assertTrue(failure.getMessage().contains("WRONGPASS"), failure.getMessage());
                assertTrue(failure.getMessage().contains(masked), failure.getMessage());
                for (Throwable t = failure; t != null; t = t.getCause())
                {
                    assertFalse(String.valueOf(t).contains(password), "a failure names the password: " + t);
                }
            }

            try (RedisStreamWriter refused = new RedisStreamWriter(
                new RedisConnector(wrongUrl, redis.caFile(), TIMEOUT), outbox, new SymbolTable(), Environment.STAGING,
                options().journalFile(dir.resolve("refused.spill")).closeTimeout(Duration.ofMillis(200)))
                .start())
            {
                final long deadline = System.nanoTime() + TIMEOUT.toNanos();
                while (refused.connectFailures() == 0 && System.nanoTime() < deadline)
                {
                    Thread.onSpinWait();
                }
                assertTrue(refused.connectFailures() > 0);
                assertFalse(refused.connected());
            }
        }
        finally
        {
            System.setErr(stderr);
        }
        final String logged = log.toString(StandardCharsets.UTF_8);
        assertTrue(logged.contains("Redis unreachable at " + masked) && logged.contains("WRONGPASS"), logged);
        assertFalse(logged.contains(password), "the log names the password");
    }

    @Test
    void aServerOutsideTheTrustedCaIsRefused()
    {
        try (RedisConnector untrusted = new RedisConnector(redis.url(), null, TIMEOUT))
        {
            final RedisConnectionException failure = assertThrows(RedisConnectionException.class, untrusted::connect);
            assertTrue(failure.getMessage().contains("certification path"), failure.getMessage());
        }
    }

    private static OutputStream tee(final PrintStream first, final ByteArrayOutputStream second)
    {
        return new OutputStream()
        {
            @Override
            public void write(final int b)
            {
                write(new byte[] {(byte)b}, 0, 1);
            }

            @Override
            public synchronized void write(final byte[] bytes, final int offset, final int length)
            {
                second.write(bytes, offset, length);
                first.write(bytes, offset, length);
            }
        };
    }

    /** The writer's settings with the configuration's batch size. */
    private static RedisWriterOptions options()
    {
        return new RedisWriterOptions().batchSize(RedisSettings.DEFAULT_BATCH_SIZE);
    }
}
