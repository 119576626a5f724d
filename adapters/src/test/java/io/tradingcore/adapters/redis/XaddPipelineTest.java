package io.tradingcore.adapters.redis;

import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.protocol.RedisCommand;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.tradingcore.core.stream.EntryReader;
import io.tradingcore.core.stream.EntryWriter;
import io.tradingcore.core.stream.Outbox;
import io.tradingcore.core.stream.StreamCatalog;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pipeline without a server: the RESP of each command, its buffer reused once answered, replies in order. */
final class XaddPipelineTest
{
    private static final byte[] TYPE = EntryWriter.ascii("type");
    private static final byte[] SEQ = EntryWriter.ascii("seq");
    private static final byte[] BLOB = EntryWriter.ascii("blob");
    private static final byte[] HEADER = XaddEncoder.header(EntryWriter.ascii("signals:paper"), 10_000);

    private final Outbox outbox = new Outbox(new StreamCatalog(), 1024 * 1024, 50);
    private final EntryWriter entries = new EntryWriter(outbox);
    private final UnsafeBuffer entry = new UnsafeBuffer(new byte[EntryWriter.MAX_ENTRY_LENGTH]);
    private final EntryReader reader = new EntryReader();
    private final List<RedisCommand<?, ?, ?>> dispatched = new ArrayList<>();
    private int flushes;

    @Test
    void eachEntryGoesOutAsTheRespOfOneXaddAndABatchIsFlushedOnce()
    {
        final XaddPipeline pipeline = pipeline(16);
        assertEquals(0, offer(pipeline, entry(7, 0)));
        assertEquals(1, offer(pipeline, entry(8, 0)));
        pipeline.flush();

        assertEquals(2, dispatched.size());
        assertEquals(1, flushes);
        assertEquals("*10\r\n$4\r\nXADD\r\n$13\r\nsignals:paper\r\n$6\r\nMAXLEN\r\n$1\r\n~\r\n$5\r\n10000\r\n$1\r\n*\r\n" +
            "$4\r\ntype\r\n$5\r\nevent\r\n$3\r\nseq\r\n$1\r\n7\r\n", encoded(0));
        assertTrue(encoded(1).endsWith("$3\r\nseq\r\n$1\r\n8\r\n"));
    }

    @Test
    void repliesAcknowledgeInSendOrderAndAnErrorReplyStaysWithItsCommand()
    {
        final XaddPipeline pipeline = pipeline(16);
        for (int seq = 0; seq < 3; seq++)
        {
            offer(pipeline, entry(seq, 0));
        }
        pipeline.flush();
        dispatched.get(0).complete();
        dispatched.get(1).getOutput().setError("WRONGTYPE Operation against a key holding the wrong kind of value");
        dispatched.get(1).complete();

        assertEquals(2, pipeline.acknowledged());
        assertNull(pipeline.error(0));
        assertTrue(pipeline.error(1).startsWith("WRONGTYPE"));
        assertNull(pipeline.failure());
    }

    @Test
    void aReplyOutOfOrderOrAFailureWithoutReplyIsAFailureOfTheLink()
    {
        final XaddPipeline pipeline = pipeline(16);
        offer(pipeline, entry(0, 0));
        offer(pipeline, entry(1, 0));
        pipeline.flush();
        dispatched.get(1).complete();
        assertEquals(0, pipeline.acknowledged());
        assertNotNull(pipeline.failure());

        final XaddPipeline other = pipeline(16);
        offer(other, entry(0, 0));
        other.flush();
        dispatched.get(2).cancel();
        assertEquals(0, other.acknowledged());
        assertNotNull(other.failure());
    }

    @Test
    void aBatchWithKeptEntriesEndsWithAWaitAndCountsAsWrittenOnlyOnceTheReplicaHoldsIt()
    {
        final XaddPipeline pipeline = pipeline(16, 1);
        assertEquals(0, offer(pipeline, entry(0, 0), false));
        assertEquals(1, offer(pipeline, entry(1, 0), true));
        assertEquals(2, offer(pipeline, entry(2, 0), false));
        pipeline.flush();
        assertEquals(4, dispatched.size());
        assertEquals("*3\r\n$4\r\nWAIT\r\n$1\r\n1\r\n$4\r\n2500\r\n", encoded(3));

        dispatched.get(0).complete();
        assertEquals(1, pipeline.acknowledged(), "market data before the kept entry: the master's reply");
        dispatched.get(1).complete();
        dispatched.get(2).complete();
        assertEquals(1, pipeline.acknowledged(), "from the kept entry on, the WAIT decides");
        dispatched.get(3).getOutput().set(1L);
        dispatched.get(3).complete();
        assertEquals(4, pipeline.acknowledged());
        assertNull(pipeline.failure());

        assertEquals(4, offer(pipeline, entry(3, 0), true));
        pipeline.flush();
        dispatched.get(4).complete();
        dispatched.get(5).getOutput().set(0L);
        dispatched.get(5).complete();
        assertEquals(4, pipeline.acknowledged(), "no replica holds it yet: it waits");
        assertNull(pipeline.failure(), "not a lost link: the entry is on the master and is not written again");

        pipeline.flush();
        assertEquals(7, dispatched.size(), "the next flush asks WAIT again, and only that");
        assertEquals("*3\r\n$4\r\nWAIT\r\n$1\r\n1\r\n$4\r\n2500\r\n", encoded(6));
        dispatched.get(6).getOutput().set(1L);
        dispatched.get(6).complete();
        assertEquals(7, pipeline.acknowledged());
    }

