package io.tradingcore.adapters.redis;

import io.tradingcore.core.stream.EntryReader;
import io.tradingcore.core.stream.EntryWriter;
import io.tradingcore.core.stream.Outbox;
import io.tradingcore.core.stream.StreamCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The journal file on its own: order, rewind, truncation, and a torn tail left by a crash. */
final class SpillJournalTest
{
    private static final byte[] SEQ = EntryWriter.ascii("seq");

    @TempDir
    Path dir;

    private final Outbox outbox = new Outbox(new StreamCatalog(), 64 * 1024, 50);
    private final EntryWriter entry = new EntryWriter(outbox);

    @Test
    void theJournalIsReadableByItsOwnerOnlyWhateverTheUmask() throws IOException
    {
        final Path file = dir.resolve("owner.spill");
        try (SpillJournal ignored = new SpillJournal(file, 0))
        {
            assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)),
                "it holds signals and orders");
        }
    }

    @Test
    void recordsComeBackInOrderAgainAfterARewindAndTheFileEmptiesOnceAcknowledged() throws IOException
    {
        final Path file = dir.resolve("a.spill");
        try (SpillJournal journal = new SpillJournal(file, 0))
        {
            for (int seq = 0; seq < 3; seq++)
            {
                append(journal, StreamCatalog.ORDERS_REQUESTS, seq);
            }
            journal.flush();
            assertEquals(0, seqOfNext(journal));
            assertEquals(1, seqOfNext(journal));
            journal.rewind();
            assertEquals(0, seqOfNext(journal));
            assertFalse(journal.acknowledge(journal.entryLength()));
            assertEquals(1, seqOfNext(journal));
            assertEquals(2, seqOfNext(journal));
            assertFalse(journal.next());
            assertFalse(journal.acknowledge(journal.entryLength()));
            assertTrue(journal.acknowledge(journal.entryLength()));
            assertEquals(0, Files.size(file));
            assertFalse(journal.isActive());
        }
        assertFalse(Files.exists(file), "an empty journal is deleted at close");
    }

    @Test
    void aTornTailIsCutAndTheCompleteRecordsAreKept() throws IOException
    {
        final Path file = dir.resolve("b.spill");
        final SpillJournal first = new SpillJournal(file, 0);
        for (int seq = 0; seq < 5; seq++)
        {
            append(first, StreamCatalog.SIGNALS_PAPER, seq);
        }
        first.close();
        final long complete = Files.size(file);
        Files.write(file, new byte[] {40, 0, 0, 0, 0, 0, 0, 0, 1, 2}, StandardOpenOption.APPEND);

        try (SpillJournal reopened = new SpillJournal(file, 0))
        {
            assertEquals(5, reopened.entries());
            assertEquals(complete, Files.size(file));
            for (int seq = 0; seq < 5; seq++)
            {
                assertEquals(seq, seqOfNext(reopened));
                assertEquals(StreamCatalog.SIGNALS_PAPER, reopened.stream());
            }
            assertFalse(reopened.next());
        }
    }

    /** Encodes and publishes the entry, then drains it into the journal as the writer does. */
    private void append(final SpillJournal journal, final int stream, final int seq)
    {
        assertTrue(entry.begin(stream, -1, -1).integer(SEQ, seq).publish());
        assertEquals(1, outbox.drain((type, buffer, index, length) -> journal.append(type, buffer, index, length), 1));
    }

    private static int seqOfNext(final SpillJournal journal)
    {
        assertTrue(journal.next());
        final EntryReader reader = new EntryReader().wrap(journal.buffer(), journal.entryOffset(), journal.entryLength());
        assertTrue(reader.next());
        return Integer.parseInt(reader.value());
    }
}
