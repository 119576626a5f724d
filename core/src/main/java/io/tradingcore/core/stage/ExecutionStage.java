package io.tradingcore.core.stage;

import com.lmax.disruptor.EventHandler;
import io.tradingcore.core.book.BookLevels;
import io.tradingcore.core.execution.ExecutionReport;
import io.tradingcore.core.execution.OrderGateway;
import io.tradingcore.core.execution.PaperFillSimulator;
import io.tradingcore.core.kraken.Side;
import io.tradingcore.core.market.SymbolTable;
import io.tradingcore.core.ring.FrameEvent;
import io.tradingcore.core.ring.SymbolUpdate;
import io.tradingcore.core.risk.OrderIntent;
import io.tradingcore.core.stream.EntryWriter;
import io.tradingcore.core.stream.Fields;
import io.tradingcore.core.stream.RunIds;
import io.tradingcore.core.stream.StreamCatalog;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.SingleWriterRecorder;

import static io.tradingcore.core.stream.EntryWriter.ascii;

/**
 * Stage 4. PAPER mode: fills each order intent against this stage's own latest copy of the book
 * (market orders walk it; limit orders rest and fill when the market trades through them), writes
 * confirmations and fills to the environment's execution stream, sends fills back to the risk stage,
 * and measures tick→decision latency. LIVE mode: hands each intent to the {@link OrderGateway} (the
 * authenticated Kraken client, which writes the exchange's confirmations and fills itself) and reports
 * a refused hand-off as a rejected confirmation. Both write the {@code metrics:ticks} snapshot on event time.
 */
public final class ExecutionStage implements EventHandler<FrameEvent>
{
    /** Highest latency tracked (60 s); anything slower is recorded at this value. */
    public static final long MAX_LATENCY_NANOS = 60_000_000_000L;
    public static final int FIRST_TICKS = 1_000;
    private static final long SLIPPAGE_OFFSET = 10_000_000L;

    private static final byte[] TYPE_METRICS = ascii("metrics.tick");
    private static final byte[] REJECTED = ascii("rejected");

    private final PaperFillSimulator paper;
    private final OrderGateway gateway;
    private final ExecutionFeedback feedback;
    private final SymbolTable symbols;
    private final int executionStream;
    private final EntryWriter out;
    private final byte[] orderPrefix;
    private final byte[] signalPrefix;
    private final byte[] fillPrefix;
    private final long metricsIntervalMicros;
    private final BookLevels[] books = new BookLevels[SymbolTable.MAX_SYMBOLS];
    private final BookLevels emptyBook = new BookLevels(1);
    private final Histogram tickToDecision = new Histogram(MAX_LATENCY_NANOS, 3);
    /** The first ticks after start alone: what a warm-up before the live feed is for. */
    private final Histogram firstTicks = new Histogram(MAX_LATENCY_NANOS, 3);
    /** The same latencies in fixed buckets any thread may read (Prometheus); the Histogram is this thread's. */
    private final LatencyHistogram tickToDecisionBuckets = new LatencyHistogram(LatencyHistogram.TICK_TO_DECISION_NANOS);
    private final Histogram receiveToDecision = new Histogram(MAX_LATENCY_NANOS, 3);
    private final Histogram intervalLatency = new Histogram(MAX_LATENCY_NANOS, 3);
    /** Tick→decision for the latency log: recorded here without allocating, swapped by a housekeeping thread. */
    private final SingleWriterRecorder tickToDecisionLog = new SingleWriterRecorder(MAX_LATENCY_NANOS, 3);
    private final Histogram intervalSlippage = new Histogram(2 * SLIPPAGE_OFFSET, 3);
    private long nextMetricsMicros;
    private long lastMetricsMicros;
    private long rejectedAtLastMetrics;
    private long confirmations;
    private long fills;

    /** {@code gateway} null: PAPER mode with {@code paper}; otherwise LIVE mode through the gateway. */
    public ExecutionStage(
        final PaperFillSimulator paper, final OrderGateway gateway, final ExecutionFeedback feedback,
        final SymbolTable symbols, final int executionStream, final EntryWriter out, final RunIds ids,
        final long metricsIntervalMicros)
    {
        this.paper = paper;
        this.gateway = gateway;
        this.feedback = feedback;
        this.symbols = symbols;
        this.executionStream = executionStream;
        this.out = out;
        this.orderPrefix = ids.order;
        this.signalPrefix = ids.signal;
        this.fillPrefix = ids.fill;
        this.metricsIntervalMicros = metricsIntervalMicros;
    }

