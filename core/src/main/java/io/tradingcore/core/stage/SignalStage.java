package io.tradingcore.core.stage;

import com.lmax.disruptor.EventHandler;
import io.tradingcore.core.arbitrage.TriangularArbScorer;
import io.tradingcore.core.book.BookLevels;
import io.tradingcore.core.kraken.Side;
import io.tradingcore.core.market.Instruments;
import io.tradingcore.core.market.SymbolTable;
import io.tradingcore.core.ring.CandleHistory;
import io.tradingcore.core.ring.FrameEvent;
import io.tradingcore.core.ring.SymbolUpdate;
import io.tradingcore.core.stream.EntryWriter;
import io.tradingcore.core.stream.Environment;
import io.tradingcore.core.stream.Fields;
import io.tradingcore.core.stream.RunIds;
import io.tradingcore.core.stream.StreamCatalog;
import io.tradingcore.core.stream.Timeframe;
import io.tradingcore.core.strategy.Signal;
import io.tradingcore.core.strategy.SignalEngine;
import io.tradingcore.core.strategy.StrategyId;

import static io.tradingcore.core.stream.EntryWriter.ascii;

/**
 * Stage 2: feeds each frame's trades and book changes to the six strategies, publishes every
 * signal to the environment's primary stream, to its strategy's stream (and the mirror when on),
 * copies it into the slot for the risk stage, and scores the triangular arbitrage across the books.
 */
public final class SignalStage implements EventHandler<FrameEvent>
{
    private static final byte[] TYPE_SIGNAL = ascii("signal");
    private static final byte[] TYPE_ARB = ascii("arb.opportunity");
    private static final long ARB_REPORT_INTERVAL_MICROS = 1_000_000;
    private static final byte[] TYPE_E2E = ascii("metrics.signal_e2e");

    private final SignalEngine engine;
    private final SymbolTable symbols;
    private final StreamCatalog catalog;
    private final int primaryStream;
    private final EntryWriter out;
    private final byte[] signalPrefix;
    private final byte[] tickPrefix;
    private final TriangularArbScorer arb;
    private final int[] triangle;
    private final BookLevels[] triangleBooks = new BookLevels[3];
    private final boolean[] triangleValid = new boolean[3];
    private final byte[] triangleName;
    private final BookLevels noBook = new BookLevels(1);
    private long lastArbReportMicros;
    private long signals;
    private long signalsNotCarried;
    private final long[] signalsByStrategy = new long[StrategyId.COUNT];
    private long arbOpportunities;
    private long candlesSeeded;
    private final LatencyHistogram publishLatency = new LatencyHistogram(LatencyHistogram.PUBLISH_MICROS);

    /**
     * @param arb      the triangular scorer, or null when the three books of {@code triangle} are not all configured
     * @param triangle symbol ids of the triangle's books (x/quote, y/quote, y/x), used only with {@code arb}
     * @param ids      the prefixes of the run's ids
     */
    public SignalStage(
        final SignalEngine engine, final SymbolTable symbols, final StreamCatalog catalog,
        final Environment environment, final EntryWriter out, final RunIds ids, final TriangularArbScorer arb,
        final int[] triangle)
    {
        this.engine = engine;
        this.symbols = symbols;
        this.catalog = catalog;
        this.primaryStream = environment.primarySignalsStream();
        this.out = out;
        this.signalPrefix = ids.signal;
        this.tickPrefix = ids.tick;
        this.arb = arb;
        this.triangle = triangle;
        for (int i = 0; i < 3; i++)
        {
            triangleBooks[i] = new BookLevels(FrameEvent.BOOK_COPY_LEVELS);
        }
        triangleName = arb == null ? Fields.EMPTY : ascii(symbols.name(triangle[0]) + "," + symbols.name(triangle[1])
            + "," + symbols.name(triangle[2]));
    }

