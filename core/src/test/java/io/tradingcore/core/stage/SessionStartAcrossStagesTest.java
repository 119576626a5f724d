package io.tradingcore.core.stage;

import io.tradingcore.core.book.ResyncRequests;
import io.tradingcore.core.time.EventClock;
import io.tradingcore.core.execution.PaperFillSimulator;
import io.tradingcore.core.kraken.Side;
import io.tradingcore.core.market.Instruments;
import io.tradingcore.core.market.SymbolTable;
import io.tradingcore.core.market.UsdConversion;
import io.tradingcore.core.portfolio.Portfolio;
import io.tradingcore.core.ring.FrameEvent;
import io.tradingcore.core.risk.OrderIntent;
import io.tradingcore.core.risk.RiskEngine;
import io.tradingcore.core.stage.OutboxEntries.Entry;
import io.tradingcore.core.strategy.Signal;
import io.tradingcore.core.strategy.SignalEngine;
import io.tradingcore.core.strategy.StrategyId;
import io.tradingcore.core.strategy.StrategyParameters;
import io.tradingcore.core.stream.EntryWriter;
import io.tradingcore.core.stream.Environment;
import io.tradingcore.core.stream.Outbox;
import io.tradingcore.core.stream.RunIds;
import io.tradingcore.core.stream.StreamCatalog;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static io.tradingcore.core.stage.OutboxEntries.one;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The four stages on one slot across a reconnect with more books than a slot has symbol updates:
 * after the session start no later stage may keep using any book from the old connection.
 */
class SessionStartAcrossStagesTest
{
    private static final long T0 = 1_764_086_400_000_000L;
    private static final int SYMBOLS = FrameEvent.MAX_SYMBOL_UPDATES + 2;

    private final SymbolTable symbols = new SymbolTable();
    private final Instruments instruments = new Instruments();
    private final Outbox outbox = new Outbox(new StreamCatalog(), 1 << 22, 100);
    private final OutboxEntries entries = new OutboxEntries(outbox, symbols);
    private final KrakenFrames frames = new KrakenFrames(10);
    private final FrameEvent event = new FrameEvent(64 * 1024);
    private final SignalEngine engine;
    private final NormalizeStage normalize;
    private final SignalStage signal;
    private final RiskStage risk;
    private final ExecutionStage execution;
    private long sequence;

    SessionStartAcrossStagesTest()
    {
        for (int i = 0; i < SYMBOLS; i++)
        {
            final int id = symbols.intern(name(i));
            instruments.offer(id, 1, 8, Instruments.SOURCE_CONFIG);
            frames.symbol(name(i), 1, 8);
        }
        final StrategyParameters parameters = StrategyParameters.DEFAULTS;
        final UsdConversion usd = new UsdConversion(symbols, instruments);
        final Portfolio portfolio = new Portfolio(instruments, usd, SYMBOLS);
        final ExecutionFeedback feedback = new ExecutionFeedback(64 * 1024);
        engine = new SignalEngine(parameters, instruments, SYMBOLS);
        normalize = new NormalizeStage(symbols, instruments, new ResyncRequests(), outbox, 10, new EventClock(5_000_000, false), 10);
        signal = new SignalStage(engine, symbols, new StreamCatalog(), Environment.DEVELOPMENT, new EntryWriter(outbox),
            new RunIds("RUN"), null, null);
        risk = new RiskStage(new RiskEngine(parameters, instruments, portfolio, usd, SYMBOLS), portfolio, true,
            symbols, new EntryWriter(outbox), new RunIds("RUN"), 60_000_000, feedback);
        execution = new ExecutionStage(new PaperFillSimulator(parameters), null, feedback, symbols,
            Environment.DEVELOPMENT.executionStream(), new EntryWriter(outbox), new RunIds("RUN"), 60_000_000);
    }

    @Test
    void noStageKeepsABookOfTheOldSessionWhateverTheNumberOfSymbols()
    {
        for (int i = 0; i < SYMBOLS; i++)
        {
            frame(frames.snapshot(name(i), T0 + i, new long[] {10_000, 100_000_000}, new long[] {10_001, 100_000_000}));
            assertTrue(engine.market(i).bookValid());
        }
        final int last = SYMBOLS - 1;
        event.kind = FrameEvent.KIND_SESSION_START;
        event.length = 0;
        runStages();
        for (int i = 0; i < SYMBOLS; i++)
        {
            assertFalse(engine.market(i).bookValid(), "signal stage, " + name(i));
        }

        // a signal and an order for the last symbol right after the reconnect, before its snapshot
        event.kind = FrameEvent.KIND_FRAME;
        putFrame("{\"channel\":\"heartbeat\"}");
        normalize.onEvent(event, sequence, true);
        signal.onEvent(event, sequence, true);
        event.signalCount = 1;
        final Signal buy = event.signals[0];
        buy.reset();
        buy.id = 99;
        buy.strategyId = StrategyId.SCALP;
        buy.symbolId = last;
        buy.side = Side.BUY;
        buy.price = 10_001;
        buy.pricePrecision = 1;
        buy.sizeQuote = 50;
        buy.decisionMicros = event.eventMicros;
        risk.onEvent(event, sequence, true);
        final OrderIntent order = event.intents[event.intentCount];
        order.id = 7;
        order.signalId = 99;
        order.strategyId = StrategyId.SCALP;
        order.symbolId = last;
        order.side = Side.BUY;
        order.orderType = OrderIntent.MARKET;
        order.qty = 10_000_000;
        order.pricePrecision = 1;
        order.qtyPrecision = 8;
        event.intentCount++;
        execution.onEvent(event, sequence++, true);

        final List<Entry> written = entries.drain();
        assertEquals("book_invalid", one(written, "risk:alerts:kraken").get("rule"), "risk stage: " + written);
        final Entry rejected = one(written, "exec:paper:confirms");
        assertEquals("rejected", rejected.get("status"), "execution stage: " + rejected);
        assertEquals("no_liquidity", rejected.get("reason"));
    }

    private static String name(final int i)
    {
        return "S" + i + "/USD";
    }

    private void frame(final String text)
    {
        event.kind = FrameEvent.KIND_FRAME;
        putFrame(text);
        runStages();
    }

    private void putFrame(final String text)
    {
        final byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        event.frame.putBytes(0, bytes);
        event.length = bytes.length;
        event.receiveEpochMicros = T0;
    }

    private void runStages()
    {
        normalize.onEvent(event, sequence, true);
        signal.onEvent(event, sequence, true);
        risk.onEvent(event, sequence, true);
        execution.onEvent(event, sequence++, true);
        entries.drain();
    }
}
