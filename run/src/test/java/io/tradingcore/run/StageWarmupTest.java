package io.tradingcore.run;

import io.tradingcore.adapters.config.ConfigLoader;
import io.tradingcore.adapters.config.TradingConfig;
import io.tradingcore.core.kraken.Channel;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The warm-up runs a real synthetic session through every stage of its throwaway copy. */
class StageWarmupTest
{
    @Test
    void exercisesParserBooksStrategiesRiskAndExecution() throws Exception
    {
        final TradingConfig config = ConfigLoader.load(new String[] {"--feed", "sim"}, Map.of(),
            CoreRun.home().resolve("run/config"));
        final StageWarmup warmup = new StageWarmup(config, new ConfiguredParameters(config));

        assertEquals(20_000, warmup.run(20_000));

        final StageAssembly stages = warmup.stages();
        assertTrue(stages.normalize.counters().checksumsVerified() > 5_000, "books verified");
        assertEquals(0, stages.normalize.counters().checksumsFailed());
        assertTrue(stages.normalize.counters().frames(Channel.TRADE) > 500, "trades parsed");
        assertTrue(stages.execution.tickToDecision().getTotalCount() > 5_000, "ticks reached the execution stage");
    }
}
