package io.tradingcore.core.stage;

import io.tradingcore.core.execution.PaperFillSimulator;
import io.tradingcore.core.indicator.TestBook;
import io.tradingcore.core.kraken.Side;
import io.tradingcore.core.market.Instruments;
import io.tradingcore.core.market.SymbolTable;
import io.tradingcore.core.market.UsdConversion;
import io.tradingcore.core.portfolio.Portfolio;
import io.tradingcore.core.ring.FrameEvent;
import io.tradingcore.core.ring.SymbolUpdate;
import io.tradingcore.core.risk.RiskEngine;
import io.tradingcore.core.stage.OutboxEntries.Entry;
import io.tradingcore.core.strategy.SignalEngine;
import io.tradingcore.core.strategy.StrategyId;
import io.tradingcore.core.strategy.StrategyParameters;
import io.tradingcore.core.stream.EntryWriter;
import io.tradingcore.core.stream.Environment;
import io.tradingcore.core.stream.Outbox;
import io.tradingcore.core.stream.RunIds;
import io.tradingcore.core.stream.StreamCatalog;
import io.tradingcore.core.time.Rfc3339;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static io.tradingcore.core.stage.OutboxEntries.on;
import static io.tradingcore.core.stage.OutboxEntries.one;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Signal, risk and execution stages in ring order on one slot, fed {@link SymbolUpdate}s (a book copy
 * and a trade per event) along a down-then-up path that fires the trend strategy's buy (the path of
 * {@code StrategiesTest}): the signal, its intent, the paper fill and the fill's return to the
 * portfolio through {@link ExecutionFeedback}, and the metrics snapshot on event time.
 */
class SignalRiskExecutionStagesTest
{
    private static final String BTC = "BTC/USD";
    private static final long T0 = 1_764_086_400_000_000L; // 2025-11-25T16:00:00Z
    private static final int TICKS_PER_MINUTE = 6;
    private static final long MINUTE = 60_000_000L;
    private static final long INTERVAL = 60_000_000L;
    private static final long BOOK_QTY = 100_000_000L; // 1.0
    private static final long TRADE_QTY = 10_000_000L; // 0.1
    /** Trend only, so the path decides exactly which signal fires. */
    private static final StrategyParameters TREND_ONLY = (section, name, defaultValue) ->
        name.equals("enabled") ? (StrategyId.of(section) == StrategyId.TREND ? 1 : 0) : defaultValue;

    /** The three stages and what they wrote, one event at a time. */
    private static final class Stages
    {
        final SymbolTable symbols = new SymbolTable();
        final Instruments instruments = new Instruments();
        final Outbox outbox = new Outbox(new StreamCatalog(), 1 << 22, 100);
        final OutboxEntries entries = new OutboxEntries(outbox, symbols);
        final FrameEvent event = new FrameEvent(64);
        final TestBook book = new TestBook();
        final int btc;
        final SignalStage signal;
        final RiskStage risk;
        final ExecutionStage execution;
        long sequence;
        long minute;
        double previous = Double.NaN;

        Stages(final boolean orderEntryAllowed)
        {
            btc = symbols.intern(BTC);
            instruments.offer(btc, 1, 8, Instruments.SOURCE_CONFIG);
            final UsdConversion usd = new UsdConversion(symbols, instruments);
            final Portfolio portfolio = new Portfolio(instruments, usd, 4);
            final ExecutionFeedback feedback = new ExecutionFeedback(64 * 1024);
            signal = new SignalStage(new SignalEngine(TREND_ONLY, instruments, 4), symbols, new StreamCatalog(),
                Environment.DEVELOPMENT, new EntryWriter(outbox), new RunIds("RUN"), null, null);
            risk = new RiskStage(new RiskEngine(TREND_ONLY, instruments, portfolio, usd, 4), portfolio,
                orderEntryAllowed, symbols, new EntryWriter(outbox), new RunIds("RUN"), INTERVAL, feedback);
            execution = new ExecutionStage(new PaperFillSimulator(TREND_ONLY), null, feedback, symbols,
                Environment.DEVELOPMENT.executionStream(), new EntryWriter(outbox), new RunIds("RUN"), INTERVAL);
        }

        /** One event: the book around {@code price} and one trade at it, at {@code micros}; returns what it wrote. */
        List<Entry> tick(final double price, final long micros)
        {
            final long scaled = Math.round(price * 10);
            event.updateCount = 0;
            event.eventMicros = micros;
            event.dequeueNanos = System.nanoTime();
            event.receiveNanos = event.dequeueNanos;
            final SymbolUpdate update = event.update(btc);
            update.pricePrecision = 1;
            update.qtyPrecision = 8;
            update.bookChanged = true;
            update.bookValid = true;
            update.bookMicros = micros;
            update.book.copyFrom(book.bids(scaled - 1, BOOK_QTY, scaled - 2, BOOK_QTY)
                .asks(scaled + 1, BOOK_QTY, scaled + 2, BOOK_QTY));
            update.tradeCount = 1;
            update.tradePrice[0] = scaled;
            update.tradeQty[0] = TRADE_QTY;
            update.tradeSide[0] = Double.isNaN(previous) || price >= previous ? Side.BUY : Side.SELL;
            update.tradeMicros[0] = micros;
            previous = price;
            signal.onEvent(event, sequence, true);
            risk.onEvent(event, sequence, true);
            execution.onEvent(event, sequence, true);
            sequence++;
            return entries.drain();
        }

