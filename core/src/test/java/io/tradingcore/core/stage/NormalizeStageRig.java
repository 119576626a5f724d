package io.tradingcore.core.stage;

import io.tradingcore.core.book.ResyncRequests;
import io.tradingcore.core.market.Instruments;
import io.tradingcore.core.market.SymbolTable;
import io.tradingcore.core.ring.FrameEvent;
import io.tradingcore.core.ring.SymbolUpdate;
import io.tradingcore.core.stage.OutboxEntries.Entry;
import io.tradingcore.core.stream.Outbox;
import io.tradingcore.core.stream.StreamCatalog;
import io.tradingcore.core.time.EventClock;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A normalize stage driven slot by slot with frames built by {@link KrakenFrames}; what it writes is
 * read back from the outbox. BTC/USD (precision 1/8) and ETH/USD (2/8) are configured, books kept at
 * depth 10; each slot is received 1 ms after the last, from {@link #T0}.
 */
final class NormalizeStageRig
{
    static final String BTC = "BTC/USD";
    static final String ETH = "ETH/USD";
    static final long T0 = 1_764_086_400_000_000L; // 2025-11-25T16:00:00Z
    static final int DEPTH = 10;
    static final int FRAME_CAPACITY = 64 * 1024;

    final SymbolTable symbols = new SymbolTable();
    final Instruments instruments = new Instruments();
    final ResyncRequests resync = new ResyncRequests();
    final KrakenFrames frames = new KrakenFrames(DEPTH).symbol(BTC, 1, 8).symbol(ETH, 2, 8);
    final FrameEvent event = new FrameEvent(FRAME_CAPACITY);
    final NormalizeStage stage;
    final int btc;
    final int eth;
    private final Outbox outbox = new Outbox(new StreamCatalog(), 1 << 22, 100);
    private final OutboxEntries entries = new OutboxEntries(outbox, symbols);
    private long sequence;
    private long receiveMicros = T0;

    NormalizeStageRig()
    {
        btc = symbols.intern(BTC);
        eth = symbols.intern(ETH);
        instruments.offer(btc, 1, 8, Instruments.SOURCE_CONFIG);
        instruments.offer(eth, 2, 8, Instruments.SOURCE_CONFIG);
        stage = new NormalizeStage(symbols, instruments, resync, outbox, DEPTH, new EventClock(5_000_000, false), 10);
    }

    FeedCounters counters()
    {
        return stage.counters();
    }

    /** When the last slot was received. */
    long receiveMicros()
    {
        return receiveMicros;
    }

    List<Entry> frame(final String text)
    {
        return frame(text.getBytes(StandardCharsets.US_ASCII));
    }

    List<Entry> frame(final byte[] bytes)
    {
        event.kind = FrameEvent.KIND_FRAME;
        event.frame.putBytes(0, bytes);
        event.length = bytes.length;
        return deliver();
    }

    List<Entry> sessionStart()
    {
        event.kind = FrameEvent.KIND_SESSION_START;
        event.length = 0;
        return deliver();
    }

    /** A frame the feed could not copy into the slot: only its length comes. */
    List<Entry> oversized(final int length)
    {
        event.kind = FrameEvent.KIND_OVERSIZED;
        event.length = length;
        return deliver();
    }

    /** Snapshots of BTC and ETH with valid checksums, 10 levels a side. */
    void bothBooksValid()
    {
        frame(frames.snapshot(BTC, 0, ladder(628_000, -5, 10), ladder(628_005, 5, 10)));
        frame(frames.snapshot(ETH, 0, ladder(300_000, -1, 10), ladder(300_001, 1, 10)));
    }

    /** The slot carries one symbol's update, for {@code symbolId}. */
    SymbolUpdate onlyUpdate(final int symbolId)
    {
        assertEquals(1, event.updateCount);
        assertEquals(symbolId, event.updates[0].symbolId);
        return event.updates[0];
    }

    /** (price, qty) pairs from {@code top} by {@code step}, qty 0.1, 0.2, ... at qty precision 8. */
    static long[] ladder(final long top, final long step, final int levels)
    {
        final long[] pairs = new long[2 * levels];
        for (int i = 0; i < levels; i++)
        {
            pairs[2 * i] = top + step * i;
            pairs[2 * i + 1] = (i + 1) * 10_000_000L;
        }
        return pairs;
    }

    /** A Kraken frame of {@code src/test/resources/kraken/}. */
    static String resource(final String name)
    {
        try (InputStream in = NormalizeStageRig.class.getResourceAsStream("/kraken/" + name + ".json"))
        {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    private List<Entry> deliver()
    {
        event.receiveEpochMicros = receiveMicros += 1_000;
        stage.onEvent(event, sequence++, true);
        return entries.drain();
    }
}
