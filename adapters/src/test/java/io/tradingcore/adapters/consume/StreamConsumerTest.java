package io.tradingcore.adapters.consume;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.tradingcore.adapters.redis.RedisServerFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StreamConsumerTest
{
    private static final String GROUP = "consumers";

    private static RedisServerFixture server;
    private static RedisClient client;
    private static StatefulRedisConnection<String, String> producerConnection;
    private static RedisCommands<String, String> producer;

    @BeforeAll
    static void startRedis()
    {
        server = RedisServerFixture.plain();
        client = RedisClient.create(server.url());
        producerConnection = client.connect();
        producer = producerConnection.sync();
    }

    @AfterAll
    static void stopRedis()
    {
        producerConnection.close();
        client.shutdown();
        server.close();
    }

    private static List<String> add(final String stream, final int count, final int from)
    {
        final List<String> ids = new ArrayList<>();
        for (int i = from; i < from + count; i++)
        {
            ids.add(producer.xadd(stream, Map.of("type", "signal", "seq", Integer.toString(i))));
        }
        return ids;
    }

    /** A consumer of its own stream that dies while handling the fifth entry of a batch of ten it has read. */
    private static final class KilledMidBatch
    {
        final String stream;
        final List<String> ids;
        final List<String> processed = new ArrayList<>();
        final boolean newGroup;
        final RuntimeException killed;
        final long acked;
        final long redundantAcks;

        KilledMidBatch(final String stream)
        {
            this.stream = stream;
            try (StatefulRedisConnection<String, String> connection = client.connect())
            {
                final StreamConsumer first = new StreamConsumer(connection.sync(), stream, GROUP, "host-a", 100, 1000);
                newGroup = first.ensureGroup(false);
                ids = add(stream, 10, 0);
                killed = assertThrows(RuntimeException.class, () -> first.poll((s, id, fields) ->
                {
                    if (processed.size() == 4)
                    {
                        throw new IllegalStateException("killed");
                    }
                    processed.add(id);
                }, 100));
                acked = first.acked();
                redundantAcks = first.redundantAcks();
            }
        }
    }

    /** The killed consumer started again under its name after five more entries came, polling until it has handled 11. */
    private static final class Restarted
    {
        final List<String> processed = new ArrayList<>();
        final List<String> seq = new ArrayList<>();
        final boolean newGroup;
        final int lastPoll;
        final long acked;
        final long redundantAcks;

        Restarted(final KilledMidBatch killed)
        {
            final String stream = killed.stream;
            killed.ids.addAll(add(stream, 5, 10));
            try (StatefulRedisConnection<String, String> connection = client.connect())
            {
                final StreamConsumer restarted = new StreamConsumer(connection.sync(), stream, GROUP, "host-a", 100, 1000);
                newGroup = restarted.ensureGroup(false);
                int polls = 0;
                while (restarted.handled() < 11 && polls++ < 50)
                {
                    restarted.poll((s, id, fields) ->
                    {
                        assertEquals(stream, s);
                        processed.add(id);
                        seq.add(fields.get("seq"));
                    }, 4);
                }
                lastPoll = restarted.poll((s, id, fields) -> processed.add(id), 100);
                acked = restarted.acked();
                redundantAcks = restarted.redundantAcks();
            }
        }
    }

    @Test
    void aConsumerKilledMidBatchHasAcknowledgedOnlyWhatItHandled()
    {
        final KilledMidBatch killed = new KilledMidBatch("signals:killed");
        assertTrue(killed.newGroup, "a new group");
        assertEquals("killed", killed.killed.getMessage());
        assertEquals(0, killed.redundantAcks);
        assertEquals(killed.ids.subList(0, 4), killed.processed);
        assertEquals(4, killed.acked);
        assertEquals(6, producer.xpending(killed.stream, GROUP).getCount(), "read but not acknowledged");
    }

    @Test
    void aRestartedConsumerKeepsItsGroupAndHandlesItsPendingEntriesFirstThenNewOnes()
    {
        final KilledMidBatch killed = new KilledMidBatch("signals:restarted");
        final Restarted restarted = new Restarted(killed);
        assertFalse(restarted.newGroup, "BUSYGROUP: the group and its pending entries are kept");
        assertEquals(killed.ids.subList(4, 15), restarted.processed, "pending entries first, then new ones, in order");
        assertEquals(List.of("4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14"), restarted.seq);
    }

    @Test
    void aRestartedConsumerAcknowledgesEachEntryOnceAndLosesNothing()
    {
        final KilledMidBatch killed = new KilledMidBatch("signals:once");
        final Restarted restarted = new Restarted(killed);
        assertEquals(0, restarted.lastPoll, "nothing more");
        assertEquals(11, restarted.acked, "one XACK returning 1 per entry");
        assertEquals(0, restarted.redundantAcks, "no XACK returned 0: nothing acknowledged twice");
        final Set<String> all = new HashSet<>(killed.processed);
        for (final String id : restarted.processed)
        {
            assertTrue(all.add(id), "processed once: " + id);
        }
        assertEquals(new HashSet<>(killed.ids), all, "nothing lost");
        assertEquals(0, producer.xpending(killed.stream, GROUP).getCount());
        assertEquals(0L, producer.xack(killed.stream, GROUP, killed.ids.get(0)), "a second XACK would have been counted");
    }

    @Test
    void aPendingEntryTrimmedAwayIsAcknowledgedWithoutBeingHandled()
    {
        final String stream = "signals:trimmed";
        try (StatefulRedisConnection<String, String> connection = client.connect())
        {
            final StreamConsumer first = new StreamConsumer(connection.sync(), stream, GROUP, "host-t", 100, 1000);
            first.ensureGroup(false);
            add(stream, 3, 0);
            assertThrows(IllegalStateException.class, () -> first.poll((s, id, fields) ->
            {
                throw new IllegalStateException("killed");
            }, 100));
        }
        producer.xtrim(stream, 0);
        final AtomicInteger handled = new AtomicInteger();
        try (StatefulRedisConnection<String, String> connection = client.connect())
        {
            final StreamConsumer restarted = new StreamConsumer(connection.sync(), stream, GROUP, "host-t", 100, 1000);
            restarted.ensureGroup(false);
            restarted.poll((s, id, fields) -> handled.incrementAndGet(), 100);
            assertEquals(0, handled.get());
            assertEquals(3, restarted.trimmedPending());
            assertEquals(3, restarted.acked());
        }
        assertEquals(0, producer.xpending(stream, GROUP).getCount());
    }

    @Test
    void mainReadsTheActiveStreamAndPrintsOneJsonLinePerEntry() throws Exception
    {
        producer.set("signals:active", "signals:staging");
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final AtomicInteger code = new AtomicInteger(-1);
        final Thread main = new Thread(() -> code.set(StreamConsumerMain.run(
            new String[] {"--redis", server.url(), "--consumer", "test-host", "--count", "3", "--block-ms", "200"},
            Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
            new AtomicBoolean(true))));
        main.start();
        for (int i = 0; i < 200 && !groupExists("signals:staging"); i++)
        {
            Thread.sleep(10);
        }
        final Map<String, String> fields = new LinkedHashMap<>();
        fields.put("type", "signal");
        fields.put("notes", "quote \" backslash \\ newline \n tab \t ünïcode");
        fields.put("features", "{\"z\":-2.31}");
        final List<String> ids = new ArrayList<>();
        ids.add(producer.xadd("signals:staging", fields));
        ids.addAll(add("signals:staging", 2, 0));
        main.join(20_000);
        assertEquals(0, code.get(), err.toString(StandardCharsets.UTF_8));

        final String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(3, lines.length);
        final JsonMapper json = JsonMapper.builder().build();
        for (int i = 0; i < 3; i++)
        {
            final JsonNode line = json.readTree(lines[i]);
            assertEquals(ids.get(i), line.get("id").stringValue());
            assertEquals("signals:staging", line.get("stream").stringValue());
        }
        final JsonNode first = json.readTree(lines[0]).get("fields");
        assertEquals(fields.get("notes"), first.get("notes").stringValue());
        assertEquals(fields.get("features"), first.get("features").stringValue());
        assertEquals(0, producer.xpending("signals:staging", GROUP).getCount());
    }

    /** Runs {@code run/consume} in-process until it returns (or {@code stopAfterMs} passes); returns its exit code, out and err. */
    private static String[] consume(final long stopAfterMs, final String... args) throws InterruptedException
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final AtomicBoolean running = new AtomicBoolean(true);
        final AtomicInteger code = new AtomicInteger(-1);
        final Thread main = new Thread(() -> code.set(StreamConsumerMain.run(args, Map.of("REDIS_URL", server.url()),
            new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), running)));
        main.start();
        main.join(stopAfterMs);
        running.set(false);
        main.join(20_000);
        return new String[] {Integer.toString(code.get()), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
    }

    @Test
    void fromStartReadsAFinishedRunAndTheStartLineSaysWhatIsRead() throws Exception
    {
        add("signals:finished", 3, 0);
        final String[] waiting = consume(1_000, "--stream", "signals:finished", "--consumer", "c1", "--block-ms", "100");
        assertEquals("0", waiting[0], waiting[2]);
        assertEquals("", waiting[1], "a new group starts after the entries already there");
        assertTrue(waiting[2].contains("consume: reading signals:finished as c1 in group consumers (new group: new entries only; " +
            "--from-start reads what is there)"), waiting[2]);

        final String[] fromStart = consume(20_000, "--stream", "signals:finished", "--group", "audit", "--consumer", "c2",
            "--from-start", "--count", "3", "--block-ms", "100");
        assertEquals("0", fromStart[0], fromStart[2]);
        assertEquals(3, fromStart[1].split("\n").length, fromStart[1]);
        assertTrue(fromStart[2].contains("reading signals:finished as c2 in group audit (new group: from the first entry)"), fromStart[2]);
    }

    @Test
    void anEntryRedeliveredWithTheSameIdIsPrintedOnce() throws Exception
    {
        final String stream = "signals:redelivered";
        producer.xadd(stream, Map.of("type", "signal", "id", "sig-1"));
        producer.xadd(stream, Map.of("type", "signal", "id", "sig-2"));
        producer.xadd(stream, Map.of("type", "signal", "id", "sig-1")); // the writer's second delivery after an outage
        producer.xadd(stream, Map.of("type", "heartbeat"));
        producer.xadd(stream, Map.of("type", "heartbeat")); // no id: never taken for a duplicate
        final String[] run = consume(20_000, "--stream", stream, "--from-start", "--count", "4", "--block-ms", "100");
        assertEquals("0", run[0], run[2]);
        final String[] lines = run[1].split("\n");
        assertEquals(4, lines.length, run[1]);
        assertTrue(lines[0].contains("\"sig-1\"") && lines[1].contains("\"sig-2\""), run[1]);
        assertTrue(lines[2].contains("heartbeat") && lines[3].contains("heartbeat"), run[1]);
        assertEquals(0, producer.xpending(stream, GROUP).getCount(), "the duplicate is acknowledged too");
    }

    @Test
    void theProcessExitsAsSoonAsItIsDone() throws Exception
    {
        add("signals:quick", 1, 0);
        final List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp", System.getProperty("java.class.path"), StreamConsumerMain.class.getName(), "--redis", server.url(),
            "--stream", "signals:quick", "--from-start", "--count", "1", "--block-ms", "100"));
        final Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        final BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        final StringBuilder seen = new StringBuilder();
        String line;
        while ((line = output.readLine()) != null && !line.contains("\"seq\":\"0\""))
        {
            seen.append(line).append('\n');
        }
        assertTrue(line != null, "the entry is printed: " + seen);
        final long printed = System.nanoTime();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), seen.toString());
        final long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - printed);
        assertEquals(0, process.exitValue(), seen.toString());
        assertTrue(seconds < 5, "exits right after its last entry, not after the shutdown hook's 10 s: " + seconds + " s");
    }

    private static boolean groupExists(final String stream)
    {
        return producer.exists(stream) == 1 && !producer.xinfoGroups(stream).isEmpty();
    }

    @Test
    void mainExitCodes()
    {
        final PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        final ByteArrayOutputStream help = new ByteArrayOutputStream();
        assertEquals(0, StreamConsumerMain.run(new String[] {"--help"}, Map.of(), new PrintStream(help, true, StandardCharsets.UTF_8),
            sink, new AtomicBoolean(true)));
        for (final String option : new String[] {"--redis", "--stream", "--group", "--consumer", "--count", "--block-ms"})
        {
            assertTrue(help.toString(StandardCharsets.UTF_8).contains(option), option);
        }
        assertEquals(2, StreamConsumerMain.run(new String[] {"--bogus", "x"}, Map.of(), sink, sink, new AtomicBoolean(true)));
        assertEquals(2, StreamConsumerMain.run(new String[] {"--count", "-1"}, Map.of(), sink, sink, new AtomicBoolean(true)));
        final ByteArrayOutputStream refused = new ByteArrayOutputStream();
        assertEquals(2, StreamConsumerMain.run(new String[] {"--block-ms", "soon"}, Map.of(), sink,
            new PrintStream(refused, true, StandardCharsets.UTF_8), new AtomicBoolean(true)));
        assertTrue(refused.toString(StandardCharsets.UTF_8).contains("--block-ms"), "names the flag: " + refused);
        final ByteArrayOutputStream noWindow = new ByteArrayOutputStream();
        assertEquals(2, StreamConsumerMain.run(new String[] {"--dedup-window", "0"}, Map.of(), sink,
            new PrintStream(noWindow, true, StandardCharsets.UTF_8), new AtomicBoolean(true)));
        assertTrue(noWindow.toString(StandardCharsets.UTF_8).contains("--dedup-window"), "names the flag: " + noWindow);
        final ByteArrayOutputStream version = new ByteArrayOutputStream();
        assertEquals(0, StreamConsumerMain.run(new String[] {"--version"}, Map.of(), new PrintStream(version, true, StandardCharsets.UTF_8),
            sink, new AtomicBoolean(true)));
        assertTrue(version.toString(StandardCharsets.UTF_8).startsWith("trading-core "), version.toString(StandardCharsets.UTF_8));
        final ByteArrayOutputStream completion = new ByteArrayOutputStream();
        assertEquals(0, StreamConsumerMain.run(new String[] {"--completion"}, Map.of(),
            new PrintStream(completion, true, StandardCharsets.UTF_8), sink, new AtomicBoolean(true)));
        assertTrue(completion.toString(StandardCharsets.UTF_8).contains("complete -F")
            && completion.toString(StandardCharsets.UTF_8).contains("--block-ms"), "a bash completion script");
        producer.del("signals:active");
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(1, StreamConsumerMain.run(new String[0], Map.of("REDIS_URL", server.url()), sink,
            new PrintStream(err, true, StandardCharsets.UTF_8), new AtomicBoolean(true)));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("signals:active is not set"));
    }

    @Test
    void entryLineEscapesJson()
    {
        assertEquals("{\"id\":\"1-0\",\"stream\":\"s\",\"fields\":{\"a\":\"x\\\"y\\\\z\\n\\u0001\"}}",
            EntryLine.of("s", "1-0", Map.of("a", "x\"y\\z\n\u0001")));
    }
}
