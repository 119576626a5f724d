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

    /**
     * Every public field of {@link RiskState}, set apart from a fresh state's value, reads back as written
     * (a field added to the state but not to the file fails here: first the coverage check, then the round
     * trip), and symbols travel by name, so ids may differ in the next process.
     */
    @Test
    void everyFieldOfTheStateRoundTripsWithSymbolsByName() throws Exception
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
        final int solNow = after.intern("SOL/USD"); // configured in another order this time
        after.intern("XRP/USD");
        final RiskState read = file.read(after);
        assertEquals(3, after.size(), "ETH/USD was neither held nor charged: only BTC/USD and SOL/USD are kept");
        final int btcNow = after.intern("BTC/USD");
        assertEquals(3, after.size(), "BTC/USD was read back");
        assertTrue(btcNow != btc && solNow != sol, "the ids differ between the processes");
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
