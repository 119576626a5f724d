package io.tradingcore.run;

import io.tradingcore.adapters.redis.RedisServerFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Over a replay, what the trading stages wrote adds up: the paper fills give the positions and the
 * realized PnL the portfolio reports (in USD: a USD-quoted fill at 1, an ETH/BTC fill at the rate its own
 * fee was converted at), every fill traces back through its order and intent to a
 * signal, and every signal ended as either an order intent or a risk alert.
 */
class TradingConsistencyTest
{
    private static final Set<String> RULES = Set.of("kill_switch", "exchange_status", "book_invalid", "book_stale",
        "max_spread_bps", "loss_streak_cooldown", "max_open_orders", "max_order_notional", "max_position_notional",
        "rate_counter", "order_too_small", "order_entry_refused", "no_usd_conversion");

    @TempDir
    static Path dir;
    private static RedisServerFixture redis;
    private static RedisReadBack streams;
    private static List<RedisReadBack.Entry> signals;
    private static List<RedisReadBack.Entry> intents;
    private static List<RedisReadBack.Entry> executions;
    private static List<RedisReadBack.Entry> fills;

    @BeforeAll
    static void replay() throws IOException
    {
        redis = RedisServerFixture.plain();
        final Path recording = TestRecording.write(dir.resolve("session.jsonl"));
        CoreRun.run(CoreRun.replay(recording, redis.url(), dir.resolve("spill"))).assertExit(TradingCoreMain.EXIT_OK);
        streams = new RedisReadBack(redis.url());
        signals = streams.entries("signals:paper");
        intents = streams.entries("orders:requests");
        executions = streams.entries("exec:paper:confirms");
        fills = executions.stream().filter(e -> "execution.fill".equals(e.get("type"))).toList();
        assertFalse(fills.isEmpty(), "the replay traded");
    }

    @AfterAll
    static void stopRedis()
    {
        if (streams != null)
        {
            streams.close();
        }
        redis.close();
    }

    @Test
    void theFillsGiveThePositionsAndRealizedPnlThePortfolioReports()
    {
        final Map<String, RedisReadBack.Entry> last = new HashMap<>();
        final Map<String, List<RedisReadBack.Entry>> afterFill = new HashMap<>();
        for (final RedisReadBack.Entry update : streams.entries("portfolio:updates"))
        {
            assertEquals("portfolio.update", update.get("type"));
            last.put(update.get("symbol"), update);
            if ("fill".equals(update.get("reason")))
            {
                afterFill.computeIfAbsent(update.get("symbol"), s -> new ArrayList<>()).add(update);
            }
        }
        final Map<String, Position> recomputed = new HashMap<>();
        for (final RedisReadBack.Entry fill : fills)
        {
            final Position p = recomputed.computeIfAbsent(fill.get("symbol"), s -> new Position());
            final RedisReadBack.Entry update = afterFill.get(fill.get("symbol")).get(p.fills);
            final double feeRate = (Double.parseDouble(update.get("fees")) - p.fees) / Double.parseDouble(fill.get("fee"));
            final boolean usdQuoted = fill.get("symbol").endsWith("/USD");
            if (usdQuoted)
            {
                assertEquals(1.0, feeRate, 1e-3, "a USD quote converts at 1: " + fill);
            }
            assertTrue(feeRate > 0, fill.toString());
            p.usdQuoted = usdQuoted;
            p.fill(fill, usdQuoted ? 1.0 : feeRate);
        }
        assertEquals(recomputed.keySet(), last.keySet(), "the portfolio reports exactly the symbols traded");
        for (final Map.Entry<String, Position> e : recomputed.entrySet())
        {
            final RedisReadBack.Entry reported = last.get(e.getKey());
            final Position p = e.getValue();
            assertEquals(p.qty.doubleValue(), Double.parseDouble(reported.get("position")), 1e-8, "position " + e.getKey());
            // another quote's rates are recovered from rounded fees: exact to about 1e-3
            final double tolerance = p.usdQuoted ? 1e-5 : 1e-3 * Math.max(1.0, Math.abs(p.realized));
            assertEquals(p.realized, Double.parseDouble(reported.get("realized_pnl")), tolerance, "realized PnL " + e.getKey());
            assertEquals(p.fees, Double.parseDouble(reported.get("fees")), 1e-5, "fees " + e.getKey());
            if (p.qty.signum() != 0)
            {
                assertEquals(p.averagePrice, Double.parseDouble(reported.get("average_price")),
                    1e-7 * p.averagePrice, "average price " + e.getKey());
            }
        }
    }

