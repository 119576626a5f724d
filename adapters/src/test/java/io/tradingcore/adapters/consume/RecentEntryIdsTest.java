package io.tradingcore.adapters.consume;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecentEntryIdsTest
{
    @Test
    void theWindowHoldsExactlyTheLastNIdsAndTheOldestDropsOut()
    {
        final RecentEntryIds recent = new RecentEntryIds(3);
        recent.add("a");
        recent.add("b");
        recent.add("c");
        assertTrue(recent.contains("a") && recent.contains("b") && recent.contains("c"), "a full window holds all three");

        recent.add("d");
        assertFalse(recent.contains("a"), "the oldest id dropped out of the window");
        assertTrue(recent.contains("b") && recent.contains("c") && recent.contains("d"));

        recent.add("e");
        assertFalse(recent.contains("b"));
        assertTrue(recent.contains("c") && recent.contains("d") && recent.contains("e"));
    }

    @Test
    void aRedeliveredIdTakesNoSecondSlot()
    {
        final RecentEntryIds recent = new RecentEntryIds(3);
        recent.add("a");
        recent.add("b");
        recent.add("a"); // seen again: still one slot, so b and a leave in their first order
        recent.add("c");
        assertTrue(recent.contains("a") && recent.contains("b") && recent.contains("c"));
        recent.add("d");
        assertFalse(recent.contains("a"), "a keeps its first slot, the oldest");
        assertTrue(recent.contains("b") && recent.contains("c") && recent.contains("d"));
    }

    @Test
    void anIdForgottenByTheWindowIsRememberedAgainWhenItReturns()
    {
        final RecentEntryIds recent = new RecentEntryIds(2);
        recent.add("a");
        recent.add("b");
        recent.add("c");
        assertFalse(recent.contains("a"));
        recent.add("a");
        assertTrue(recent.contains("a"));
        assertFalse(recent.contains("b"), "a took the oldest slot back: b's");
        assertTrue(recent.contains("c"));
    }

    @Test
    void aWindowOfNoneRemembersNothing()
    {
        final RecentEntryIds recent = new RecentEntryIds(0);
        recent.add("a");
        assertFalse(recent.contains("a"));
    }
}