        /** Events of whole minutes along a straight move; stops early, returning the index of the first event with a signal. */
        List<List<Entry>> trend(final double start, final double perMinute, final int minutes, final boolean untilSignal)
        {
            final List<List<Entry>> events = new ArrayList<>();
            for (int m = 0; m < minutes; m++)
            {
                final double open = start + perMinute * m;
                for (int i = 0; i < TICKS_PER_MINUTE; i++)
                {
                    final double price = open + perMinute * i / (TICKS_PER_MINUTE - 1);
                    final List<Entry> written = tick(price, T0 + minute * MINUTE + i * (MINUTE / TICKS_PER_MINUTE));
                    events.add(written);
                    if (untilSignal && event.signalCount > 0)
                    {
                        return events;
                    }
                }
                minute++;
            }
            return events;
        }

        /** The path that fires trend's buy: an hour down, then up until the signal. */
        List<List<Entry>> toFirstSignal()
        {
            final List<List<Entry>> events = trend(1000, -1, 60, false);
            events.addAll(trend(940, 2, 60, true));
            assertEquals(1, event.signalCount, "the trend strategy fires on the path");
            return events;
        }
    }

    /** Order entry allowed: the trend buy's path through the three stages. */
    private final Stages paper = new Stages(true);

    /** What the event that fired the signal wrote. */
    private List<Entry> signalEvent()
    {
        final List<List<Entry>> events = paper.toFirstSignal();
        return events.get(events.size() - 1);
    }

    private static long filledQty(final List<Entry> written)
    {
        return Math.round(Double.parseDouble(on(written, "exec:paper:confirms").get(1).get("qty")) * 1e8);
    }

    @Test
    void aSignalIsWrittenToThePaperStreamAndItsStrategysStream()
    {
        final List<Entry> written = signalEvent();
        final Entry signal = one(written, "signals:paper");
        assertEquals(signal.fields(), one(written, "signals:trend").fields(), "the strategy stream carries the same entry");
        assertEquals("signal", signal.get("type"));
        assertEquals("sig-RUN-1", signal.get("id"));
        assertEquals("tick-RUN-" + (paper.sequence - 1), signal.get("correlation_id"));
        assertEquals("trend", signal.get("strategy"));
        assertEquals(BTC, signal.get("symbol"));
        assertEquals("1m", signal.get("timeframe"));
        assertEquals("buy", signal.get("side"));
        assertEquals(Rfc3339.formatMicros(paper.event.eventMicros), signal.get("timestamp"));
    }

    @Test
    void aSignalCarriesItsConfidenceFeaturesAndRisk()
    {
        final Entry signal = one(signalEvent(), "signals:paper");
        final double confidence = Double.parseDouble(signal.get("confidence"));
        assertTrue(confidence >= 0 && confidence <= 1, signal.get("confidence"));
        assertTrue(signal.get("features").matches("\\{\"price\":\\d+\\.\\d(,\"[a-z_0-9]+\":(-?\\d+\\.\\d{6}|null))+}"),
            signal.get("features"));
        assertTrue(signal.get("features").contains("\"ema_fast\":"), signal.get("features"));
        assertTrue(signal.get("risk").matches(
            "\\{\"stop\":\\d+\\.\\d,\"take_profit\":\\d+\\.\\d,\"size_quote_usd\":100\\.00}"), signal.get("risk"));
    }

    @Test
    void aSignalIsCountedPerStrategyAndItsPublishLatencyRecorded()
    {
        signalEvent();
        assertEquals(1, paper.signal.signals(StrategyId.TREND));
        long published = 0;
        for (int b = 0; b <= paper.signal.publishLatency().bucketCount(); b++)
        {
            published += paper.signal.publishLatency().count(b);
        }
        assertEquals(1, published, "the signal's receive-to-publish latency is in the Prometheus histogram");
    }

    @Test
    void anAllowedSignalBecomesAMarketOrderIntent()
    {
        final List<Entry> written = signalEvent();
        assertEquals(1, paper.event.intentCount, "the intent is in the slot for the execution stage");
        final Entry intent = one(written, "orders:requests");
        assertEquals("order.intent", intent.get("type"));
        assertEquals("ord-RUN-1", intent.get("id"));
        assertEquals("sig-RUN-1", intent.get("signal_id"));
        assertEquals("trend", intent.get("strategy"));
        assertEquals("buy", intent.get("side"));
        assertEquals("market", intent.get("order_type"));
        assertEquals("100.00", intent.get("size_quote_usd"));
        assertTrue(on(written, "risk:alerts:kraken").isEmpty());
    }

