package io.tradingcore.adapters.consume;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecentEntryIdsTest
{
    @Test
    void theWindowHoldsExactlyTheLastNIdsAndTheOldestDropsOut()
    {
        final RecentEntryIds recent = added(new RecentEntryIds(3), "a", "b", "c");
        assertTrue(holds(recent, "a", "b", "c"), "a full window holds all three");
        recent.add("d");
        assertFalse(recent.contains("a"), "the oldest id dropped out of the window");
        assertTrue(holds(recent, "b", "c", "d"));
        recent.add("e");
        assertFalse(recent.contains("b"));
        assertTrue(holds(recent, "c", "d", "e"));
    }

    @Test
    void aRedeliveredIdTakesNoSecondSlot()
    {
        // a seen again: still one slot, so it leaves first, then b
        final RecentEntryIds recent = added(new RecentEntryIds(3), "a", "b", "a", "c");
        assertTrue(holds(recent, "a", "b", "c"));
        recent.add("d");
        assertFalse(recent.contains("a"), "a keeps its first slot, the oldest");
        assertTrue(holds(recent, "b", "c", "d"));
    }

    @Test
    void anIdForgottenByTheWindowIsRememberedAgainWhenItReturns()
    {
        final RecentEntryIds recent = added(new RecentEntryIds(2), "a", "b", "c");
        assertFalse(recent.contains("a"));
        recent.add("a");
        assertFalse(recent.contains("b"), "a took the oldest slot back: b's");
        assertTrue(holds(recent, "c", "a"));
    }

    @Test
    void aWindowOfNoneRemembersNothing()
    {
        assertFalse(added(new RecentEntryIds(0), "a").contains("a"));
    }

    private static RecentEntryIds added(final RecentEntryIds recent, final String... ids)
    {
        for (final String id : ids)
        {
            recent.add(id);
        }
        return recent;
    }

    private static boolean holds(final RecentEntryIds recent, final String... ids)
    {
        return Arrays.stream(ids).allMatch(recent::contains);
    }
}
