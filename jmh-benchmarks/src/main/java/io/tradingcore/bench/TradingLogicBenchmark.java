package io.tradingcore.bench;

import io.tradingcore.core.book.BookView;
import io.tradingcore.core.execution.ExecutionReport;
import io.tradingcore.core.execution.PaperFillSimulator;
import io.tradingcore.core.kraken.Side;
import io.tradingcore.core.market.Instruments;
import io.tradingcore.core.market.SymbolTable;
import io.tradingcore.core.market.UsdConversion;
import io.tradingcore.core.portfolio.Portfolio;
import io.tradingcore.core.risk.OrderIntent;
import io.tradingcore.core.risk.RiskAlert;
import io.tradingcore.core.risk.RiskEngine;
import io.tradingcore.core.strategy.SignalEngine;
import io.tradingcore.core.strategy.StrategyParameters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * One book change and one trade per operation, alternating over two symbols, through the signal
 * stage (all six strategies on, candles closing every 30 operations), risk, paper execution and the
 * portfolio, the way the stages call them. The second symbol is quoted in the first's base currency
 * ({@code ETH/BTC} beside {@code BTC/USD}), so its sizes and PnL go through the USD conversion. Cool-downs are shortened and the limits opened so that
 * signals, orders and fills keep flowing; {@code -prof gc} shows the allocation per operation.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED"})
public class TradingLogicBenchmark
{
    private static final int SYMBOLS = 2;
    private static final String[] NAMES = {"BTC/USD", "ETH/BTC"};
    private static final int PATH = 1 << 14;
    private static final int LEVELS = 10;
    private static final long ONE = 100_000_000L;
    private static final long STEP_MICROS = 2_000_000L;

    private final long[] path = new long[PATH];
    private final double[] pressure = new double[PATH];
    private final ArrayBook[] books = new ArrayBook[SYMBOLS];
    private final OrderIntent intent = new OrderIntent();
    private final RiskAlert alert = new RiskAlert();

    private SignalEngine engine;
    private RiskEngine risk;
    private PaperFillSimulator paper;
    private Portfolio portfolio;
    private long micros;
    private int step;

    /** Counts that keep the work observable (and show it happened). */
    public long signals;
    public long intents;
    public long rejections;
    public long fills;

    @Setup(Level.Trial)
    public void setUp()
    {
        final SymbolTable symbols = new SymbolTable();
        final Instruments instruments = new Instruments();
        for (int s = 0; s < SYMBOLS; s++)
        {
            symbols.intern(NAMES[s]);
            instruments.offer(s, 1, 8, Instruments.SOURCE_CONFIG);
            books[s] = new ArrayBook();
        }
        final StrategyParameters parameters = TradingLogicBenchmark::parameter;
        engine = new SignalEngine(parameters, instruments, SYMBOLS);
        final UsdConversion usd = new UsdConversion(symbols, instruments);
        portfolio = new Portfolio(instruments, usd, SYMBOLS);
        risk = new RiskEngine(parameters, instruments, portfolio, usd, SYMBOLS);
        paper = new PaperFillSimulator(parameters);

        // trending and ranging regimes, periodic so the wrap-around is smooth
        final Random random = new Random(1);
        for (int i = 0; i < PATH; i++)
        {
            final double t = 2 * Math.PI * i / PATH;
            final double price = 1000 + 40 * Math.sin(t * 3) + 4 * Math.sin(t * 200) + random.nextGaussian() * 0.6;
            path[i] = Math.round(price * 10);
            pressure[i] = Math.cos(t * 3) * 0.6 + random.nextGaussian() * 0.3;
        }
        micros = 1_764_086_400_000_000L;
    }

    private static double parameter(final String section, final String name, final double defaultValue)
    {
        switch (name)
        {
            case "cooldown_s":
                return 60;
            case "max_daily_drawdown_quote":
            case "max_order_quote":
            case "max_position_quote":
            case "max_open_orders":
            case "loss_streak":
            case "rate_threshold":
                return 1e12;
            default:
                return defaultValue;
        }
    }

    @Benchmark
    public long bookAndTrade()
    {
        final int i = step++ & (PATH - 1);
        final int symbol = i & 1;
        final long price = path[i] + symbol * 7;
        final ArrayBook book = books[symbol];
        book.around(price, pressure[i]);
        micros += STEP_MICROS;

        engine.onBook(symbol, book, true, micros);
        risk.onBook(symbol, book, true, micros);
        portfolio.mark(symbol, book.price(Side.BID, 0), book.price(Side.ASK, 0), micros);
        long work = decide(symbol, book);

        final int side = pressure[i] + pressure[(i + 7) & (PATH - 1)] > 0 ? Side.BUY : Side.SELL;
        engine.onTrade(symbol, side, price, ONE / 10, micros);
        work += execution(paper.onTrade(symbol, price, ONE / 10, micros));
        work += decide(symbol, book);
        return work;
    }

    private long decide(final int symbol, final BookView book)
    {
        final int n = engine.evaluate(symbol, micros);
        signals += n;
        long work = n;
        for (int k = 0; k < n; k++)
        {
            if (risk.check(engine.signal(k), micros, intent, alert))
            {
                intents++;
                work += execution(paper.submit(intent, book, micros));
            }
            else
            {
                rejections++;
            }
        }
        if (risk.killSwitch(micros, alert))
        {
            rejections++;
        }
        return work;
    }

    private long execution(final int reports)
    {
        for (int r = 0; r < reports; r++)
        {
            final ExecutionReport report = paper.report(r);
            if (report.kind == ExecutionReport.FILL)
            {
                fills++;
                portfolio.onFill(report.symbolId, report.side, report.price, report.qty, report.fee, report.micros);
                risk.onFill(report.symbolId, report.side, report.qty);
            }
            if (report.terminal())
            {
                risk.onOrderClosed(report.symbolId, report.side, report.remainingQty);
            }
        }
        return reports;
    }

    /** A 10-level book around a price; {@code pressure} tilts the quantities toward the bid (> 0) or the ask. */
    static final class ArrayBook implements BookView
    {
        private final long[][] prices = new long[2][LEVELS];
        private final long[][] qtys = new long[2][LEVELS];

        void around(final long price, final double pressure)
        {
            final long bidQty = Math.max(1, Math.round(ONE * (1 + pressure)));
            final long askQty = Math.max(1, Math.round(ONE * (1 - pressure)));
            for (int l = 0; l < LEVELS; l++)
            {
                prices[Side.BID][l] = price - 1 - l;
                prices[Side.ASK][l] = price + 1 + l;
                qtys[Side.BID][l] = bidQty;
                qtys[Side.ASK][l] = askQty;
            }
        }

        @Override
        public int levels(final int side)
        {
            return LEVELS;
        }

        @Override
        public long price(final int side, final int index)
        {
            return prices[side][index];
        }

        @Override
        public long qty(final int side, final int index)
        {
            return qtys[side][index];
        }
    }
}
