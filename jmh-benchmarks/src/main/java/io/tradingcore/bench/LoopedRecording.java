package io.tradingcore.bench;

import io.tradingcore.adapters.sim.RecordingGenerator;
import io.tradingcore.adapters.sim.SyntheticMarket;
import io.tradingcore.core.time.Rfc3339;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * A recorded session (status, acks, snapshots, then updates) held in memory and played over and
 * over without allocating. Replaying the same bytes would not be the same work twice: the normalize
 * stage drops trades whose id it has seen and its event clock never goes back, so the strategies
 * would go quiet after the first pass. Each new pass therefore shifts, in place and just before a
 * frame is played, every {@code timestamp} and {@code interval_begin} forward by the recording's span
 * (whole 5 minutes, so candles stay aligned) and every {@code trade_id} by the number of trades. A pass
 * opens with the session's snapshots, so the books re-verify; the caller signals a session start there.
 */
final class LoopedRecording
{
    private static final byte[] TIMESTAMP = "\"timestamp\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] INTERVAL_BEGIN = "\"interval_begin\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TRADE_ID = "\"trade_id\":".getBytes(StandardCharsets.US_ASCII);
    private static final long FIVE_MINUTES_MICROS = 300_000_000L;
    /** {@code YYYY-MM-DDTHH:MM:SS}: all a whole-second shift changes. */
    private static final int SECONDS_PREFIX = 19;

    private final UnsafeBuffer[] frames;
    /** Per frame: offset and length of each timestamp value, in pairs. */
    private final int[][] timestamps;
    /** Per frame: offset and digit count of each trade id, in pairs. */
    private final int[][] tradeIds;
    private final long shiftMicros;
    private final int shiftTradeIds;
    /** Per frame: the pass its bytes are shifted to. */
    private final long[] framePass;
    private final UnsafeBuffer scratch = new UnsafeBuffer(new byte[Rfc3339.MICROS_LENGTH]);
    private int next;
    private long pass;

    private LoopedRecording(final List<byte[]> lines)
    {
        frames = new UnsafeBuffer[lines.size()];
        timestamps = new int[lines.size()][];
        tradeIds = new int[lines.size()][];
        framePass = new long[lines.size()];
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        int trades = 0;
        for (int i = 0; i < frames.length; i++)
        {
            final byte[] line = lines.get(i);
            frames[i] = new UnsafeBuffer(line);
            final List<Integer> at = find(line, TIMESTAMP);
            at.addAll(find(line, INTERVAL_BEGIN));
            timestamps[i] = new int[2 * at.size()];
            for (int t = 0; t < at.size(); t++)
            {
                final int offset = at.get(t);
                final int length = valueLength(line, offset);
                final long micros = Rfc3339.parseMicros(frames[i], offset, length);
                if (micros == Rfc3339.INVALID || line[offset + SECONDS_PREFIX] != '.')
                {
                    throw new IllegalArgumentException("frame " + i + ": not a µs timestamp at " + offset);
                }
                timestamps[i][2 * t] = offset;
                timestamps[i][2 * t + 1] = length;
                first = Math.min(first, micros);
                last = Math.max(last, micros);
            }
            final List<Integer> ids = find(line, TRADE_ID);
            tradeIds[i] = new int[2 * ids.size()];
            for (int t = 0; t < ids.size(); t++)
            {
                final int offset = ids.get(t);
                int end = offset;
                while (end < line.length && line[end] >= '0' && line[end] <= '9')
                {
                    end++;
                }
                tradeIds[i][2 * t] = offset;
                tradeIds[i][2 * t + 1] = end - offset;
            }
            trades += ids.size();
        }
        if (first == Long.MAX_VALUE)
        {
            throw new IllegalArgumentException("the recording has no timestamps");
        }
        shiftMicros = ((last - first) / FIVE_MINUTES_MICROS + 2) * FIVE_MINUTES_MICROS;
        // a symbol's trade ids are consecutive, so a shift by all the trades of the recording passes its highest
        shiftTradeIds = trades;
    }