    @Test
    void everyFillTracesBackThroughItsOrderAndIntentToASignal()
    {
        final Map<String, RedisReadBack.Entry> intentById = byField(intents, "id");
        final Map<String, RedisReadBack.Entry> signalById = byField(signals, "id");
        final Set<String> accepted = executions.stream()
            .filter(e -> "execution.confirmation".equals(e.get("type")) && "accepted".equals(e.get("status")))
            .map(e -> e.get("order_id")).collect(Collectors.toSet());
        for (final RedisReadBack.Entry fill : fills)
        {
            final String orderId = fill.get("order_id");
            assertTrue(accepted.contains(orderId), "an accepted confirmation for " + orderId);
            final RedisReadBack.Entry intent = intentById.get(orderId);
            assertNotNull(intent, "an intent in orders:requests for " + orderId);
            assertEquals(intent.get("signal_id"), fill.get("signal_id"), orderId);
            assertEquals(intent.get("symbol"), fill.get("symbol"), orderId);
            assertEquals(intent.get("side"), fill.get("side"), orderId);
        }
        for (final RedisReadBack.Entry intent : intents)
        {
            final RedisReadBack.Entry signal = signalById.get(intent.get("signal_id"));
            assertNotNull(signal, "a signal in signals:paper for intent " + intent.get("id"));
            assertEquals(signal.get("strategy"), intent.get("strategy"), intent.get("id"));
            assertEquals(signal.get("symbol"), intent.get("symbol"), intent.get("id"));
            assertEquals(signal.get("side"), intent.get("side"), intent.get("id"));
        }
    }

    @Test
    void everyRiskAlertNamesARuleAndTheSignalItStopped()
    {
        final Map<String, RedisReadBack.Entry> signalById = byField(signals, "id");
        final List<RedisReadBack.Entry> alerts = streams.entries("risk:alerts:kraken");
        assertFalse(alerts.isEmpty(), "risk rejected some signals");
        for (final RedisReadBack.Entry alert : alerts)
        {
            assertEquals("risk.alert", alert.get("type"));
            assertTrue(RULES.contains(alert.get("rule")), "a known rule: " + alert);
            if ("false".equals(alert.get("trip")))
            {
                final RedisReadBack.Entry signal = signalById.get(alert.get("signal_id"));
                assertNotNull(signal, "the rejected signal is in signals:paper: " + alert);
                assertEquals(signal.get("strategy"), alert.get("strategy"));
                assertEquals(signal.get("symbol"), alert.get("symbol"));
            }
        }
    }

    @Test
    void everySignalEndsAsExactlyOneIntentOrRiskAlert()
    {
        final Set<String> decided = new HashSet<>();
        for (final RedisReadBack.Entry e : intents)
        {
            assertTrue(decided.add(e.get("signal_id")), "one decision per signal: " + e.get("signal_id"));
        }
        for (final RedisReadBack.Entry e : streams.entries("risk:alerts:kraken"))
        {
            if (e.get("signal_id") != null)
            {
                assertTrue(decided.add(e.get("signal_id")), "one decision per signal: " + e.get("signal_id"));
            }
        }
        assertEquals(byField(signals, "id").keySet(), decided);
    }

    private static Map<String, RedisReadBack.Entry> byField(final List<RedisReadBack.Entry> entries, final String field)
    {
        return entries.stream().collect(Collectors.toMap(e -> e.get(field), Function.identity()));
    }

    /** The average-cost position of one symbol, rebuilt from its fills: quantities exact, PnL and fees as USD doubles. */
    private static final class Position
    {
        private BigDecimal qty = BigDecimal.ZERO;
        private double averagePrice;
        private double realized;
        private double fees;
        private int fills;
        private boolean usdQuoted;

        void fill(final RedisReadBack.Entry fill, final double usdPerQuote)
        {
            final BigDecimal size = new BigDecimal(fill.get("qty"));
            final BigDecimal signed = "buy".equals(fill.get("side")) ? size : size.negate();
            final double price = Double.parseDouble(fill.get("price"));
            fills++;
            fees += Double.parseDouble(fill.get("fee")) * usdPerQuote;
            if (qty.signum() == 0 || qty.signum() == signed.signum())
            {
                final double held = qty.abs().doubleValue();
                averagePrice = (held * averagePrice + size.doubleValue() * price) / (held + size.doubleValue());
                qty = qty.add(signed);
                return;
            }
            final BigDecimal closed = size.min(qty.abs());
            realized += closed.doubleValue() * (price - averagePrice) * qty.signum() * usdPerQuote;
            final BigDecimal after = qty.add(signed);
            if (after.signum() != qty.signum())
            {
                averagePrice = after.signum() == 0 ? 0 : price;
            }
            qty = after;
        }
    }
}