    @Override
    public void onEvent(final FrameEvent event, final long sequence, final boolean endOfBatch)
    {
        final long now = event.eventMicros;
        if (event.kind == FrameEvent.KIND_SESSION_START)
        {
            // a new connection: every book is invalid until its snapshot
            for (final BookLevels book : books)
            {
                if (book != null)
                {
                    book.clear();
                }
            }
        }
        for (int u = 0; u < event.updateCount; u++)
        {
            final SymbolUpdate update = event.updates[u];
            final int symbolId = update.symbolId;
            if (update.bookChanged)
            {
                book(symbolId).copyFrom(update.bookValid ? update.book : emptyBook);
            }
            for (int t = 0; gateway == null && t < update.tradeCount; t++)
            {
                report(paper.onTrade(symbolId, update.tradePrice[t], update.tradeQty[t], update.tradeMicros[t]));
            }
        }
        for (int i = 0; i < event.intentCount; i++)
        {
            final OrderIntent intent = event.intents[i];
            if (gateway == null)
            {
                report(paper.submit(intent, book(intent.symbolId), now));
            }
            else if (!gateway.submit(intent, now))
            {
                rejectLive(intent, gateway.refusal(), now);
            }
        }
        if (event.updateCount > 0)
        {
            final long decided = System.nanoTime();
            final long inPipeline = clamp(decided - event.dequeueNanos);
            tickToDecision.recordValue(inPipeline);
            if (firstTicks.getTotalCount() < FIRST_TICKS)
            {
                firstTicks.recordValue(inPipeline);
            }
            tickToDecisionBuckets.record(inPipeline);
            intervalLatency.recordValue(inPipeline);
            tickToDecisionLog.recordValue(inPipeline);
            receiveToDecision.recordValue(clamp(decided - event.receiveNanos));
        }
        if (now > 0 && now >= nextMetricsMicros)
        {
            publishMetrics(event, now);
        }
        feedback.stageDone(sequence);
    }

    @Override
    public void onShutdown()
    {
        feedback.stageStopped();
    }

    /**
     * Tick→decision latency, in ns, of every frame that changed a book or carried a trade: from the
     * normalize stage taking the slot to this stage's decision, all four stages.
     */
    public Histogram tickToDecision()
    {
        return tickToDecision;
    }

    /** The same values as {@link #tickToDecision()}, for a reader that takes one interval at a time. */
    public SingleWriterRecorder tickToDecisionLog()
    {
        return tickToDecisionLog;
    }

    /** Tick→decision latency, in ns, of the first {@link #FIRST_TICKS} ticks after start. */
    public Histogram firstTicks()
    {
        return firstTicks;
    }

    /** {@link #tickToDecision()} in fixed buckets, for a scrape from another thread. */
    public LatencyHistogram tickToDecisionBuckets()
    {
        return tickToDecisionBuckets;
    }

    /** The same from the frame's receipt, so including the wait in the ring (a replay fills it in bursts). */
    public Histogram receiveToDecision()
    {
        return receiveToDecision;
    }

    private static long clamp(final long nanos)
    {
        return Math.max(0, Math.min(nanos, MAX_LATENCY_NANOS));
    }

    public long confirmations()
    {
        return confirmations;
    }

    public long fills()
    {
        return fills;
    }

    private BookLevels book(final int symbolId)
    {
        BookLevels book = books[symbolId];
        if (book == null)
        {
            book = new BookLevels(FrameEvent.BOOK_COPY_LEVELS);
            books[symbolId] = book;
        }
        return book;
    }

    private void report(final int count)
    {
        for (int i = 0; i < count; i++)
        {
            final ExecutionReport r = paper.report(i);
            publish(r);
            if (r.kind == ExecutionReport.FILL)
            {
                fills++;
                feedback.fill(r.symbolId, r.side, r.price, r.qty, r.fee, r.micros);
                intervalSlippage.recordValue(Math.max(0, Math.min(2 * SLIPPAGE_OFFSET,
                    Math.round(r.slippageBps * 100) + SLIPPAGE_OFFSET)));
            }
            else
            {
                confirmations++;
            }
            if (r.terminal())
            {
                feedback.orderClosed(r.symbolId, r.side, r.remainingQty);
            }
        }
    }

