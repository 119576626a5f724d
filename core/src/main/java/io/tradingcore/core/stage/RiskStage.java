package io.tradingcore.core.stage;

import com.lmax.disruptor.EventHandler;
import io.tradingcore.core.book.BookLevels;
import io.tradingcore.core.kraken.Side;
import io.tradingcore.core.market.SymbolTable;
import io.tradingcore.core.portfolio.Portfolio;
import io.tradingcore.core.ring.FrameEvent;
import io.tradingcore.core.ring.SymbolUpdate;
import io.tradingcore.core.risk.OrderIntent;
import io.tradingcore.core.risk.RiskAlert;
import io.tradingcore.core.risk.RiskEngine;
import io.tradingcore.core.risk.RiskRule;
import io.tradingcore.core.risk.RiskState;
import io.tradingcore.core.strategy.Signal;
import io.tradingcore.core.strategy.StrategyId;
import io.tradingcore.core.stream.EntryWriter;
import io.tradingcore.core.stream.Fields;
import io.tradingcore.core.stream.RunIds;
import io.tradingcore.core.stream.StreamCatalog;

import static io.tradingcore.core.stream.EntryWriter.ascii;

/**
 * Stage 3: turns each signal into an order intent ({@code orders:requests}) or a rejection
 * ({@code risk:alerts:kraken}), trips the daily drawdown kill switch, and owns the portfolio: fills
 * come back from the execution stage through {@link ExecutionFeedback}, and each one is published to
 * {@code portfolio:updates} (as is every position on a timer in event time). After each event that
 * changed what a restart must keep (a fill, an approved order, the kill switch, the timer) it captures
 * that into its {@link RiskState}, which a writer on another thread persists.
 */
public final class RiskStage implements EventHandler<FrameEvent>, ExecutionFeedback.Handler
{
    private static final byte[] TYPE_INTENT = ascii("order.intent");
    private static final byte[] TYPE_ALERT = ascii("risk.alert");
    private static final byte[] TYPE_PORTFOLIO = ascii("portfolio.update");
    private static final byte[] REASON_FILL = ascii("fill");
    private static final byte[] REASON_TIMER = ascii("timer");
    private static final byte[] KILL_SWITCH_RESET = ascii("kill_switch_reset");

    private final RiskEngine risk;
    private final Portfolio portfolio;
    private final ExecutionFeedback[] feedback;
    private final boolean orderEntryAllowed;
    private final SymbolTable symbols;
    private final EntryWriter out;
    private final byte[] orderPrefix;
    private final byte[] signalPrefix;
    private final byte[] tickPrefix;
    private final long portfolioIntervalMicros;
    private final RiskAlert alert = new RiskAlert();
    private final OrderIntent intent = new OrderIntent();
    private final BookLevels noBook = new BookLevels(1);
    private final RoundTripWindow lastHour = new RoundTripWindow(4096);
    private final boolean[] held = new boolean[SymbolTable.MAX_SYMBOLS];
    private final RiskState state = new RiskState(SymbolTable.MAX_SYMBOLS);
    private boolean stateChanged;
    private int exchangeStatus = -1;
    /** Set by an operator's command (another thread), acted on at the next event. */
    private volatile boolean killSwitchResetRequested;
    private long nextPortfolioMicros;
    private long now;
    private long intents;
    private long alerts;
    private long fills;

    public RiskStage(
        final RiskEngine risk, final Portfolio portfolio, final boolean orderEntryAllowed, final SymbolTable symbols,
        final EntryWriter out, final RunIds ids, final long portfolioIntervalMicros,
        final ExecutionFeedback... feedback)
    {
        this.risk = risk;
        this.portfolio = portfolio;
        this.feedback = feedback;
        this.orderEntryAllowed = orderEntryAllowed;
        this.symbols = symbols;
        this.out = out;
        this.orderPrefix = ids.order;
        this.signalPrefix = ids.signal;
        this.tickPrefix = ids.tick;
        this.portfolioIntervalMicros = portfolioIntervalMicros;
    }