    /** A recording of {@link io.tradingcore.adapters.sim.SyntheticMarket}'s default pairs, generated now. */
    static LoopedRecording synthetic(final long seed, final int frames, final int depth) throws IOException
    {
        final Path file = Files.createTempFile("looped-recording", ".jsonl");
        try
        {
            RecordingGenerator.generate(file, seed, frames, depth,
                SyntheticMarket.defaultSymbols());
            return load(file);
        }
        finally
        {
            Files.delete(file);
        }
    }

    /** A recording file: JSON Lines, one frame per line, gzip when the name ends in .gz. */
    static LoopedRecording load(final Path file) throws IOException
    {
        final List<byte[]> lines = new ArrayList<>();
        try (InputStream raw = Files.newInputStream(file);
            InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII), 1 << 16))
        {
            for (String line = reader.readLine(); line != null; line = reader.readLine())
            {
                if (!line.isEmpty())
                {
                    lines.add(line.getBytes(StandardCharsets.US_ASCII));
                }
            }
        }
        if (lines.isEmpty())
        {
            throw new IOException("empty recording: " + file);
        }
        return new LoopedRecording(lines);
    }

    int size()
    {
        return frames.length;
    }

    int maxFrameLength()
    {
        int max = 0;
        for (final UnsafeBuffer frame : frames)
        {
            max = Math.max(max, frame.capacity());
        }
        return max;
    }

    /** Completed passes over the recording. */
    long passes()
    {
        return pass;
    }

    /**
     * Moves to the next frame, shifting it forward to this pass; returns true when it opens a pass
     * (a new session: the caller signals the session start before playing it).
     */
    boolean next()
    {
        if (next == frames.length)
        {
            next = 0;
            pass++;
        }
        final int index = next++;
        if (framePass[index] != pass)
        {
            shift(index, (int)(pass - framePass[index]));
            framePass[index] = pass;
        }
        return index == 0;
    }

    /** Skips the rest of this pass: the next frame opens a new session (for a new set of stages). */
    void endPass()
    {
        next = frames.length;
    }

    /** The current frame, whole: offset 0, length {@code capacity()}. */
    UnsafeBuffer frame()
    {
        return frames[next - 1];
    }

    private void shift(final int index, final int passes)
    {
        final UnsafeBuffer frame = frames[index];
        final int[] at = timestamps[index];
        for (int i = 0; i < at.length; i += 2)
        {
            final int offset = at[i];
            final long micros = Rfc3339.parseMicros(frame, offset, at[i + 1]);
            Rfc3339.formatMicros(micros + passes * shiftMicros, scratch, 0);
            frame.putBytes(offset, scratch, 0, SECONDS_PREFIX);
        }
        final int[] ids = tradeIds[index];
        for (int i = 0; i < ids.length; i += 2)
        {
            final int offset = ids[i];
            final int digits = ids[i + 1];
            final int id = frame.parseNaturalIntAscii(offset, digits);
            // throws if the id outgrows its digits (some 10^4 passes away for the synthetic market's ids)
            frame.putNaturalPaddedIntAscii(offset, digits, id + passes * shiftTradeIds);
        }
    }

    private static int valueLength(final byte[] line, final int offset)
    {
        int end = offset;
        while (end < line.length && line[end] != '"')
        {
            end++;
        }
        return end - offset;
    }

    /** Offsets just past each occurrence of {@code key}. */
    private static List<Integer> find(final byte[] line, final byte[] key)
    {
        final List<Integer> at = new ArrayList<>();
        for (int i = 0; i + key.length <= line.length; i++)
        {
            int k = 0;
            while (k < key.length && line[i + k] == key[k])
            {
                k++;
            }
            if (k == key.length)
            {
                at.add(i + key.length);
                i += key.length - 1;
            }
        }
        return at;
    }
}