    @Override
    public void onEvent(final FrameEvent event, final long sequence, final boolean endOfBatch)
    {
        event.signalCount = 0;
        final long now = event.eventMicros;
        if (event.kind == FrameEvent.KIND_SESSION_START)
        {
            discardBooks(now);
        }
        seedCandles(event.history, now);
        boolean triangleChanged = false;
        for (int u = 0; u < event.updateCount; u++)
        {
            final SymbolUpdate update = event.updates[u];
            final int symbolId = update.symbolId;
            if (symbolId >= engine.maxSymbols())
            {
                continue;
            }
            update.keepPrecisionIn(engine.instruments());
            if (update.bookChanged)
            {
                engine.onBook(symbolId, update.book, update.bookValid, now);
                triangleChanged |= trackTriangle(update);
            }
            for (int t = 0; t < update.tradeCount; t++)
            {
                engine.onTrade(symbolId, update.tradeSide[t], update.tradePrice[t], update.tradeQty[t],
                    update.tradeMicros[t]);
            }
            final int n = engine.evaluate(symbolId, now);
            for (int i = 0; i < n; i++)
            {
                final Signal signal = engine.signal(i);
                publish(signal, sequence, event);
                if (event.signalCount < FrameEvent.MAX_SIGNALS)
                {
                    event.signals[event.signalCount++].copyFrom(signal);
                }
                else
                {
                    signalsNotCarried++;
                }
            }
        }
        if (triangleChanged)
        {
            scoreTriangle(now);
        }
    }

    public long signals()
    {
        return signals;
    }

    public long signals(final int strategyId)
    {
        return signalsByStrategy[strategyId];
    }

    /** Signals published but beyond the slot's capacity for the risk stage (more than 8 in one frame). */
    public long signalsNotCarried()
    {
        return signalsNotCarried;
    }

    /** Closed candles of the exchange's history taken into the strategies' candles. */
    public long candlesSeeded()
    {
        return candlesSeeded;
    }

    public long arbOpportunities()
    {
        return arbOpportunities;
    }

    /** Receive→published latency of every signal (as on {@code metrics:signals:e2e}), readable from any thread. */
    public LatencyHistogram publishLatency()
    {
        return publishLatency;
    }

    private void publish(final Signal signal, final long sequence, final FrameEvent event)
    {
        final long signalNanos = System.nanoTime();
        signals++;
        signalsByStrategy[signal.strategyId]++;
        write(primaryStream, signal, sequence);
        out.publishAlso(StreamCatalog.strategyStream(signal.strategyId));
        if (catalog.enabled(StreamCatalog.SIGNALS_MIRROR))
        {
            out.publishAlso(StreamCatalog.SIGNALS_MIRROR);
        }
        writeEndToEnd(signal, event, signalNanos, System.nanoTime());
    }

    /**
     * {@code metrics:signals:e2e}: the tick's exchange time and receive time, then receive→signal and
     * receive→published (handed to the Redis adapter), measured on this host's monotonic clock.
     */
    private void writeEndToEnd(final Signal s, final FrameEvent event, final long signalNanos, final long publishedNanos)
    {
        final long receiveToSignalMicros = (signalNanos - event.receiveNanos) / 1_000;
        final long receiveToPublishMicros = (publishedNanos - event.receiveNanos) / 1_000;
        publishLatency.record(receiveToPublishMicros);
        out.begin(StreamCatalog.METRICS_SIGNALS_E2E, s.symbolId, -1)
            .string(Fields.TYPE, TYPE_E2E)
            .identifier(Fields.SIGNAL_ID, signalPrefix, s.id)
            .string(Fields.STRATEGY, StrategyId.nameBytes(s.strategyId))
            .string(Fields.SYMBOL, symbols.nameBytes(s.symbolId))
            .timestamp(Fields.EXCHANGE_TS, s.decisionMicros)
            .timestamp(Fields.RECEIVED_AT, event.receiveEpochMicros)
            .timestamp(Fields.SIGNAL_AT, event.receiveEpochMicros + receiveToSignalMicros)
            .decimal(Fields.EXCHANGE_TO_RECEIVE_MS, (event.receiveEpochMicros - s.decisionMicros) / 10, 2)
            .integer(Fields.RECEIVE_TO_SIGNAL_US, receiveToSignalMicros)
            .integer(Fields.RECEIVE_TO_PUBLISH_US, receiveToPublishMicros)
            .timestamp(Fields.TIMESTAMP, event.receiveEpochMicros + receiveToSignalMicros)
            .publish();
    }

