package io.tradingcore.run;

import io.tradingcore.adapters.redis.RedisServerFixture;
import io.tradingcore.adapters.report.BacktestReport;
import io.tradingcore.adapters.report.Ledger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code --report DIR} after a replay: the ledger is the fills Redis holds, in order, each under the
 * strategy of its intent; the per-strategy figures are what a recomputation from those fills gives;
 * the equity curve is a PNG.
 */
class BacktestReportTest
{
    @TempDir
    static Path dir;
    private static RedisServerFixture redis;
    private static List<RedisReadBack.Entry> fills;
    private static Map<String, String> strategyByOrder;
    private static List<Map<String, String>> ledger;
    private static Map<String, String[]> figures;

    @BeforeAll
    static void replay() throws IOException
    {
        redis = RedisServerFixture.plain();
        final Path recording = TestRecording.write(dir.resolve("session.jsonl"));
        final CoreRun run = CoreRun.run(CoreRun.replay(recording, redis.url(), dir.resolve("spill"),
            "--report", dir.resolve("report").toString())).assertExit(TradingCoreMain.EXIT_OK);
        assertTrue(run.out().contains(BacktestReport.FIGURES), run.out());
        try (RedisReadBack streams = new RedisReadBack(redis.url()))
        {
            fills = streams.entries("exec:paper:confirms", "type", "execution.fill");
            strategyByOrder = streams.entries("orders:requests").stream()
                .collect(Collectors.toMap(e -> e.get("id"), e -> e.get("strategy")));
        }
        assertFalse(fills.isEmpty(), "the replay traded");
        ledger = readLedger(dir.resolve("report").resolve(BacktestReport.LEDGER));
        figures = readFigures(dir.resolve("report").resolve(BacktestReport.FIGURES));
    }

    @AfterAll
    static void stopRedis()
    {
        redis.close();
    }

    @Test
    void theLedgerIsTheFillsInRedisInOrderUnderTheirIntentsStrategy()
    {
        assertEquals(fills.size(), ledger.size(), "one ledger row per fill");
        for (int i = 0; i < fills.size(); i++)
        {
            final RedisReadBack.Entry fill = fills.get(i);
            final Map<String, String> row = ledger.get(i);
            for (final String field : List.of("fill_id", "order_id", "symbol", "side", "price", "qty", "fee"))
            {
                assertEquals(fill.get(field), row.get(field), field + " of row " + i);
            }
            assertEquals(fill.get("timestamp"), row.get("time"), "time of row " + i);
            assertEquals(strategyByOrder.get(fill.get("order_id")), row.get("strategy"), "strategy of row " + i);
            final double rate = Double.parseDouble(row.get("usd_per_quote"));
            assertTrue(fill.get("symbol").endsWith("/USD") ? rate == 1.0 : rate > 0, "USD per quote unit of " + row);
        }
    }

    @Test
    void theFiguresAreWhatTheFillsGive()
    {
        final Map<String, Recomputed> byStrategy = new TreeMap<>();
        final Recomputed all = new Recomputed();
        for (int i = 0; i < fills.size(); i++)
        {
            final RedisReadBack.Entry fill = fills.get(i);
            final double rate = Double.parseDouble(ledger.get(i).get("usd_per_quote"));
            final String strategy = strategyByOrder.get(fill.get("order_id"));
            byStrategy.computeIfAbsent(strategy, s -> new Recomputed()).fill(strategy, fill, rate);
            all.fill(strategy, fill, rate);
        }
        assertTrue(byStrategy.size() >= 2, "several strategies traded: " + byStrategy.keySet());
        byStrategy.put("all", all);
        assertEquals(byStrategy.keySet(), figures.keySet(), "a row per strategy that traded, and all");
        for (final Map.Entry<String, Recomputed> e : byStrategy.entrySet())
        {
            final String[] row = figures.get(e.getKey());
            final Recomputed r = e.getValue();
            final String who = e.getKey() + ": " + String.join("|", row);
            assertEquals(r.fills, Integer.parseInt(row[1]), "fills " + who);
            assertEquals(r.trades.size(), Integer.parseInt(row[2]), "trades " + who);
            final long wins = r.trades.stream().filter(pnl -> pnl > 0).count();
            assertEquals(r.trades.isEmpty() ? 0 : 100.0 * wins / r.trades.size(), percent(row[3]), 0.051, "win rate " + who);
            assertEquals(r.pnl, Double.parseDouble(row[4]), 1e-4, "PnL " + who);
            assertEquals(r.fees, Double.parseDouble(row[5]), 1e-4, "fees " + who);
            final double sharpe = r.sharpe();
            assertEquals(Double.isNaN(sharpe) ? "n/a" : String.format(Locale.ROOT, "%.3f", sharpe), row[6], "Sharpe " + who);
            assertEquals(r.maxDrawdown, Double.parseDouble(row[7]), 1e-4, "max drawdown " + who);
            assertTrue(percent(row[8]) >= 0 && percent(row[8]) <= 100, "exposure " + who);
            assertTrue(percent(row[8]) <= percent(figures.get("all")[8]), "no strategy is exposed longer than all: " + who);
        }
    }

