package io.tradingcore.adapters.redis;

import org.agrona.DirectBuffer;

/**
 * Told of each in-memory entry once Redis acknowledged its XADD, on the adapter thread, in write
 * order: how latency to persistence and a backtest's ledger see exactly what Redis holds without
 * reading it back. An implementation must be quick (it runs between two pipeline batches) and must
 * not keep the buffer. Entries replayed from the spill journal were written by an earlier run and
 * are not reported.
 */
@FunctionalInterface
public interface AcknowledgedEntries
{
    void onAcknowledged(int stream, DirectBuffer entry, int offset, int length);
}