    @Test
    void anErrorReplyToWaitIsAFailureOfTheLink()
    {
        final XaddPipeline pipeline = pipeline(16, 1);
        offer(pipeline, entry(0, 0), true);
        pipeline.flush();
        dispatched.get(0).complete();
        dispatched.get(1).getOutput().setError("ERR WAIT cannot be used with replica instances");
        dispatched.get(1).complete();
        assertEquals(0, pipeline.acknowledged());
        assertNotNull(pipeline.failure());
    }

    @Test
    void withoutKeptEntriesNoWaitIsSent()
    {
        final XaddPipeline pipeline = pipeline(16, 1);
        offer(pipeline, entry(0, 0), false);
        pipeline.flush();
        assertEquals(1, dispatched.size());
        dispatched.get(0).complete();
        assertEquals(1, pipeline.acknowledged());
    }

    @Test
    void theBufferFillsThenTakesNewCommandsWhereAnsweredOnesWere()
    {
        final XaddPipeline pipeline = pipeline(1024);
        long sequence = 0;
        while (offer(pipeline, entry((int)sequence, 60_000)) == sequence)
        {
            sequence++;
        }
        assertTrue(sequence > 40 && sequence < 100, "commands that fit in the buffer: " + sequence);
        assertEquals(XaddPipeline.FULL, offer(pipeline, entry(0, 60_000)), "full stays full");
        pipeline.flush();
        for (int i = 0; i < 10; i++)
        {
            dispatched.get(i).complete();
            pipeline.release(i);
        }

        final long wrapped = sequence;
        assertEquals(wrapped, offer(pipeline, entry(1000, 60_000)), "placed at the start of the buffer");
        pipeline.flush();
        assertTrue(encoded((int)wrapped).contains("$3\r\nseq\r\n$4\r\n1000\r\n$4\r\nblob\r\n$60000\r\n"));
        assertTrue(encoded((int)wrapped - 1).contains("$3\r\nseq\r\n$2\r\n" + (wrapped - 1) + "\r\n$4\r\nblob\r\n"),
            "the command before it is intact");
        assertEquals(XaddPipeline.MALFORMED, pipeline.offer(HEADER, reader.wrap(entry, 0, 20), 20, false));
    }

    private XaddPipeline pipeline(final int capacity)
    {
        return pipeline(capacity, 0);
    }

    private XaddPipeline pipeline(final int capacity, final int replicas)
    {
        @SuppressWarnings("unchecked")
        final StatefulRedisConnection<byte[], byte[]> connection = (StatefulRedisConnection<byte[], byte[]>)Proxy
            .newProxyInstance(getClass().getClassLoader(), new Class<?>[] {StatefulRedisConnection.class},
                (proxy, method, args) ->
                {
                    if (method.getName().equals("dispatch") && args[0] instanceof Collection)
                    {
                        for (final Object command : (Collection<?>)args[0])
                        {
                            dispatched.add((RedisCommand<?, ?, ?>)command);
                        }
                        return args[0];
                    }
                    if (method.getName().equals("flushCommands"))
                    {
                        flushes++;
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        return new XaddPipeline(connection, Runnable::run, capacity, replicas, 2500);
    }

    /** An entry {@code type event, seq N}, plus a blob of {@code blobLength} bytes when not 0; its length. */
    private int entry(final int seq, final int blobLength)
    {
        entries.begin(StreamCatalog.SIGNALS_PAPER, -1, -1).string(TYPE, "event").integer(SEQ, seq);
        if (blobLength > 0)
        {
            entries.string(BLOB, new byte[blobLength]);
        }
        entries.publish();
        final int[] length = new int[1];
        while (outbox.drain((stream, buffer, index, size) ->
        {
            entry.putBytes(0, buffer, index, size);
            length[0] = size;
        }, 1) == 0)
        {
            // the ring's padding at its end is read on its own
        }
        return length[0];
    }

    private long offer(final XaddPipeline pipeline, final int length)
    {
        return offer(pipeline, length, false);
    }

    private long offer(final XaddPipeline pipeline, final int length, final boolean kept)
    {
        return pipeline.offer(HEADER, reader.wrap(entry, 0, length), length, kept);
    }

    private String encoded(final int index)
    {
        final ByteBuf out = Unpooled.buffer();
        dispatched.get(index).encode(out);
        return out.toString(StandardCharsets.US_ASCII);
    }
}