    private void write(final int stream, final Signal s, final long sequence)
    {
        final int pp = s.pricePrecision;
        out.begin(stream, s.symbolId, -1)
            .string(Fields.TYPE, TYPE_SIGNAL)
            .identifier(Fields.ID, signalPrefix, s.id)
            .identifier(Fields.CORRELATION_ID, tickPrefix, sequence)
            .string(Fields.STRATEGY, StrategyId.nameBytes(s.strategyId))
            .string(Fields.SYMBOL, symbols.nameBytes(s.symbolId))
            .string(Fields.TIMEFRAME, s.timeframe >= 0 ? Timeframe.name(s.timeframe) : "1m")
            .string(Fields.SIDE, Side.tradeName(s.side))
            .number(Fields.CONFIDENCE, s.confidence, 4)
            .string(Fields.EXCHANGE, Fields.KRAKEN)
            .string(Fields.SOURCE, Fields.SOURCE_CORE);
        out.beginJson(Fields.FEATURES).jsonObjectStart().jsonKey(Fields.PRICE).jsonDecimal(s.price, pp);
        for (int i = 0; i < s.featureCount; i++)
        {
            out.jsonKey(s.featureNames[i]).jsonNumber(s.features[i], 6);
        }
        out.jsonObjectEnd().endJson();
        out.beginJson(Fields.RISK).jsonObjectStart()
            .jsonKey(Fields.STOP).jsonDecimal(s.stopPrice, pp)
            .jsonKey(Fields.TAKE_PROFIT).jsonDecimal(s.takeProfitPrice, pp)
            .jsonKey(Fields.SIZE_QUOTE_USD).jsonNumber(s.sizeQuote, 2)
            .jsonObjectEnd().endJson()
            .timestamp(Fields.TIMESTAMP, s.decisionMicros)
            .publish();
    }

    /** The closed candles of an ohlc snapshot, older than any trade the frames after it bring. */
    private void seedCandles(final CandleHistory history, final long now)
    {
        for (int i = 0; i < history.size(); i++)
        {
            if (engine.onHistory(history.symbolId(i), history.timeframe(i), history.candle(i), now))
            {
                candlesSeeded++;
            }
        }
    }

    /** A new connection: every book is invalid until its snapshot. */
    private void discardBooks(final long now)
    {
        for (int id = 0; id < engine.maxSymbols(); id++)
        {
            engine.onBook(id, noBook, false, now);
        }
        for (int i = 0; i < 3; i++)
        {
            triangleValid[i] = false;
        }
    }

    private boolean trackTriangle(final SymbolUpdate update)
    {
        if (arb == null)
        {
            return false;
        }
        for (int i = 0; i < 3; i++)
        {
            if (triangle[i] == update.symbolId)
            {
                triangleValid[i] = update.bookValid;
                triangleBooks[i].copyFrom(update.book);
                return true;
            }
        }
        return false;
    }

    private void scoreTriangle(final long now)
    {
        if (!triangleValid[0] || !triangleValid[1] || !triangleValid[2]
            || !arb.score(triangleBooks[0], triangleBooks[1], triangleBooks[2], now)
            || now - lastArbReportMicros < ARB_REPORT_INTERVAL_MICROS)
        {
            return;
        }
        lastArbReportMicros = now;
        arbOpportunities++;
        out.begin(StreamCatalog.ARB_SCORED, -1, -1)
            .string(Fields.TYPE, TYPE_ARB)
            .string(Fields.EXCHANGE, Fields.KRAKEN)
            .string(Fields.TRIANGLE, triangleName)
            .string(Fields.DIRECTION, TriangularArbScorer.directionName(arb.bestDirection()))
            .number(Fields.SCORE, arb.netEdgeBps(), 3)
            .number(Fields.NET_EDGE_BPS, arb.netEdgeBps(), 3)
            .number(Fields.GROSS_EDGE_BPS, arb.grossEdgeBps(), 3)
            .number(Fields.NOTIONAL_QUOTE, arb.notionalQuote(), 2)
            .timestamp(Fields.TIMESTAMP, now)
            .publish();
    }
}
