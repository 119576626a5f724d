package io.tradingcore.adapters.report;

import io.tradingcore.adapters.redis.AcknowledgedEntries;
import io.tradingcore.core.stream.EntryReader;
import io.tradingcore.core.stream.Fields;
import io.tradingcore.core.time.MicrosClock;
import io.tradingcore.core.time.Rfc3339;
import io.tradingcore.core.time.Rfc3339Reader;
import org.HdrHistogram.SingleWriterRecorder;
import org.agrona.DirectBuffer;

/**
 * Receive→persisted: for every acknowledged entry stamped with its frame's receive time
 * ({@code received_at}: market data, the signals' end-to-end metrics), the time from the frame's
 * receipt to Redis's acknowledgement, in ns. Runs on the Redis adapter thread, allocation-free; the
 * values go to a recorder whose intervals a housekeeping thread takes ({@link LatencyLog}).
 * Microsecond resolution: both ends are wall-clock epoch microseconds.
 */
public final class PersistLatency implements AcknowledgedEntries
{
    private static final long MAX_NANOS = 60_000_000_000L;

    private final SingleWriterRecorder recorder = new SingleWriterRecorder(MAX_NANOS, 3);
    private final EntryReader reader = new EntryReader();
    private final Rfc3339Reader timestamps = new Rfc3339Reader();
    private final MicrosClock clock = new MicrosClock();

    @Override
    public void onAcknowledged(final int stream, final DirectBuffer entry, final int offset, final int length)
    {
        reader.wrap(entry, offset, length);
        while (reader.next())
        {
            if (isReceivedAt(entry))
            {
                final long received = timestamps.parseMicros(entry, reader.valueOffset(), reader.valueLength());
                if (received != Rfc3339.INVALID)
                {
                    recorder.recordValue(Math.max(0, Math.min(MAX_NANOS, (clock.epochMicros() - received) * 1_000)));
                }
                return;
            }
        }
    }

    /** The values, one interval at a time. */
    public SingleWriterRecorder recorder()
    {
        return recorder;
    }

    private boolean isReceivedAt(final DirectBuffer entry)
    {
        final byte[] name = Fields.RECEIVED_AT;
        if (reader.nameLength() != name.length)
        {
            return false;
        }
        final int at = reader.nameOffset();
        for (int i = 0; i < name.length; i++)
        {
            if (entry.getByte(at + i) != name[i])
            {
                return false;
            }
        }
        return true;
    }
}