    @Test
    void theIntentIsConfirmedAndFilledOnThePaperExecutionStream()
    {
        final List<Entry> written = signalEvent();
        final List<Entry> reports = on(written, "exec:paper:confirms");
        assertEquals(2, reports.size(), reports.toString());
        assertEquals("execution.confirmation", reports.get(0).get("type"));
        assertEquals("ord-RUN-1", reports.get(0).get("order_id"));
        final Entry fill = reports.get(1);
        assertEquals("execution.fill", fill.get("type"));
        assertEquals("filled", fill.get("status"));
        assertEquals("ord-RUN-1", fill.get("order_id"));
        assertEquals("sig-RUN-1", fill.get("signal_id"));
        assertEquals("buy", fill.get("side"));
        assertEquals("PAPER", fill.get("mode"));
        assertTrue(filledQty(written) > 0, fill.toString());
        assertEquals(1, paper.execution.fills());
    }

    @Test
    void theFillReachesThePortfolioAtTheRiskStagesNextEvent()
    {
        final List<Entry> written = signalEvent();
        final long filledQty = filledQty(written);
        assertEquals(0, paper.risk.portfolio().position(paper.btc), "the fill reaches the portfolio at the risk stage's next event");
        assertTrue(OutboxEntries.where(written, "portfolio:updates", "reason", "fill").isEmpty());

        final List<Entry> next = paper.tick(1000, paper.event.eventMicros + 1);
        assertEquals(filledQty, paper.risk.portfolio().position(paper.btc));
        assertEquals(1, paper.risk.fills());
        final Entry position = OutboxEntries.where(next, "portfolio:updates", "reason", "fill").get(0);
        assertEquals("portfolio.update", position.get("type"));
        assertEquals(BTC, position.get("symbol"));
        assertEquals(filledQty, Math.round(Double.parseDouble(position.get("position")) * 1e8));
        assertTrue(Double.parseDouble(position.get("average_price")) > 0);
    }

    @Test
    void refusedOrderEntryWritesAnAlertAndNoIntent()
    {
        final Stages s = new Stages(false);
        final List<List<Entry>> events = s.toFirstSignal();
        final List<Entry> written = events.get(events.size() - 1);
        one(written, "signals:paper");
        final Entry alert = one(written, "risk:alerts:kraken");
        assertEquals("risk.alert", alert.get("type"));
        assertEquals("order_entry_refused", alert.get("rule"));
        assertEquals("sig-RUN-1", alert.get("signal_id"));
        assertEquals("trend", alert.get("strategy"));
        assertEquals(BTC, alert.get("symbol"));
        assertEquals(0, s.event.intentCount);
        for (final List<Entry> e : events)
        {
            assertTrue(on(e, "orders:requests").isEmpty());
            assertTrue(on(e, "exec:paper:confirms").isEmpty());
        }
        assertEquals(1, s.risk.alerts());
        assertEquals(0, s.risk.intents());
    }

    @Test
    void metricsTicksAreWrittenOncePerIntervalOfEventTime()
    {
        final List<List<Entry>> events = paper.trend(1000, 1, 5, false);
        final List<Long> stamps = new ArrayList<>();
        for (int i = 0; i < events.size(); i++)
        {
            for (final Entry metrics : on(events.get(i), "metrics:ticks"))
            {
                assertEquals("metrics.tick", metrics.get("type"));
                for (final String field : new String[] {
                    "pnl", "slippage_bps_p50", "latency_ms_p95", "win_rate_1h", "drawdown_daily", "errors_rate"})
                {
                    assertNotNull(metrics.get(field), field + " in " + metrics);
                    Double.parseDouble(metrics.get(field));
                }
                stamps.add(parse(metrics.get("timestamp")));
            }
        }
        // event time starts at T0 and moves 10 s per event: a snapshot on the first event, then every 6th
        assertEquals(List.of(T0, T0 + MINUTE, T0 + 2 * MINUTE, T0 + 3 * MINUTE, T0 + 4 * MINUTE), stamps);
        assertTrue(on(events.get(5), "metrics:ticks").isEmpty());
        assertTrue(Double.parseDouble(on(events.get(6), "metrics:ticks").get(0).get("latency_ms_p95")) >= 0);
    }

    private static long parse(final String timestamp)
    {
        final byte[] bytes = timestamp.getBytes(StandardCharsets.US_ASCII);
        return Rfc3339.parseMicros(new UnsafeBuffer(bytes), 0, bytes.length);
    }
}
