package io.tradingcore.core.ring;

import org.agrona.DirectBuffer;

/**
 * Where a feed (the Kraken client, the replay reader, the simulator client) puts each raw text
 * frame. Implemented by the ring's single producer: the bytes are copied into a preallocated slot,
 * so the caller may reuse its buffer as soon as this returns. Called from one thread only.
 */
public interface FrameSink
{
    /**
     * Publishes one frame received at {@code receiveEpochMicros} (wall clock) / {@code receiveNanos}
     * ({@link System#nanoTime()}). Returns false if the frame was rejected (larger than a slot): the
     * rejection is counted and reported by the sink, never silently truncated.
     */
    boolean onFrame(DirectBuffer buffer, int offset, int length, long receiveEpochMicros, long receiveNanos);

    /**
     * A new connection to the exchange is up (before its first frame): every book is discarded and
     * stays invalid until its fresh snapshot, because Kraken has no resume and no sequence numbers.
     */
    void onSessionStart(long receiveEpochMicros);
}
