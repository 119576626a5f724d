package io.tradingcore.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The shipped unit file, read as systemd reads its [Service] keys (one value per line, repeatable keys kept in order). */
final class SystemdUnit
{
    private final List<String> lines;

    private SystemdUnit(final List<String> lines)
    {
        this.lines = lines;
    }

    static SystemdUnit read(final Path file) throws IOException
    {
        return new SystemdUnit(Files.readAllLines(file));
    }

    /** The unit in this source tree. */
    static Path source()
    {
        return CoreRun.home().resolve("run").resolve("systemd").resolve("trading-core.service");
    }

    /** Every value of {@code key}, in order. */
    List<String> values(final String key)
    {
        final List<String> values = new ArrayList<>();
        for (final String line : lines)
        {
            if (line.startsWith(key + "="))
            {
                values.add(line.substring(key.length() + 1).strip());
            }
        }
        return values;
    }

    /** The single value of {@code key}. */
    String value(final String key)
    {
        final List<String> values = values(key);
        assertEquals(1, values.size(), key + " once: " + values);
        return values.get(0);
    }
}
