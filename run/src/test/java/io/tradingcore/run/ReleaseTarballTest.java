package io.tradingcore.run;

import io.tradingcore.adapters.metrics.MetricsScrape;
import io.tradingcore.adapters.redis.RedisServerFixture;
import io.tradingcore.adapters.sim.KrakenSimulator;
import io.tradingcore.adapters.sim.KrakenSimulatorSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The release tarball on a host with only a JRE: unpacked into a temporary root, it answers
 * --version and --help from any directory, refuses clearly without its jar, carries the natives of
 * Linux x86-64 and aarch64 only (and they load here), passes
 * systemd-analyze verify, and the unit's ExecStart line (its paths moved under the temporary root,
 * its Environment=, UMask= and the directories systemd would create) runs to a clean SIGTERM stop.
 * Runs in the integration-test phase, after the package phase made the tarball.
 */
class ReleaseTarballTest
{
    private static final String INSTALL = "/opt/trading-core";
    private static final String STATE = "/var/lib/trading-core";
    private static final String LOGS = "/var/log/trading-core";

    @TempDir
    Path root;

    private Path unpack() throws Exception
    {
        final Path tarball = CoreRun.home().resolve("run").resolve("target")
            .resolve("trading-core-" + BuildInfo.load().version() + ".tar.gz");
        assertTrue(Files.isRegularFile(tarball), tarball + " (mvn package makes it)");
        Files.createDirectories(root.resolve("opt"));
        assertEquals(0, exec(root, List.of("tar", "-xzf", tarball.toString(), "-C", root.resolve("opt").toString())).code);
        final Path home = root.resolve("opt").resolve("trading-core");
        Files.move(root.resolve("opt").resolve("trading-core-" + BuildInfo.load().version()), home);
        for (final String entry : List.of("bin/trading-core", "bin/consume", "bin/lib/common.sh", "lib/trading-core.jar",
            "config/base.yaml", "config/kraken.yaml", "config/production.yaml", "schemas/signal.schema.json",
            "tuning/jvm-latency.options", "systemd/trading-core.service", "INSTALL.md",
            "ops/grafana/trading-core.json", "ops/prometheus/trading-core-alerts.yml", "ops/prometheus/prometheus.yml"))
        {
            assertTrue(Files.isRegularFile(home.resolve(entry)), entry);
        }
        assertTrue(Files.isExecutable(home.resolve("bin/trading-core")));
        assertFalse(Files.readString(home.resolve("INSTALL.md")).contains("${project.version}"), "the install note names its version");
        return home;
    }

    @Test
    void theLaunchersAnswerFromAnyDirectoryAndNeverBuild() throws Exception
    {
        final Path home = unpack();
        final Ran version = exec(root, List.of(home.resolve("bin/trading-core").toString(), "--version"));
        assertEquals(0, version.code, version.output);
        assertEquals(BuildInfo.load().toString(), version.output.strip());

        final Ran help = exec(root, List.of(home.resolve("bin/trading-core").toString(), "--help"),
            Map.of("TRADING_JVM_PROFILE", "latency", "JDK_JAVA_OPTIONS", "-XX:+PrintCommandLineFlags"));
        assertEquals(0, help.code, help.output);
        assertTrue(help.output.contains("Usage: trading-core"), help.output);
        assertTrue(help.output.contains("-XX:MaxHeapSize=67108864") && !help.output.contains("AlwaysPreTouch"),
            "--help pre-touches no heap: " + help.output);

        Files.delete(home.resolve("lib/trading-core.jar"));
        final Ran missing = exec(root, List.of(home.resolve("bin/trading-core").toString(), "--help"));
        assertEquals(1, missing.code);
        assertTrue(missing.output.contains("installation is incomplete") && !missing.output.contains("building"),
            missing.output);
    }

