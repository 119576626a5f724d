package io.tradingcore.run;

import com.lmax.disruptor.EventHandler;
import io.tradingcore.adapters.config.TradingConfig;
import io.tradingcore.core.arbitrage.TriangularArbScorer;
import io.tradingcore.core.book.ResyncRequests;
import io.tradingcore.core.execution.OrderGateway;
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
import io.tradingcore.core.stream.EntryWriter;
import io.tradingcore.core.stream.Outbox;
import io.tradingcore.core.stream.RunIds;
import io.tradingcore.core.stream.StreamCatalog;
import io.tradingcore.core.time.EventClock;

/**
 * The four stages wired from the configuration, in one place: the live pipeline and the throwaway
 * copy its warm-up runs ({@link StageWarmup}) are the same code built the same way.
 */
final class StageAssembly
{
    private static final String[] TRIANGLE = {"BTC/USD", "ETH/USD", "ETH/BTC"};

    final NormalizeStage normalize;
    final SignalStage signal;
    final RiskStage risk;
    final ExecutionStage execution;

    /**
     * @param symbols      every configured symbol already interned
     * @param clock        the exchange clock the normalize stage keeps, guarded against timestamps that jump
     * @param gateway      the live order client, or null for paper fills
     * @param liveFeedback the live client's fills back to risk, or null without one
     */
    StageAssembly(
        final TradingConfig config, final StrategyParameters parameters, final SymbolTable symbols,
        final Instruments instruments, final ResyncRequests resync, final EventClock clock, final Outbox outbox,
        final String runId, final OrderGateway gateway, final boolean orderEntryAllowed,
        final ExecutionFeedback liveFeedback)
    {
        final long metricsMicros = config.metricsIntervalSeconds() * 1_000_000L;
        final RunIds ids = new RunIds(runId);
        normalize = new NormalizeStage(symbols, instruments, resync, outbox, config.kraken().bookDepth(), clock,
            StreamCatalog.PUBLISHED_BOOK_LEVELS);
        // the later stages each read precision from a table of their own, kept in step with their slots
        final Instruments signalView = new Instruments();
        final Instruments riskView = new Instruments();
        final int[] triangle = triangle(config, symbols);
        signal = new SignalStage(new SignalEngine(parameters, signalView, SymbolTable.MAX_SYMBOLS), symbols,
            outbox.catalog(), config.environment(), new EntryWriter(outbox), ids,
            triangle == null ? null : new TriangularArbScorer(parameters, signalView, triangle[0], triangle[1], triangle[2]),
            triangle == null ? new int[TRIANGLE.length] : triangle);
        final UsdConversion usd = new UsdConversion(symbols, riskView);
        final Portfolio portfolio = new Portfolio(riskView, usd, SymbolTable.MAX_SYMBOLS);
        final PaperFillSimulator paper = new PaperFillSimulator(parameters);
        final ExecutionFeedback fills = ExecutionFeedback.forExecutionStage(paper.reportCapacity());
        final ExecutionFeedback[] feedback = liveFeedback == null
            ? new ExecutionFeedback[] {fills} : new ExecutionFeedback[] {fills, liveFeedback};
        risk = new RiskStage(new RiskEngine(parameters, riskView, portfolio, usd, SymbolTable.MAX_SYMBOLS), portfolio,
            orderEntryAllowed, symbols, new EntryWriter(outbox), ids, metricsMicros, feedback);
        execution = new ExecutionStage(paper, gateway, fills, symbols, config.environment().executionStream(),
            new EntryWriter(outbox), ids, metricsMicros);
    }

    /** Normalize, signal, risk, execution. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    EventHandler<FrameEvent>[] inOrder()
    {
        return new EventHandler[] {normalize, signal, risk, execution};
    }

    /** The BTC/USD, ETH/USD, ETH/BTC symbol ids when all three are configured, else null (no arbitrage scoring). */
    private static int[] triangle(final TradingConfig config, final SymbolTable symbols)
    {
        final int[] ids = new int[TRIANGLE.length];
        for (int i = 0; i < TRIANGLE.length; i++)
        {
            if (!config.kraken().symbols().contains(TRIANGLE[i]))
            {
                return null;
            }
            ids[i] = symbols.intern(TRIANGLE[i]);
        }
        return ids;
    }
}