    private void publish(final ExecutionReport r)
    {
        final boolean fill = r.kind == ExecutionReport.FILL;
        out.begin(executionStream, r.symbolId, -1)
            .string(Fields.TYPE, fill ? Fields.TYPE_FILL : Fields.TYPE_CONFIRMATION)
            .string(Fields.STATUS, ExecutionReport.statusName(r.status))
            .identifier(Fields.ORDER_ID, orderPrefix, r.orderId)
            .identifier(Fields.SIGNAL_ID, signalPrefix, r.signalId)
            .string(Fields.SYMBOL, symbols.nameBytes(r.symbolId))
            .string(Fields.SIDE, Side.tradeName(r.side))
            .string(Fields.ORDER_TYPE, OrderIntent.orderTypeName(r.orderType));
        if (fill)
        {
            out.identifier(Fields.FILL_ID, fillPrefix, r.fillId)
                .decimal(Fields.PRICE, r.price, r.pricePrecision)
                .decimal(Fields.QTY, r.qty, r.qtyPrecision)
                .number(Fields.FEE, r.fee, 8)
                .string(Fields.LIQUIDITY, ExecutionReport.liquidityName(r.liquidity))
                .number(Fields.SLIPPAGE_BPS, r.slippageBps, 3);
        }
        out.decimal(Fields.CUM_QTY, r.cumQty, r.qtyPrecision)
            .decimal(Fields.REMAINING_QTY, r.remainingQty, r.qtyPrecision)
            .string(Fields.REASON, r.reason != null ? r.reason : Fields.EMPTY)
            .string(Fields.EXCHANGE, Fields.KRAKEN)
            .string(Fields.MODE, Fields.PAPER)
            .timestamp(Fields.TIMESTAMP, r.micros)
            .publish();
    }

    /** The gateway could not take the order: it never left, so it is rejected here and closed for risk. */
    private void rejectLive(final OrderIntent intent, final byte[] reason, final long now)
    {
        confirmations++;
        out.begin(executionStream, intent.symbolId, -1)
            .string(Fields.TYPE, Fields.TYPE_CONFIRMATION)
            .string(Fields.STATUS, REJECTED)
            .identifier(Fields.ORDER_ID, orderPrefix, intent.id)
            .identifier(Fields.SIGNAL_ID, signalPrefix, intent.signalId)
            .string(Fields.SYMBOL, symbols.nameBytes(intent.symbolId))
            .string(Fields.SIDE, Side.tradeName(intent.side))
            .string(Fields.ORDER_TYPE, OrderIntent.orderTypeName(intent.orderType))
            .string(Fields.REASON, reason)
            .string(Fields.EXCHANGE, Fields.KRAKEN)
            .string(Fields.MODE, Fields.LIVE)
            .timestamp(Fields.TIMESTAMP, now)
            .publish();
        feedback.orderClosed(intent.symbolId, intent.side, intent.qty);
    }

    private void publishMetrics(final FrameEvent event, final long now)
    {
        final double seconds = lastMetricsMicros == 0 ? 0 : (now - lastMetricsMicros) / 1e6;
        final double errorsRate = seconds > 0 ? (event.rejectedFrames - rejectedAtLastMetrics) / seconds : 0;
        final double slippageP50 = intervalSlippage.getTotalCount() == 0 ? 0
            : (intervalSlippage.getValueAtPercentile(50) - SLIPPAGE_OFFSET) / 100.0;
        final double latencyP95 = intervalLatency.getTotalCount() == 0 ? 0 : intervalLatency.getValueAtPercentile(95) / 1e6;
        out.begin(StreamCatalog.METRICS_TICKS, -1, -1)
            .string(Fields.TYPE, TYPE_METRICS)
            .number(Fields.PNL, event.pnl, 6)
            .number(Fields.SLIPPAGE_P50, slippageP50, 3)
            .number(Fields.LATENCY_P95, latencyP95, 3)
            .number(Fields.WIN_RATE_1H, event.winRateHour, 4)
            .number(Fields.DRAWDOWN_DAILY, event.drawdownDaily, 6)
            .number(Fields.ERRORS_RATE, errorsRate, 4)
            .timestamp(Fields.TIMESTAMP, now)
            .publish();
        intervalLatency.reset();
        intervalSlippage.reset();
        rejectedAtLastMetrics = event.rejectedFrames;
        lastMetricsMicros = now;
        nextMetricsMicros = now + metricsIntervalMicros;
    }
}