    @Test
    void theLeanJarKeepsOnlyTheLinuxNativesAndTheyLoad() throws Exception
    {
        final Path home = unpack();
        final Path jar = home.resolve("lib/trading-core.jar");
        final List<String> entries;
        try (ZipFile zip = new ZipFile(jar.toFile()))
        {
            entries = zip.stream().map(ZipEntry::getName).toList();
        }
        for (final String kept : List.of("com/sun/jna/linux-x86-64/libjnidispatch.so", "com/sun/jna/linux-aarch64/libjnidispatch.so",
            "jni/x86_64-Linux/libjffi-1.2.so", "jni/aarch64-Linux/libjffi-1.2.so"))
        {
            assertTrue(entries.contains(kept), kept);
        }
        final List<String> foreign = entries.stream().filter(e -> e.matches(
            "com/sun/jna/(?!linux-x86-64/|linux-aarch64/)[a-z0-9]+-[a-z0-9-]+/.+|jni/(?!x86_64-Linux/|aarch64-Linux/).+"
                + "|com/sun/jna/platform/.+|jnr/constants/platform/(darwin|windows|freebsd|openbsd|solaris|aix)/.+")).toList();
        assertTrue(foreign.isEmpty(), "natives for other platforms: " + foreign);

        final Path check = root.resolve("NativeCheck.java");
        try (InputStream source = getClass().getResourceAsStream("/NativeCheck.java"))
        {
            Files.copy(source, check);
        }
        final List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        for (final String option : Files.readAllLines(home.resolve("tuning/jvm-base.options")))
        {
            if (!option.isBlank() && !option.startsWith("#"))
            {
                command.add(option.strip());
            }
        }
        command.addAll(List.of("-cp", jar.toString(), check.toString()));
        final Ran ran = exec(root, command);
        assertEquals(0, ran.code, ran.output);
        assertTrue(ran.output.matches("(?s)LinuxJNAAffinity\\ntrue\\n(x86_64|aarch64)-Linux\\ntrue\\n"), ran.output);
    }

    /** One scenario in named steps, not a test a step: each would unpack and start the release again. */
    @Test
    void theUnitsExecStartRunsTheInstalledReleaseToACleanStop() throws Exception
    {
        final Path home = unpack();
        final SystemdUnit unit = SystemdUnit.read(home.resolve("systemd/trading-core.service"));
        try (RedisServerFixture redis = RedisServerFixture.plain();
            RedisReadBack streams = new RedisReadBack(redis.url());
            KrakenSimulator kraken = new KrakenSimulator(new KrakenSimulatorSettings()
                .symbols(List.of("BTC/USD", "ETH/USD", "ETH/BTC", "SOL/USD")).bookDepth(10).framesPerSecond(500)).start(0))
        {
            // step: install as an operator would, then start the unit's ExecStart with its environment
            final int metricsPort = freePort();
            // what an operator configures on the host: the venue (here the simulator) and a free metrics port
            edit(home.resolve("config/kraken.yaml"), "publicUrl: wss://ws.kraken.com/v2", "publicUrl: " + kraken.uri());
            edit(home.resolve("config/production.yaml"), "httpPort: 9464", "httpPort: " + metricsPort);

            final List<String> command = new ArrayList<>(List.of("/bin/sh", "-c", "umask " + unit.value("UMask")
                + " && exec \"$@\"", "sh"));
            for (final String word : unit.value("ExecStart").split("\\s+"))
            {
                command.add(moved(word));
            }
            final Map<String, String> env = new HashMap<>();
            for (final String assignment : unit.values("Environment"))
            {
                env.put(assignment.substring(0, assignment.indexOf('=')), assignment.substring(assignment.indexOf('=') + 1));
            }
            env.put("STATE_DIRECTORY", moved(STATE));
            env.put("LOGS_DIRECTORY", moved(LOGS));
            env.put("REDIS_URL", redis.url());
            env.put("TRADING_OPERATOR_TOKEN", "release-test-token");
            final Path workingDirectory = Path.of(moved(unit.value("WorkingDirectory")));
            Files.createDirectories(workingDirectory);
            Files.createDirectories(Path.of(moved(LOGS)));

            final Path output = root.resolve("trading-core.out");
            final ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile());
            builder.environment().putAll(env);
            final Process process = builder.start();
            try
            {
                // step: the start event names the installed build and the unit's environment
                assertTrue(streams.awaitEntry("events:bus", e -> "start".equals(e.get("event")), Duration.ofSeconds(120)),
                    "the start event; output:\n" + Files.readString(output));
                final RedisReadBack.Entry start = streams.entries("events:bus").stream()
                    .filter(e -> "start".equals(e.get("event"))).findFirst().orElseThrow();
                assertEquals(BuildInfo.load().version(), start.get("version"));
                assertEquals(BuildInfo.load().commit(), start.get("commit"));
                assertEquals("production", start.get("environment"));

                // step: ready on the venue, the scrape names the build, the operator's reset is served
                final URI metrics = URI.create("http://127.0.0.1:" + metricsPort + "/metrics");
                assertTrue(awaitReady(URI.create("http://127.0.0.1:" + metricsPort + "/ready")),
                    "ready on the simulated venue; output:\n" + Files.readString(output));
                assertEquals(BuildInfo.load().commit(), MetricsScrape.families(metrics).get("build_info").getMetric(0)
                    .getLabelList().stream().filter(l -> l.getName().equals("commit")).findFirst().orElseThrow().getValue());
                assertEquals(202, HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + metricsPort + "/risk/kill-switch/reset"))
                    .header("X-Operator-Token", "release-test-token").POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode(), "the operator reset is served");

