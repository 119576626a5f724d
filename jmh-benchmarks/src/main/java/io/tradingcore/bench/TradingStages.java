package io.tradingcore.bench;

import com.lmax.disruptor.EventHandler;
import io.tradingcore.core.time.EventClock;
import com.lmax.disruptor.ExceptionHandler;
import io.tradingcore.core.arbitrage.TriangularArbScorer;
import io.tradingcore.core.book.ResyncRequests;
import io.tradingcore.core.execution.PaperFillSimulator;
import io.tradingcore.core.market.Instruments;
import io.tradingcore.core.market.SymbolTable;
import io.tradingcore.core.market.UsdConversion;
import io.tradingcore.core.portfolio.Portfolio;
import io.tradingcore.core.ring.FrameEvent;
import io.tradingcore.core.risk.RiskEngine;
import io.tradingcore.core.stage.ExecutionFeedback;
import io.tradingcore.core.stage.ExecutionStage;
import io.tradingcore.core.stage.NormalizeStage;
import io.tradingcore.core.stage.RiskStage;
import io.tradingcore.core.stage.SignalStage;
import io.tradingcore.core.strategy.SignalEngine;
import io.tradingcore.core.strategy.StrategyParameters;
import io.tradingcore.core.strategy.StrategyId;
import io.tradingcore.core.stream.EntryWriter;
import io.tradingcore.core.stream.Environment;
import io.tradingcore.core.stream.Outbox;
import io.tradingcore.core.stream.RunIds;
import io.tradingcore.core.stream.StreamCatalog;
import io.tradingcore.core.kraken.Channel;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The four stages wired as the composition root (run's TradingCore) wires them, with every
 * parameter at its default (so all six strategies on), the development environment (paper orders
 * allowed), the synthetic market's pairs and the BTC/USD, ETH/USD, ETH/BTC arbitrage triangle. Their
 * entries go to a real {@link Outbox}; whoever runs them drains it (no Redis).
 */
final class TradingStages
{
    static final long METRICS_INTERVAL_MICROS = 10_000_000L;
    private static final RunIds RUN_IDS = new RunIds("bench");

    final SymbolTable symbols = new SymbolTable();
    final Instruments instruments = new Instruments();
    final StreamCatalog catalog = new StreamCatalog();
    final Outbox outbox = new Outbox(catalog);
    final NormalizeStage normalize;
    final SignalStage signal;
    final RiskStage risk;
    final ExecutionStage execution;
    final Faults faults = new Faults();

    TradingStages(final List<String> pairs, final int bookDepth)
    {
        for (final String pair : pairs)
        {
            symbols.intern(pair);
        }
        final StrategyParameters parameters = StrategyParameters.DEFAULTS;
        final int[] triangle = {symbols.intern("BTC/USD"), symbols.intern("ETH/USD"), symbols.intern("ETH/BTC")};
        normalize = new NormalizeStage(symbols, instruments, new ResyncRequests(), outbox, bookDepth,
            new EventClock(5_000_000, false), StreamCatalog.PUBLISHED_BOOK_LEVELS);
        signal = new SignalStage(new SignalEngine(parameters, instruments, SymbolTable.MAX_SYMBOLS), symbols, catalog,
            Environment.DEVELOPMENT, new EntryWriter(outbox), RUN_IDS,
            new TriangularArbScorer(parameters, instruments, triangle[0], triangle[1], triangle[2]), triangle);
        final UsdConversion usd = new UsdConversion(symbols, instruments);
        final Portfolio portfolio = new Portfolio(instruments, usd, SymbolTable.MAX_SYMBOLS);
        final PaperFillSimulator paper = new PaperFillSimulator(parameters);
        final ExecutionFeedback feedback = ExecutionFeedback.forExecutionStage(paper.reportCapacity());
        risk = new RiskStage(new RiskEngine(parameters, instruments, portfolio, usd, SymbolTable.MAX_SYMBOLS), portfolio,
            true, symbols, new EntryWriter(outbox), RUN_IDS, METRICS_INTERVAL_MICROS, feedback);
        execution = new ExecutionStage(paper, null, feedback, symbols,
            Environment.DEVELOPMENT.executionStream(), new EntryWriter(outbox), RUN_IDS, METRICS_INTERVAL_MICROS);
    }

    /** Normalize, signal, risk, execution. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    EventHandler<FrameEvent>[] inOrder()
    {
        return new EventHandler[] {normalize, signal, risk, execution};
    }

    /** Entries the outbox shed (market data under back-pressure): a drain too slow for the run. */
    long shedEntries()
    {
        long shed = 0;
        for (int stream = 0; stream < StreamCatalog.COUNT; stream++)
        {
            shed += outbox.shed(stream);
        }
        return shed;
    }

    /** What the stages did, to show the run exercised all of them. */
    String summary()
    {
        final StringBuilder strategies = new StringBuilder();
        for (int id = 0; id < StrategyId.COUNT; id++)
        {
            strategies.append(id == 0 ? "" : " ").append(StrategyId.name(id)).append('=').append(signal.signals(id));
        }
        return String.format(Locale.ROOT,
            "frames %,d (book %,d, trade %,d), checksums ok %,d failed %,d, signals %,d [%s], intents %,d, "
                + "alerts %,d, fills %,d, arb %,d, outbox shed %,d, stage faults %,d",
            normalize.counters().frames(), normalize.counters().frames(Channel.BOOK),
            normalize.counters().frames(Channel.TRADE), normalize.counters().checksumsVerified(),
            normalize.counters().checksumsFailed(), signal.signals(), strategies, risk.intents(), risk.alerts(),
            execution.fills(), signal.arbOpportunities(), shedEntries(), faults.count());
    }

    /** Counts stage exceptions and keeps the ring running; a run with any is not a valid measurement. */
    static final class Faults implements ExceptionHandler<FrameEvent>
    {
        private final AtomicLong count = new AtomicLong();

        @Override
        public void handleEventException(final Throwable ex, final long sequence, final FrameEvent event)
        {
            if (count.getAndIncrement() == 0)
            {
                ex.printStackTrace();
            }
        }

        @Override
        public void handleOnStartException(final Throwable ex)
        {
            handleEventException(ex, -1, null);
        }

        @Override
        public void handleOnShutdownException(final Throwable ex)
        {
            handleEventException(ex, -1, null);
        }

        long count()
        {
            return count.get();
        }
    }
}
