package io.tradingcore.adapters.redis;

import io.tradingcore.core.market.SymbolTable;
import io.tradingcore.core.stream.EntryReader;
import io.tradingcore.core.stream.EntryWriter;
import io.tradingcore.core.stream.Outbox;
import io.tradingcore.core.stream.StreamCatalog;
import org.agrona.DirectBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The backlog alone: what is kept, spilled or shed past the bound, the order it is sent in, release and rewind. */
final class WriteBacklogTest
{
    private static final byte[] TYPE = EntryWriter.ascii("type");
    private static final byte[] SEQ = EntryWriter.ascii("seq");

    @TempDir
    Path dir;

    private final StreamCatalog catalog = new StreamCatalog();
    private final Outbox outbox = new Outbox(catalog, 1024 * 1024, 50);
    private final EntryWriter entries = new EntryWriter(outbox);
    private final int btc = new SymbolTable().intern("BTC/USD");
    private final EntryReader reader = new EntryReader();
    private final List<String> sent = new ArrayList<>();

    @Test
    void pastTheBoundKeptEntriesSpillAndMarketDataIsShedAndCounted()
    {
        final WriteBacklog backlog = backlog(4096);
        int seq = 0;
        while (!backlog.journalActive())
        {
            take(backlog, StreamCatalog.SIGNALS_PAPER, seq++);
        }
        final long spilledAtFirst = backlog.spilled();
        take(backlog, StreamCatalog.MD_TRADES_SYMBOL, seq++);
        assertEquals(1, backlog.shed(StreamCatalog.MD_TRADES_SYMBOL));
        take(backlog, StreamCatalog.EVENTS_BUS, seq++);
        assertEquals(spilledAtFirst + 1, backlog.spilled(), "while the journal holds anything, kept entries go there");
        assertEquals(0, backlog.shed(StreamCatalog.EVENTS_BUS));
    }

    @Test
    void memoryIsSentBeforeTheJournalAndARewindMakesEverythingUnreleasedDueAgain()
    {
        final WriteBacklog backlog = backlog(4096);
        int seq = 0;
        while (!backlog.journalActive())
        {
            take(backlog, StreamCatalog.ORDERS_REQUESTS, seq++);
        }
        take(backlog, StreamCatalog.ORDERS_REQUESTS, seq++);
        backlog.flushJournal();
        final int total = seq;

        backlog.sendNext(refusingAfter(3));
        assertEquals(List.of("0/-1", "1/-1", "2/-1"), sent);
        backlog.release(-1, true, null);
        backlog.rewind();
        sent.clear();
        backlog.sendNext(refusingAfter(Integer.MAX_VALUE));
        assertEquals(total - 1, sent.size());
        assertEquals("1/-1", sent.get(0), "the released entry is not sent again");
        assertTrue(sent.get(sent.size() - 1).startsWith((total - 1) + "/") && !sent.get(sent.size() - 1).endsWith("/-1"),
            "the journal comes last: " + sent);
    }

    @Test
    void onlyInMemoryEntriesWrittenToRedisAreReportedAsAcknowledged()
    {
        final WriteBacklog backlog = backlog(64 * 1024);
        take(backlog, StreamCatalog.SIGNALS_PAPER, 0);
        take(backlog, StreamCatalog.SIGNALS_PAPER, 1);
        final List<Integer> acknowledged = new ArrayList<>();
        final AcknowledgedEntries listener = (stream, entry, offset, length) ->
            acknowledged.add(seqOf(entry, offset, length));
        backlog.sendNext(refusingAfter(2));
        backlog.release(-1, false, listener);
        backlog.release(-1, true, listener);
        assertEquals(List.of(1), acknowledged);
        assertTrue(backlog.isEmpty());
    }

    @Test
    void atCloseKeptEntriesInMemoryGoToTheJournalAheadOfItAndMarketDataIsShed() throws Exception
    {
        final Path journal = dir.resolve("j.spill");
        final WriteBacklog backlog = backlog(64 * 1024);
        take(backlog, StreamCatalog.EXEC_PAPER_CONFIRMS, 0);
        take(backlog, StreamCatalog.MD_TRADES_SYMBOL, 1);
        take(backlog, StreamCatalog.EXEC_PAPER_CONFIRMS, 2);
        assertEquals(2, backlog.persistLeftovers());
        assertEquals(1, backlog.shed(StreamCatalog.MD_TRADES_SYMBOL));
        assertTrue(Files.size(journal) > 0);

        final WriteBacklog next = backlog(64 * 1024);
        next.sendNext(refusingAfter(Integer.MAX_VALUE));
        assertEquals(2, sent.size());
        assertTrue(sent.get(0).startsWith("0/") && sent.get(1).startsWith("2/"), sent.toString());
        assertFalse(next.isEmpty());
    }

    private WriteBacklog backlog(final int queueBytes)
    {
        return new WriteBacklog(catalog, queueBytes, dir.resolve("j.spill"), 0);
    }

    private void take(final WriteBacklog backlog, final int stream, final int seq)
    {
        assertTrue(entries.begin(stream, stream == StreamCatalog.MD_TRADES_SYMBOL ? btc : -1, -1)
            .string(TYPE, "event").integer(SEQ, seq).publish());
        while (outbox.drain(backlog::take, 1) == 0)
        {
            // the ring's padding at its end is read on its own
        }
    }

    /** Records {@code seq/journalLength} of each entry offered, refusing once {@code limit} were taken. */
    private WriteBacklog.EntrySender refusingAfter(final int limit)
    {
        final int[] taken = new int[1];
        return (stream, buffer, offset, length, journalLength) ->
        {
            if (taken[0] == limit)
            {
                return false;
            }
            taken[0]++;
            sent.add(seqOf(buffer, offset, length) + "/" + journalLength);
            return true;
        };
    }

    private int seqOf(final DirectBuffer buffer, final int offset, final int length)
    {
        reader.wrap(buffer, offset, length);
        while (reader.next())
        {
            if ("seq".equals(reader.name()))
            {
                return Integer.parseInt(reader.value());
            }
        }
        throw new AssertionError("no seq");
    }
}
