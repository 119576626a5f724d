package io.tradingcore.run;

import io.tradingcore.adapters.config.ConfigLoader;
import io.tradingcore.core.market.FeeSchedule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Paper fills, risk and the arbitrage scorer read their fees from the one configured schedule. */
class OneFeeScheduleTest
{
    @TempDir
    Path dir;

    @Test
    void theCoreReadsTheAccountsTierFromTheFeesSection() throws Exception
    {
        Files.writeString(dir.resolve("base.yaml"), "fees:\n  thirtyDayVolumeUsd: 60000\n");
        final ConfiguredParameters parameters = new ConfiguredParameters(ConfigLoader.load(new String[0], Map.of(), dir));
        assertEquals(14.0, FeeSchedule.makerBps(parameters));
        assertEquals(24.0, FeeSchedule.takerBps(parameters));
    }
}
