package io.tradingcore.core.stage;

import io.tradingcore.core.indicator.TestBook;
import io.tradingcore.core.kraken.Side;
import io.tradingcore.core.market.Instruments;
import io.tradingcore.core.market.SymbolTable;
import io.tradingcore.core.market.UsdConversion;
import io.tradingcore.core.portfolio.Portfolio;
import io.tradingcore.core.ring.FrameEvent;
import io.tradingcore.core.ring.SymbolUpdate;
import io.tradingcore.core.risk.RiskEngine;
import io.tradingcore.core.risk.RiskState;
import io.tradingcore.core.stage.OutboxEntries.Entry;
import io.tradingcore.core.strategy.StrategyParameters;
import io.tradingcore.core.stream.EntryWriter;
import io.tradingcore.core.stream.Outbox;
import io.tradingcore.core.stream.RunIds;
import io.tradingcore.core.stream.StreamCatalog;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.tradingcore.core.stage.OutboxEntries.on;
import static io.tradingcore.core.stage.OutboxEntries.one;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The daily-drawdown kill switch stays tripped until a new UTC day or an operator's reset: the reset
 * is asked from another thread and applied by the risk stage at its next event, re-arming the switch
 * with the day's drawdown restarted from the current equity.
 */
class KillSwitchResetTest
{
    private static final long T0 = 1_764_086_400_000_000L; // 2025-11-25T16:00:00Z
    private static final long ONE = 100_000_000L;
    private static final StrategyParameters LIMIT_20_USD =
        (section, name, defaultValue) -> "max_daily_drawdown_quote".equals(name) ? 20.0 : defaultValue;

    private final SymbolTable symbols = new SymbolTable();
    private final Instruments instruments = new Instruments();
    private final Outbox outbox = new Outbox(new StreamCatalog(), 1 << 20, 100);
    private final OutboxEntries entries = new OutboxEntries(outbox, symbols);
    private final FrameEvent event = new FrameEvent(64);
    private final int btc = symbols.intern("BTC/USD");
    private final UsdConversion usd = new UsdConversion(symbols, instruments);
    private final Portfolio portfolio = new Portfolio(instruments, usd, 4);
    private final RiskEngine engine = new RiskEngine(LIMIT_20_USD, instruments, portfolio, usd, 4);
    private final ExecutionFeedback fills = new ExecutionFeedback(64 * 1024);
    private final RiskStage risk = new RiskStage(engine, portfolio, true, symbols, new EntryWriter(outbox),
        new RunIds("RUN"), 3_600_000_000L, fills);
    private long sequence;

    @Test
    void anOperatorResetReArmsATrippedSwitchAtTheNextEvent()
    {
        instruments.offer(btc, 1, 8, Instruments.SOURCE_CONFIG);
        fills.fill(btc, Side.BUY, 100_000, ONE / 10, 0, T0);        // 0.1 BTC at 10,000
        book(100_000, T0);
        final List<Entry> tripped = book(70_000, T0 + 1_000_000);   // -300 USD: over the 20 USD limit
        assertTrue(engine.tripped());
        assertTrue(on(tripped, "risk:alerts:kraken").stream().anyMatch(a -> "true".equals(a.get("trip"))));

        book(70_000, T0 + 2_000_000);
        assertTrue(engine.tripped(), "stays tripped on the same day without a reset");

        risk.requestKillSwitchReset();
        assertTrue(engine.tripped(), "nothing changes until the stage's next event");
        final List<Entry> written = book(70_000, T0 + 3_000_000);
        assertFalse(engine.tripped());
        final Entry reset = one(written, "events:bus");
        assertEquals("kill_switch_reset", reset.get("event"));
        assertEquals("true", reset.get("trip"));
        assertEquals(0.0, portfolio.dailyDrawdown(), 1e-9, "the day's drawdown restarts from here");

        book(69_000, T0 + 4_000_000);                               // a further -10 USD stays under the limit
        assertFalse(engine.tripped());
    }

    @Test
    void aTrippedSwitchAndThePortfolioOutliveTheProcessUntilANewUtcDay()
    {
        instruments.offer(btc, 1, 8, Instruments.SOURCE_CONFIG);
        fills.fill(btc, Side.BUY, 100_000, ONE / 10, 1.5, T0);
        book(100_000, T0);
        book(70_000, T0 + 1_000_000);
        assertTrue(engine.tripped());
        risk.onStop();
        final RiskState kept = new RiskState(4);
        kept.copyFrom(risk.state());
        assertEquals(0, risk.state().version() & 1, "a whole capture");

        // the next process: fresh objects, the kept state restored before the first event
        final Instruments view = new Instruments();
        final UsdConversion nextUsd = new UsdConversion(symbols, view);
        final Portfolio nextPortfolio = new Portfolio(view, nextUsd, 4);
        final RiskEngine nextEngine = new RiskEngine(LIMIT_20_USD, view, nextPortfolio, nextUsd, 4);
        final RiskStage next = new RiskStage(nextEngine, nextPortfolio, true, symbols, new EntryWriter(outbox),
            new RunIds("RUN2"), 3_600_000_000L, new ExecutionFeedback(64 * 1024));
        next.restore(kept);
        assertTrue(nextEngine.tripped());
        assertEquals(ONE / 10, nextPortfolio.position(btc));
        assertEquals(10_000.0, nextPortfolio.averagePrice(btc), 1e-9);
        assertEquals(1.5, nextPortfolio.totalFees(), 1e-9);
        assertEquals(portfolio.dailyDrawdown(), nextPortfolio.dailyDrawdown(), 1e-9);
        assertEquals(portfolio.equity(), nextPortfolio.equity(), 1e-9);
        assertEquals(8, view.qtyPrecision(btc));
        assertEquals(1, next.fills());

        event.eventMicros = T0 + 3_600_000_000L; // later the same UTC day, as a replay of that day again would be
        event.updateCount = 0;
        event.signalCount = 0;
        next.onEvent(event, sequence++, true);
        assertTrue(nextEngine.tripped(), "still tripped the same day");
        event.eventMicros = T0 + 86_400_000_000L;
        next.onEvent(event, sequence++, true);
        assertFalse(nextEngine.tripped(), "a new UTC day re-arms it");
    }

    private List<Entry> book(final long price, final long micros)
    {
        event.updateCount = 0;
        event.signalCount = 0;
        event.eventMicros = micros;
        final SymbolUpdate update = event.update(btc);
        update.pricePrecision = 1;
        update.qtyPrecision = 8;
        update.bookChanged = true;
        update.bookValid = true;
        update.bookMicros = micros;
        update.book.copyFrom(new TestBook().bids(price - 1, ONE).asks(price + 1, ONE));
        risk.onEvent(event, sequence++, true);
        return entries.drain();
    }
}