    @Test
    void theEquityCurveIsAPng() throws IOException
    {
        assertNotNull(ImageIO.read(dir.resolve("report").resolve(BacktestReport.EQUITY).toFile()), "decodes as an image");
    }

    private static double percent(final String cell)
    {
        return Double.parseDouble(cell.replace("%", ""));
    }

    private static List<Map<String, String>> readLedger(final Path csv) throws IOException
    {
        final List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertEquals(Ledger.HEADER, lines.get(0));
        final String[] columns = lines.get(0).split(",");
        final List<Map<String, String>> rows = new ArrayList<>();
        for (final String line : lines.subList(1, lines.size()))
        {
            final String[] cells = line.split(",", -1);
            assertEquals(columns.length, cells.length, line);
            final Map<String, String> row = new HashMap<>();
            for (int c = 0; c < columns.length; c++)
            {
                row.put(columns[c], cells[c]);
            }
            rows.add(row);
        }
        return rows;
    }

    /** strategy → the cells of its row in the Markdown table. */
    private static Map<String, String[]> readFigures(final Path markdown) throws IOException
    {
        final Map<String, String[]> rows = new TreeMap<>();
        for (final String line : Files.readAllLines(markdown, StandardCharsets.UTF_8))
        {
            if (line.startsWith("| ") && !line.startsWith("| strategy"))
            {
                final String[] cells = line.substring(2, line.length() - 2).split(" \\| ");
                rows.put(cells[0], cells);
            }
        }
        return rows;
    }

    /**
     * The figures rebuilt from Redis's fills by cost basis (the position's total cost in quote currency,
     * a closing fill realizing its share of it): average cost by another road.
     */
    private static final class Recomputed
    {
        private final Map<String, BigDecimal> qty = new HashMap<>();
        private final Map<String, Double> cost = new HashMap<>();
        private final List<Double> trades = new ArrayList<>();
        private int fills;
        private double pnl;
        private double fees;
        private double peak;
        private double maxDrawdown;

        void fill(final String strategy, final RedisReadBack.Entry fill, final double usdPerQuote)
        {
            final String key = strategy + " " + fill.get("symbol");
            final BigDecimal signed = "buy".equals(fill.get("side")) ? new BigDecimal(fill.get("qty"))
                : new BigDecimal(fill.get("qty")).negate();
            final double price = Double.parseDouble(fill.get("price"));
            final double fee = Double.parseDouble(fill.get("fee")) * usdPerQuote;
            final BigDecimal held = qty.getOrDefault(key, BigDecimal.ZERO);
            double realized = 0;
            if (held.signum() != 0 && held.signum() != signed.signum())
            {
                final BigDecimal closed = signed.abs().min(held.abs());
                final double share = closed.divide(held.abs(), MathContext.DECIMAL64).doubleValue();
                final double closedCost = cost.get(key) * share;
                realized = (price * closed.doubleValue() * held.signum() - closedCost) * usdPerQuote;
                final BigDecimal left = held.add(signed);
                cost.put(key, left.signum() == held.signum() ? cost.get(key) - closedCost : price * left.doubleValue());
                qty.put(key, left);
                trades.add(realized - fee);
            }
            else
            {
                cost.merge(key, price * signed.doubleValue(), Double::sum);
                qty.put(key, held.add(signed));
            }
            fills++;
            pnl += realized - fee;
            fees += fee;
            peak = Math.max(peak, pnl);
            maxDrawdown = Math.max(maxDrawdown, peak - pnl);
        }

        double sharpe()
        {
            if (trades.size() < 2)
            {
                return Double.NaN;
            }
            final double mean = trades.stream().mapToDouble(d -> d).sum() / trades.size();
            final double sd = Math.sqrt(trades.stream().mapToDouble(d -> (d - mean) * (d - mean)).sum() / (trades.size() - 1));
            return sd == 0 ? Double.NaN : mean / sd;
        }
    }
}
