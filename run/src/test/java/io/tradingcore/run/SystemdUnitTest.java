package io.tradingcore.run;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The unit file on its own: the stop budget agrees with the code's, state and logs live where the
 * sandbox lets the service write, and systemd rates the sandbox. ReleaseTarballTest runs its
 * ExecStart from an installed tarball and has systemd-analyze verify it.
 */
class SystemdUnitTest
{
    private static final Pattern EXPOSURE = Pattern.compile("Overall exposure level for \\S+: (\\d+\\.\\d+)");

    @Test
    void systemdWaitsLongerThanTheWorstCaseStop() throws Exception
    {
        final SystemdUnit unit = SystemdUnit.read(SystemdUnit.source());
        final Duration timeoutStop = Duration.ofSeconds(Long.parseLong(unit.value("TimeoutStopSec")));
        assertTrue(StopBudget.HOOK_WAIT.compareTo(StopBudget.WORST_CASE) > 0, "the hook outwaits the core's own worst case");
        assertTrue(timeoutStop.compareTo(StopBudget.HOOK_WAIT.plusSeconds(5)) >= 0,
            "TimeoutStopSec " + timeoutStop + " must exceed the hook's wait " + StopBudget.HOOK_WAIT + " by 5 s or more");
        assertEquals("SIGTERM", unit.value("KillSignal"));
    }

    @Test
    void stateAndLogsGoToTheDirectoriesSystemdCreatesOwnerOnly() throws Exception
    {
        final SystemdUnit unit = SystemdUnit.read(SystemdUnit.source());
        assertEquals("trading-core", unit.value("StateDirectory"));
        assertEquals("trading-core", unit.value("LogsDirectory"));
        assertEquals("0077", unit.value("UMask"), "the spill journal holds signals and orders");
        assertTrue(unit.value("ExecStart").contains("--spill-path /var/lib/trading-core/spill")
            && unit.value("ExecStart").contains("--state-dir /var/lib/trading-core/state"), unit.value("ExecStart"));
        assertTrue(unit.values("ReadWritePaths").isEmpty(), "nothing writable but the state and logs directories");
        assertEquals("true", unit.value("PrivateTmp"));
        for (final String option : Files.readAllLines(CoreRun.home().resolve("tuning").resolve("jvm-latency.options")))
        {
            assertFalse(option.contains("/tmp"), "PrivateTmp discards /tmp: " + option);
        }
        assertTrue(unit.values("CPUAffinity").size() == 1 && !unit.values("Environment").toString().contains("TRADING_CPUS"),
            "pinned one way: CPUAffinity, not the launcher's taskset as well");
    }

    @Test
    void systemdRatesTheSandboxAtMostFour() throws Exception
    {
        assumeTrue(onPath("systemd-analyze"), "systemd-analyze is not installed (run/test installs systemd)");
        final Process analyze = new ProcessBuilder("systemd-analyze", "security", "--offline=true",
            SystemdUnit.source().toString()).redirectErrorStream(true).start();
        final String report = new String(analyze.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(analyze.waitFor(60, TimeUnit.SECONDS));
        final Matcher exposure = EXPOSURE.matcher(report);
        assertTrue(exposure.find(), report);
        final double level = Double.parseDouble(exposure.group(1));
        assertTrue(level <= 4.0, "exposure " + level + ":\n" + report);
        for (final String covered : List.of("ProtectHome=", "PrivateDevices=", "RestrictAddressFamilies=~AF_PACKET",
            "SystemCallFilter=~@privileged", "CapabilityBoundingSet=~CAP_SYS_ADMIN"))
        {
            assertTrue(report.lines().anyMatch(l -> l.startsWith("✓ " + covered)), covered + " in\n" + report);
        }
    }

    static boolean onPath(final String tool)
    {
        for (final String dir : System.getenv().getOrDefault("PATH", "").split(":"))
        {
            if (Files.isExecutable(Path.of(dir, tool)))
            {
                return true;
            }
        }
        return false;
    }
}
