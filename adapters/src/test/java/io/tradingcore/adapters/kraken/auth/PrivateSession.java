package io.tradingcore.adapters.kraken.auth;

import io.tradingcore.adapters.Pause;
import io.tradingcore.adapters.sim.KrakenPrivateEndpoint;
import io.tradingcore.adapters.sim.KrakenSimulator;
import io.tradingcore.adapters.sim.KrakenSimulatorSettings;
import io.tradingcore.core.kraken.Side;
import io.tradingcore.core.market.SymbolTable;
import io.tradingcore.core.risk.OrderIntent;
import io.tradingcore.core.risk.RiskState;
import io.tradingcore.core.stage.ExecutionFeedback;
import io.tradingcore.core.stage.OutboxEntries;
import io.tradingcore.core.stream.Environment;
import io.tradingcore.core.stream.Outbox;
import io.tradingcore.core.stream.StreamCatalog;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * A {@link KrakenOrderClient} on the {@link KrakenSimulator}'s private endpoint over loopback, with
 * the stream entries it writes and the feedback records it sends collected for assertions.
 */
final class PrivateSession implements AutoCloseable
{
    static final String KEY = "sim-test-key";
    static final String SECRET = secret("the simulator's test account");
    static final long WAIT = 5_000;
    static final int BTC_PRICE_PRECISION = 1;
    static final int BTC_QTY_PRECISION = 8;

    final KrakenSimulator simulator;
    final KrakenPrivateEndpoint endpoint;
    final KrakenOrderClient client;
    final SymbolTable symbols = new SymbolTable();
    final Outbox outbox = new Outbox(new StreamCatalog(), 1 << 22, 50);
    final ExecutionFeedback feedback = new ExecutionFeedback(1 << 16);
    final List<String> feedbackRecords = new ArrayList<>();
    private final OutboxEntries entries = new OutboxEntries(outbox, symbols);
    private final ExecutionFeedback.Handler recorder = new ExecutionFeedback.Handler()
    {
        @Override
        public void onFill(final int symbolId, final int side, final long price, final long qty, final double fee,
            final long micros)
        {
            feedbackRecords.add("fill " + symbols.name(symbolId) + " " + Side.tradeName(side) + " " + price + " " + qty);
        }

        @Override
        public void onOrderClosed(final int symbolId, final int side, final long unfilledQty)
        {
            feedbackRecords.add("closed " + symbols.name(symbolId));
        }
    };

    /** A base64 secret derived from {@code seed}: test material, never a real credential. */
    static String secret(final String seed)
    {
        final byte[] bytes = new byte[64];
        final byte[] text = seed.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < bytes.length; i++)
        {
            bytes[i] = (byte)(text[i % text.length] + i);
        }
        return Base64.getEncoder().encodeToString(bytes);
    }

    static KrakenOrderSettings settings()
    {
        return new KrakenOrderSettings().tickMillis(2).messageRate(100, 20).backoff(20, 300, 0.2)
            .liveness(3_000, 1_000).connectTimeoutMillis(2_000).tokenTimeoutMillis(2_000).clientOrderIdPrefix("t1");
    }

    PrivateSession(final KrakenOrderSettings settings, final Environment environment, final boolean armed,
        final String clientSecret)
    {
        simulator = new KrakenSimulator(new KrakenSimulatorSettings().seed(11).symbols(List.of("BTC/USD", "ETH/USD"))
            .framesPerSecond(200).heartbeatIntervalMillis(500).privateAccount(KEY, SECRET)).start(0);
        endpoint = simulator.privateEndpoint();
        symbols.intern("BTC/USD");
        symbols.intern("ETH/USD");
        settings.endpoint(endpoint.uri()).restBaseUrl(endpoint.restUri());
        client = new KrakenOrderClient(settings, environment, armed,
            new WebSocketTokenClient(endpoint.restUri(), KEY, new KrakenRestSigner(clientSecret), Duration.ofSeconds(2)),
            symbols, outbox, feedback);
        client.start();
    }

    PrivateSession()
    {
        this(settings(), Environment.PRODUCTION, true, SECRET);
    }

    /**
     * A second client on the same endpoint and outbox, as the next process after a restart would be:
     * reconciled with {@code kept}, then started. The caller stops it.
     */
    KrakenOrderClient restartedClient(final String clientOrderIdPrefix, final RiskState kept)
    {
        final KrakenOrderClient next = new KrakenOrderClient(
            settings().clientOrderIdPrefix(clientOrderIdPrefix).endpoint(endpoint.uri()).restBaseUrl(endpoint.restUri()),
            Environment.PRODUCTION, true, new WebSocketTokenClient(endpoint.restUri(), KEY, new KrakenRestSigner(SECRET),
                Duration.ofSeconds(2)), symbols, outbox, new ExecutionFeedback(1 << 16));
        next.reconcileWith(kept);
        next.start();
        return next;
    }

    /** A kept state as of {@code eventMicros} with no position. */
    static RiskState keptState(final long eventMicros)
    {
        final RiskState kept = new RiskState(SymbolTable.MAX_SYMBOLS);
        kept.eventMicros = eventMicros;
        return kept;
    }

    /** A BTC/USD intent: {@code qty} in units of 1e-8, {@code limitPrice} in units of 0.1 (0 for market). */
    OrderIntent intent(final long id, final int side, final long qty, final long limitPrice)
    {
        final OrderIntent o = new OrderIntent();
        o.id = id;
        o.signalId = id;
        o.symbolId = symbols.intern("BTC/USD");
        o.side = side;
        o.orderType = limitPrice > 0 ? OrderIntent.LIMIT : OrderIntent.MARKET;
        o.qty = qty;
        o.limitPrice = limitPrice;
        o.pricePrecision = BTC_PRICE_PRECISION;
        o.qtyPrecision = BTC_QTY_PRECISION;
        return o;
    }

    void awaitReady()
    {
        awaitTrue(client::ready, "the client to be ready");
    }

    static void awaitTrue(final BooleanSupplier condition, final String what)
    {
        final long deadline = System.currentTimeMillis() + WAIT;
        while (!condition.getAsBoolean())
        {
            if (System.currentTimeMillis() > deadline)
            {
                fail("timed out waiting for " + what);
            }
            Pause.millis(5);
        }
    }

    /** Waits for an entry on {@code stream} whose fields match. */
    Map<String, String> await(final int stream, final Predicate<Map<String, String>> match)
    {
        return entries.await(stream, match, "matching", WAIT);
    }

    /** Every entry written to {@code stream} so far. */
    List<Map<String, String>> entries(final int stream)
    {
        return entries.all(stream);
    }

    /** The feedback records so far ("fill BTC/USD buy price qty", "closed BTC/USD"). */
    List<String> feedback()
    {
        feedback.drain(recorder);
        return feedbackRecords;
    }

    List<String> requests(final String method)
    {
        final List<String> found = new ArrayList<>();
        for (final String request : endpoint.requests())
        {
            if (request.contains("\"method\":\"" + method + "\""))
            {
                found.add(request);
            }
        }
        return found;
    }

    @Override
    public void close()
    {
        client.stop();
        simulator.close();
    }
}
