package io.tradingcore.run;

import io.tradingcore.adapters.sim.KrakenPrivateEndpoint;
import io.tradingcore.adapters.sim.KrakenSimulator;
import io.tradingcore.adapters.sim.KrakenSimulatorSettings;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The core in LIVE mode (production, armed) against the simulator's public feed and authenticated
 * endpoint over loopback, with a test account whose key and secret are no credential.
 */
final class LiveCore
{
    private static final String API_KEY = "test-key";
    private static final String API_SECRET =
        Base64.getEncoder().encodeToString("a test secret that is not a credential".getBytes(StandardCharsets.US_ASCII));

    private LiveCore()
    {
    }

    /** A simulator of {@code symbols} with the test account on its authenticated endpoint, started. */
    static KrakenSimulator simulator(final List<String> symbols, final int framesPerSecond)
    {
        return new KrakenSimulator(new KrakenSimulatorSettings().symbols(symbols).framesPerSecond(framesPerSecond)
            .privateAccount(API_KEY, API_SECRET)).start(0);
    }

    /**
     * Starts the core on {@code kraken} with {@code krakenYaml} (more {@code kraken.*} lines, indented two
     * spaces) and {@code moreArgs}, its config and spill in {@code dir}.
     */
    static CoreRun start(final Path dir, final KrakenSimulator kraken, final String redisUrl, final String krakenYaml,
        final String... moreArgs) throws Exception
    {
        final KrakenPrivateEndpoint auth = kraken.privateEndpoint();
        final Path config = Files.writeString(dir.resolve("simulated-kraken.yaml"),
            "kraken:\n  publicUrl: " + kraken.uri() + "\n  privateUrl: " + auth.uri() + "\n  restUrl: "
                + auth.restUri() + "\n  ohlc:\n    intervals: [1, 5]\n" + krakenYaml
                + "ring:\n  size: 4096\n  topology: compact\n  waitStrategy: yielding\n");
        final List<String> args = new ArrayList<>(List.of("--env", "production", "--arm-live", "--feed", "kraken",
            "--config", config.toString(), "--redis", redisUrl, "--spill-path", dir.resolve("spill").toString()));
        args.addAll(List.of(moreArgs));
        return CoreRun.start(Map.of("KRAKEN_API_KEY", API_KEY, "KRAKEN_API_SECRET", API_SECRET), args);
    }
}