                // step: SIGTERM stops it cleanly within TimeoutStopSec
                process.destroy();
                assertTrue(process.waitFor(Long.parseLong(unit.value("TimeoutStopSec")), TimeUnit.SECONDS),
                    "stopped within TimeoutStopSec");
                final String printed = Files.readString(output);
                assertEquals(0, process.exitValue(), printed);
                assertTrue(printed.contains("(stopped by signal)"), printed);
                assertFalse(printed.contains("UnsatisfiedLinkError") || printed.contains("NoClassDefFoundError"), printed);
                assertTrue(streams.entries("events:bus").stream().anyMatch(e -> "stop".equals(e.get("event"))));
            }
            finally
            {
                process.destroyForcibly();
            }
            // step: logs and state went to systemd's directories, private to the service, nothing under the installation
            final Path gcLog = Path.of(moved(LOGS)).resolve("trading-core-gc.log");
            assertTrue(Files.size(gcLog) > 0, "the latency profile's GC log is in LogsDirectory");
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(gcLog)), "UMask=0077");
            assertTrue(Files.isDirectory(Path.of(moved(STATE)).resolve("spill")), "the spill journal lives in StateDirectory");
            try (Stream<Path> state = Files.list(Path.of(moved(STATE)).resolve("state")))
            {
                final List<Path> files = state.toList();
                assertFalse(files.isEmpty(), "the risk state is saved in StateDirectory at the stop");
                for (final Path file : files)
                {
                    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)), file.toString());
                }
            }
            assertFalse(Files.exists(home.resolve("var")), "nothing is written under the installation");
        }
    }

    /** systemd-analyze verify with the tarball installed at the unit's paths under a root of our own. */
    @Test
    void systemdVerifiesTheInstalledUnit() throws Exception
    {
        final Path home = unpack();
        assumeTrue(SystemdUnitTest.onPath("systemd-analyze"), "systemd-analyze is not installed (run/test installs systemd)");
        final Path units = Files.createDirectories(root.resolve("lib/systemd/system"));
        try (Stream<Path> targets = Files.list(Path.of("/lib/systemd/system")))
        {
            for (final Path target : targets.filter(p -> p.toString().endsWith(".target")).toList())
            {
                Files.copy(target, units.resolve(target.getFileName()));
            }
        }
        final Path installed = Files.copy(home.resolve("systemd/trading-core.service"),
            Files.createDirectories(root.resolve("etc/systemd/system")).resolve("trading-core.service"));
        final Ran verify = exec(root, List.of("systemd-analyze", "verify", "--root=" + root, installed.toString()));
        assertEquals(0, verify.code, verify.output);
        assertEquals("", verify.output.strip(), "verify is clean");
    }

    /** A path of the unit, moved under the temporary root. */
    private String moved(final String word)
    {
        for (final String prefix : List.of(INSTALL, STATE, LOGS))
        {
            if (word.startsWith(prefix))
            {
                return root + word;
            }
        }
        return word;
    }

    private static boolean awaitReady(final URI ready) throws Exception
    {
        final HttpClient http = HttpClient.newHttpClient();
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline)
        {
            try
            {
                if (http.send(HttpRequest.newBuilder(ready).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200)
                {
                    return true;
                }
            }
            catch (final IOException notListeningYet)
            {
                // the JVM is still pre-touching its heap
            }
            Thread.sleep(250);
        }
        return false;
    }

    private static void edit(final Path file, final String from, final String to) throws Exception
    {
        final String text = Files.readString(file);
        assertTrue(text.contains(from), file + " has " + from);
        Files.writeString(file, text.replace(from, to));
    }

    private static int freePort() throws Exception
    {
        try (ServerSocket probe = new ServerSocket(0))
        {
            return probe.getLocalPort();
        }
    }

    private static Ran exec(final Path dir, final List<String> command) throws Exception
    {
        return exec(dir, command, Map.of());
    }

    private static Ran exec(final Path dir, final List<String> command, final Map<String, String> env) throws Exception
    {
        final ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        final Process process = builder.start();
        final String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), String.join(" ", command));
        return new Ran(process.exitValue(), output);
    }

    private record Ran(int code, String output)
    {
    }
}
