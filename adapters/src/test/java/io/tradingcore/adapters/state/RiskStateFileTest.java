package io.tradingcore.adapters.state;

import io.tradingcore.core.market.SymbolTable;
import io.tradingcore.core.risk.RiskState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RiskStateFileTest
{
    @TempDir
    Path dir;

    @Test
    void symbolsTravelByNameSoIdsMayDifferInTheNextProcess() throws IOException
    {
        final SymbolTable before = new SymbolTable();
        before.intern("ETH/USD");
        final int btc = before.intern("BTC/USD");
        final RiskState state = new RiskState(SymbolTable.MAX_SYMBOLS);
        state.traded[btc] = true;
        state.position[btc] = -12_345_678;
        state.qtyPrecision[btc] = 8;
        state.pricePrecision[btc] = 1;
        state.averagePrice[btc] = 62_800.5;
        state.realized[btc] = -3.25;
        state.rateCount[btc] = 7.5;
        state.rateUpdatedMicros[btc] = 1_786_924_800_000_000L;
        state.killSwitchTripped = true;
        state.killSwitchDay = 20_682;
        state.day = 20_682;
        state.dailyDrawdown = 251.0;
        state.lossStreak = 3;
        state.fills = 42;
        final RiskStateFile file = new RiskStateFile(dir);
        file.write(state, before);

        final SymbolTable after = new SymbolTable();
        final int btcNow = after.intern("BTC/USD");
        final RiskState read = file.read(after);
        assertEquals(-12_345_678, read.position[btcNow]);
        assertTrue(read.traded[btcNow]);
        assertEquals(8, read.qtyPrecision[btcNow]);
        assertEquals(62_800.5, read.averagePrice[btcNow]);
        assertEquals(-3.25, read.realized[btcNow]);
        assertEquals(7.5, read.rateCount[btcNow]);
        assertTrue(Double.isNaN(read.markPrice[btcNow]));
        assertTrue(read.killSwitchTripped);
        assertEquals(20_682, read.killSwitchDay);
        assertEquals(251.0, read.dailyDrawdown);
        assertEquals(3, read.lossStreak);
        assertEquals(42, read.fills);
        assertEquals(1, after.size(), "only what was held or charged is kept");
    }

    /**
     * Every public field of {@link RiskState}, set apart from a fresh state's value, reads back as written:
     * a field added to the state but not to the file fails here (first the coverage check, then the round trip).
     */
    @Test
    void everyFieldOfTheStateRoundTrips() throws Exception
    {
        final SymbolTable before = new SymbolTable();
        final int eth = before.intern("ETH/USD");
        final int btc = before.intern("BTC/USD");
        final int sol = before.intern("SOL/USD");
        final RiskState state = new RiskState(SymbolTable.MAX_SYMBOLS);
        state.eventMicros = 1_786_924_812_345_678L;
        state.fills = 42;
        state.day = 20_682;
        state.dayPeak = 1_250.75;
        state.dailyDrawdown = 251.0;
        state.wins = 5;
        state.losses = 4;
        state.lossStreak = 3;
        state.lastLossMicros = 1_786_924_700_000_001L;
        state.lastRoundTrip = -12.5;
        state.killSwitchTripped = true;
        state.killSwitchDay = 20_681;
        state.traded[btc] = true;
        state.position[btc] = -12_345_678;
        state.qtyPrecision[btc] = 8;
        state.pricePrecision[btc] = 1;
        state.averagePrice[btc] = 62_800.5;
        state.realized[btc] = -3.25;
        state.fees[btc] = 1.625;
        state.tripResult[btc] = -0.75;
        state.markPrice[btc] = 62_750.1;
        state.unrealized[btc] = 6.17;
        state.rateCount[btc] = 7.5;
        state.rateUpdatedMicros[btc] = 1_786_924_800_000_000L;
        state.rateCount[sol] = 2.0; // charged, never traded: the rate counter is kept too
        state.rateUpdatedMicros[sol] = 1_786_924_811_000_000L;
        final RiskState fresh = new RiskState(SymbolTable.MAX_SYMBOLS);
        for (final Field field : keptFields())
        {
            assertFalse(sameValue(field, state, btc, fresh, btc), "the test sets " + field.getName());
        }
        final RiskStateFile file = new RiskStateFile(dir);
        file.write(state, before);

        final SymbolTable after = new SymbolTable();
        final RiskState read = file.read(after);
        assertEquals(2, after.size(), "ETH/USD was neither held nor charged: only BTC/USD and SOL/USD are kept");
        final int btcNow = after.intern("BTC/USD");
        final int solNow = after.intern("SOL/USD");
        assertEquals(2, after.size(), "both were read back");
        for (final Field field : keptFields())
        {
            assertTrue(sameValue(field, state, btc, read, btcNow), field.getName() + " round-trips");
            assertTrue(sameValue(field, state, sol, read, solNow), "SOL/USD " + field.getName() + " round-trips");
        }
    }

    private static List<Field> keptFields()
    {
        final List<Field> fields = new ArrayList<>();
        for (final Field field : RiskState.class.getFields())
        {
            if (!Modifier.isStatic(field.getModifiers()))
            {
                fields.add(field);
            }
        }
        assertTrue(fields.size() > 20, "RiskState's fields: " + fields);
        return fields;
    }

    /** A scalar field, or an array field at the symbol's id in each state (ids differ between processes). */
    private static boolean sameValue(final Field field, final RiskState a, final int idA, final RiskState b, final int idB)
        throws IllegalAccessException
    {
        final Object valueA = field.get(a);
        final Object valueB = field.get(b);
        return field.getType().isArray() ? Array.get(valueA, idA).equals(Array.get(valueB, idB)) : valueA.equals(valueB);
    }

    @Test
    void noFileIsAFirstStartAndABrokenOneStopsTheStart() throws IOException
    {
        final RiskStateFile file = new RiskStateFile(dir);
        assertNull(file.read(new SymbolTable()));
        Files.writeString(file.path(), "format=1\nfills=3\n");
        final IOException broken = assertThrows(IOException.class, () -> file.read(new SymbolTable()));
        assertTrue(broken.getMessage().contains("missing"), broken.getMessage());
        assertTrue(broken.getMessage().contains(file.path().toString()), broken.getMessage());
    }
}