    @Override
    public void onEvent(final FrameEvent event, final long sequence, final boolean endOfBatch)
    {
        now = event.eventMicros;
        for (final ExecutionFeedback f : feedback)
        {
            f.awaitStage(sequence);
        }
        drainFeedback();
        if (killSwitchResetRequested)
        {
            resetKillSwitch();
        }
        if (event.exchangeStatus != exchangeStatus)
        {
            exchangeStatus = event.exchangeStatus;
            risk.onExchangeStatus(exchangeStatus);
        }
        if (event.kind == FrameEvent.KIND_SESSION_START)
        {
            // a new connection: every book is invalid until its snapshot
            for (int id = 0; id < SymbolTable.MAX_SYMBOLS; id++)
            {
                risk.onBook(id, noBook, false, now);
            }
        }
        for (int u = 0; u < event.updateCount; u++)
        {
            final SymbolUpdate update = event.updates[u];
            update.keepPrecisionIn(risk.instruments());
            if (update.bookChanged)
            {
                risk.onBook(update.symbolId, update.book, update.bookValid, now);
                if (update.bookValid && update.book.levels(Side.BID) > 0 && update.book.levels(Side.ASK) > 0)
                {
                    portfolio.mark(update.symbolId, update.book.price(Side.BID, 0), update.book.price(Side.ASK, 0), now);
                }
            }
        }
        event.intentCount = 0;
        for (int i = 0; i < event.signalCount; i++)
        {
            final Signal signal = event.signals[i];
            if (!orderEntryAllowed)
            {
                publishRefusal(signal);
            }
            else if (risk.check(signal, now, intent, alert))
            {
                event.intents[event.intentCount++].copyFrom(intent);
                publishIntent(intent, sequence);
                stateChanged = true; // the rate counter was charged
            }
            else
            {
                publishAlert(alert);
            }
        }
        if (risk.killSwitch(now, alert))
        {
            publishAlert(alert);
            stateChanged = true;
        }
        portfolio.onTime(now);
        if (now > 0 && now >= nextPortfolioMicros)
        {
            nextPortfolioMicros = now + portfolioIntervalMicros;
            publishPositions(REASON_TIMER);
            stateChanged = true;
        }
        if (stateChanged)
        {
            captureState();
        }
        event.pnl = portfolio.totalRealizedPnl() + portfolio.totalUnrealizedPnl() - portfolio.totalFees();
        event.drawdownDaily = portfolio.dailyDrawdown();
        event.winRateHour = lastHour.winRate(now);
    }

    /**
     * An operator's reset of the daily-drawdown kill switch, from any thread: at the next event the
     * switch re-arms and the day's drawdown restarts from the current equity; {@code events:bus} says so.
     */
    public void requestKillSwitchReset()
    {
        killSwitchResetRequested = true;
    }

    /** Read by the metrics thread: a racy but untorn view of the stage's state. */
    public boolean killSwitchTripped()
    {
        return risk.tripped();
    }

    /** Orders approved and not yet filled or closed; read as {@link #killSwitchTripped()}. */
    public int openOrders()
    {
        return risk.openOrders();
    }

    private void resetKillSwitch()
    {
        killSwitchResetRequested = false;
        final boolean wasTripped = risk.tripped();
        portfolio.restartDailyDrawdown();
        risk.reset();
        stateChanged = true;
        out.begin(StreamCatalog.EVENTS_BUS, -1, -1)
            .string(Fields.TYPE, Fields.TYPE_EVENT)
            .string(Fields.EVENT, KILL_SWITCH_RESET)
            .bool(Fields.TRIP, wasTripped)
            .number(Fields.EQUITY, portfolio.equity(), 6)
            .timestamp(Fields.TIMESTAMP, now)
            .publish();
    }

    /** Applies the fills left after the ring stopped (the last event's), then writes the final positions. */
    public void onStop()
    {
        drainFeedback();
        publishPositions(REASON_TIMER);
        captureState();
    }

    /** What a restart must keep, as of the last event; read by the state writer under its version. */
    public RiskState state()
    {
        return state;
    }

    /** Before the ring starts: takes back the state a previous run kept. */
    public void restore(final RiskState saved)
    {
        risk.restoreFrom(saved);
        fills = saved.fills;
        now = saved.eventMicros;
        for (int id = 0, n = Math.min(held.length, saved.maxSymbols()); id < n; id++)
        {
            held[id] = saved.traded[id];
        }
        captureState();
    }

    private void captureState()
    {
        stateChanged = false;
        state.beginWrite();
        risk.saveTo(state);
        state.eventMicros = now;
        state.fills = fills;
        state.endWrite();
    }

    /** Fills and closed orders from every execution path (the paper stage, the live Kraken client), one producer each. */
    private void drainFeedback()
    {
        for (final ExecutionFeedback f : feedback)
        {
            f.drain(this);
        }
    }

    @Override
    public void onFill(final int symbolId, final int side, final long price, final long qty, final double fee, final long micros)
    {
        fills++;
        final int roundTrips = portfolio.wins() + portfolio.losses();
        portfolio.onFill(symbolId, side, price, qty, fee, micros);
        risk.onFill(symbolId, side, qty);
        if (portfolio.wins() + portfolio.losses() > roundTrips)
        {
            lastHour.add(micros, portfolio.lastRoundTripResult() > 0);
        }
        held[symbolId] = true;
        stateChanged = true;
        publishPosition(symbolId, REASON_FILL);
    }

    @Override
    public void onOrderClosed(final int symbolId, final int side, final long unfilledQty)
    {
        risk.onOrderClosed(symbolId, side, unfilledQty);
    }

