package io.tradingcore.core.stream;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.AtomicBuffer;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.ManyToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The hand-off from the stages (and the feed and housekeeping threads) to the one Redis adapter
 * thread: an Agrona many-to-one ring of encoded entries (see {@link EntryWriter}), message type =
 * stream id. A producer never blocks on Redis: the adapter drains this ring continuously into its
 * own bounded queue. Market data is shed once the ring is more than {@code shedAbovePercent} full,
 * which keeps the rest of the ring as headroom for entries that must be kept. A kept entry that
 * still finds the ring full (the adapter thread itself has stalled) waits for space: that is the
 * only back-pressure, and it is counted.
 * <p>
 * The normalize stage's market data travels as binary {@link MarketRecord}s claimed in place; the
 * draining thread renders each into its streams' entries ({@link MarketDataRenderer}) as it drains,
 * so the handler sees entries only.
 */
public final class Outbox implements EntrySink
{
    /** Ring message types: stream id + 1 for an entry, this + kind for a market-data record. */
    private static final int RECORD_TYPE_BASE = 1 << 16;

    public static final int DEFAULT_CAPACITY = 16 * 1024 * 1024;

    private final ManyToOneRingBuffer ring;
    private final StreamCatalog catalog;
    private final long shedAboveBytes;
    private final AtomicLongArray offered = new AtomicLongArray(StreamCatalog.COUNT);
    private final AtomicLongArray shed = new AtomicLongArray(StreamCatalog.COUNT);
    private final AtomicLongArray keptWaits = new AtomicLongArray(StreamCatalog.COUNT);
    /** Agrona message types must be positive, stream ids start at 0: the ring carries stream + 1. */
    private final MessageHandler toStreamId = this::onRingMessage;
    private MessageHandler drainHandler;
    private static final MessageHandler DISCARD = (msgTypeId, buffer, index, length) -> {};
    private final MarketDataRenderer renderer = new MarketDataRenderer(this::deliverRendered);

    /** {@code capacity} is a power of two: the bytes of entries the ring holds. */
    public Outbox(final StreamCatalog catalog, final int capacity, final int shedAbovePercent)
    {
        final AtomicBuffer buffer = new UnsafeBuffer(
            ByteBuffer.allocateDirect(capacity + RingBufferDescriptor.TRAILER_LENGTH));
        this.ring = new ManyToOneRingBuffer(buffer);
        this.catalog = catalog;
        this.shedAboveBytes = (long)capacity * shedAbovePercent / 100;
    }

    public Outbox(final StreamCatalog catalog)
    {
        this(catalog, DEFAULT_CAPACITY, 50);
    }

    public StreamCatalog catalog()
    {
        return catalog;
    }

    /**
     * Offers one encoded entry. Returns false when the entry was not taken: its stream is disabled
     * or it is market data shed under back-pressure (counted in {@link #shed(int)}).
     */
    @Override
    public boolean offer(final int stream, final DirectBuffer entry, final int offset, final int length)
    {
        if (!catalog.enabled(stream))
        {
            return false;
        }
        offered.incrementAndGet(stream);
        if (!catalog.kept(stream))
        {
            if (ring.size() > shedAboveBytes || !ring.write(stream + 1, entry, offset, length))
            {
                shed.incrementAndGet(stream);
                return false;
            }
            return true;
        }
        if (!ring.write(stream + 1, entry, offset, length))
        {
            keptWaits.incrementAndGet(stream);
            while (!ring.write(stream + 1, entry, offset, length))
            {
                Thread.onSpinWait();
            }
        }
        return true;
    }

    /**
     * Claims {@code length} bytes of the ring for a market-data record of {@code kind} that renders to
     * {@code streams}; returns the index to write it at in {@link #buffer()}, then {@link #commit(int)}.
     * Returns -1 when none of the streams is enabled or the record is shed under back-pressure
     * (counted against each of {@code streams}).
     */
    public int claim(final int kind, final int[] streams, final int length)
    {
        boolean enabled = false;
        for (final int stream : streams)
        {
            enabled |= catalog.enabled(stream);
        }
        if (!enabled)
        {
            return -1;
        }
        final int index = ring.size() > shedAboveBytes ? -1 : ring.tryClaim(RECORD_TYPE_BASE + kind, length);
        if (index < 0)
        {
            for (final int stream : streams)
            {
                if (catalog.enabled(stream))
                {
                    offered.incrementAndGet(stream);
                    shed.incrementAndGet(stream);
                }
            }
            return -1;
        }
        return index;
    }

    /** The ring's buffer, for writing a claimed record. */
    public MutableDirectBuffer buffer()
    {
        return ring.buffer();
    }

    /** Publishes a record written at the index {@link #claim} returned. */
    public void commit(final int index)
    {
        ring.commit(index);
    }

    /** Adapter thread only: hands up to {@code limit} entries to {@code handler} (msgTypeId = stream id), in order. */
    public int drain(final MessageHandler handler, final int limit)
    {
        drainHandler = handler;
        return ring.read(toStreamId, limit);
    }

    /**
     * Drops up to {@code limit} ring messages unread, records unrendered: for benchmarks that measure the
     * stages alone, whose drain would otherwise bill the adapter thread's rendering to the stage thread.
     */
    public int discard(final int limit)
    {
        return ring.read(DISCARD, limit);
    }

    /** Bytes waiting in the ring. */
    public int size()
    {
        return ring.size();
    }

    public int capacity()
    {
        return ring.capacity();
    }

    public boolean isEmpty()
    {
        return ring.producerPosition() == ring.consumerPosition();
    }

    public long offered(final int stream)
    {
        return offered.get(stream);
    }

    public long shed(final int stream)
    {
        return shed.get(stream);
    }

    public long keptWaits(final int stream)
    {
        return keptWaits.get(stream);
    }

    public int maxEntryLength()
    {
        return ring.maxMsgLength();
    }

    private void onRingMessage(final int msgTypeId, final MutableDirectBuffer buffer, final int index, final int length)
    {
        if (msgTypeId > RECORD_TYPE_BASE)
        {
            renderer.render(msgTypeId - RECORD_TYPE_BASE, buffer, index);
        }
        else
        {
            drainHandler.onMessage(msgTypeId - 1, buffer, index, length);
        }
    }

    /** A rendered entry goes straight to the drain handler: the renderer's scratch is a mutable buffer. */
    private boolean deliverRendered(final int stream, final DirectBuffer entry, final int offset, final int length)
    {
        if (!catalog.enabled(stream))
        {
            return false;
        }
        offered.incrementAndGet(stream);
        drainHandler.onMessage(stream, (MutableDirectBuffer)entry, offset, length);
        return true;
    }
}
