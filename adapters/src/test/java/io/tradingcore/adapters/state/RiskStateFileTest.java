package io.tradingcore.adapters.state;

import io.tradingcore.core.market.SymbolTable;
import io.tradingcore.core.risk.RiskState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
