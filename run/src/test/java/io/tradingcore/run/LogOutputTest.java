package io.tradingcore.run;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code logs.format json} gives one JSON object per log line; {@code logs.level} filters; a bad level exits 2. */
class LogOutputTest
{
    private static final Logger LOG = LoggerFactory.getLogger(LogOutputTest.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @AfterEach
    void backToText()
    {
        LogOutput.apply("text", "info");
    }

    @Test
    void jsonLinesAtTheConfiguredLevel()
    {
        final String logged = stderrOf(() ->
        {
            LogOutput.apply("json", "warn");
            LOG.info("not at warn");
            LOG.warn("replay: {} frames", 42);
        });
        final List<JsonNode> lines = new ArrayList<>();
        for (final String line : logged.split("\n"))
        {
            lines.add(JSON.readTree(line));
        }
        assertEquals(1, lines.size(), logged);
        final JsonNode line = lines.get(0);
        assertEquals("WARN", line.get("level").asString());
        assertEquals("replay: 42 frames", line.get("formattedMessage").asString());
        assertEquals(LogOutputTest.class.getName(), line.get("loggerName").asString());
        assertTrue(line.get("timestamp").asLong() > 0, logged);
    }

    @Test
    void textAgainAfterwards()
    {
        final String logged = stderrOf(() ->
        {
            LogOutput.apply("json", "info");
            LogOutput.apply("text", "info");
            LOG.info("plain words");
        });
        assertTrue(logged.contains(" INFO LogOutputTest - plain words"), logged);
        assertFalse(logged.startsWith("{"), logged);
    }

    @Test
    void anUnknownLevelFromTheEnvironmentIsABadConfiguration()
    {
        final CoreRun run = CoreRun.run(Map.of("LOG_LEVEL", "loud"), List.of("--feed", "sim"))
            .assertExit(TradingCoreMain.EXIT_BAD_CONFIG);
        assertTrue(run.err().contains("LOG_LEVEL") && run.err().contains("logs.level"), run.err());
    }

    private static String stderrOf(final Runnable logging)
    {
        final PrintStream err = System.err;
        final ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try
        {
            logging.run();
        }
        finally
        {
            System.setErr(err);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