    public long intents()
    {
        return intents;
    }

    public long alerts()
    {
        return alerts;
    }

    public long fills()
    {
        return fills;
    }

    public Portfolio portfolio()
    {
        return portfolio;
    }

    private void publishIntent(final OrderIntent o, final long sequence)
    {
        intents++;
        out.begin(StreamCatalog.ORDERS_REQUESTS, o.symbolId, -1)
            .string(Fields.TYPE, TYPE_INTENT)
            .identifier(Fields.ID, orderPrefix, o.id)
            .identifier(Fields.SIGNAL_ID, signalPrefix, o.signalId)
            .identifier(Fields.CORRELATION_ID, tickPrefix, sequence)
            .string(Fields.STRATEGY, StrategyId.nameBytes(o.strategyId))
            .string(Fields.SYMBOL, symbols.nameBytes(o.symbolId))
            .string(Fields.SIDE, Side.tradeName(o.side))
            .string(Fields.ORDER_TYPE, OrderIntent.orderTypeName(o.orderType))
            .number(Fields.SIZE_QUOTE_USD, o.sizeQuote, 2);
        if (o.orderType == OrderIntent.LIMIT)
        {
            out.decimal(Fields.LIMIT_PRICE, o.limitPrice, o.pricePrecision);
        }
        out.string(Fields.EXCHANGE, Fields.KRAKEN)
            .string(Fields.SOURCE, Fields.SOURCE_CORE)
            .timestamp(Fields.TIMESTAMP, o.micros)
            .publish();
    }

    private void publishAlert(final RiskAlert a)
    {
        alerts++;
        out.begin(StreamCatalog.RISK_ALERTS_KRAKEN, -1, -1)
            .string(Fields.TYPE, TYPE_ALERT)
            .string(Fields.RULE, a.ruleName)
            .number(Fields.VALUE, a.value, 6)
            .number(Fields.LIMIT, a.limit, 6)
            .bool(Fields.TRIP, a.trip);
        if (a.signalId > 0)
        {
            out.identifier(Fields.SIGNAL_ID, signalPrefix, a.signalId)
                .string(Fields.STRATEGY, StrategyId.nameBytes(a.strategyId));
        }
        out.string(Fields.SYMBOL, a.symbolId >= 0 ? symbols.nameBytes(a.symbolId) : Fields.EMPTY)
            .timestamp(Fields.TIMESTAMP, a.micros != 0 ? a.micros : now)
            .publish();
    }

    private void publishRefusal(final Signal s)
    {
        alerts++;
        out.begin(StreamCatalog.RISK_ALERTS_KRAKEN, -1, -1)
            .string(Fields.TYPE, TYPE_ALERT)
            .string(Fields.RULE, RiskRule.nameBytes(RiskRule.ORDER_ENTRY_REFUSED))
            .number(Fields.VALUE, 0, 0)
            .number(Fields.LIMIT, 0, 0)
            .bool(Fields.TRIP, false)
            .identifier(Fields.SIGNAL_ID, signalPrefix, s.id)
            .string(Fields.STRATEGY, StrategyId.nameBytes(s.strategyId))
            .string(Fields.SYMBOL, symbols.nameBytes(s.symbolId))
            .timestamp(Fields.TIMESTAMP, now)
            .publish();
    }

    private void publishPositions(final byte[] reason)
    {
        for (int id = 0; id < SymbolTable.MAX_SYMBOLS; id++)
        {
            if (held[id])
            {
                publishPosition(id, reason);
            }
        }
    }

    private void publishPosition(final int symbolId, final byte[] reason)
    {
        out.begin(StreamCatalog.PORTFOLIO_UPDATES, -1, -1)
            .string(Fields.TYPE, TYPE_PORTFOLIO)
            .string(Fields.SYMBOL, symbols.nameBytes(symbolId))
            .string(Fields.REASON, reason)
            .number(Fields.POSITION, portfolio.positionQty(symbolId), 8)
            .number(Fields.AVERAGE_PRICE, portfolio.averagePrice(symbolId), 8)
            .number(Fields.MARK_PRICE, portfolio.markPrice(symbolId), 8)
            .number(Fields.REALIZED_PNL, portfolio.realizedPnl(symbolId), 6)
            .number(Fields.UNREALIZED_PNL, portfolio.unrealizedPnl(symbolId), 6)
            .number(Fields.FEES, portfolio.fees(symbolId), 6)
            .number(Fields.EXPOSURE, portfolio.exposure(symbolId), 6)
            .number(Fields.TOTAL_EXPOSURE, portfolio.totalExposure(), 6)
            .number(Fields.EQUITY, portfolio.equity(), 6)
            .number(Fields.DRAWDOWN_DAILY, portfolio.dailyDrawdown(), 6)
            .timestamp(Fields.TIMESTAMP, now)
            .publish();
    }
}
