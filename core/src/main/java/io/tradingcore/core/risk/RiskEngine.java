package io.tradingcore.core.risk;

import io.tradingcore.core.book.BookView;
import io.tradingcore.core.indicator.BookMetrics;
import io.tradingcore.core.indicator.Scaled;
import io.tradingcore.core.kraken.ExchangeStatus;
import io.tradingcore.core.kraken.Side;
import io.tradingcore.core.market.FeeSchedule;
import io.tradingcore.core.market.Instruments;
import io.tradingcore.core.market.UsdConversion;
import io.tradingcore.core.portfolio.Portfolio;
import io.tradingcore.core.strategy.Signal;
import io.tradingcore.core.strategy.StrategyParameters;

/**
 * The risk stage: turns a signal into an {@link OrderIntent} or rejects it with a {@link RiskAlert}.
 * Every money figure is in USD: the signal's size, the notional limits and the portfolio's drawdown; a
 * pair quoted in another currency is converted through {@link UsdConversion}, which this engine feeds
 * with every book it sees. Rules, checked in this order (parameters in section {@code risk}, defaults in brackets):
 * <ol>
 * <li>kill switch: trips when the portfolio's daily drawdown reaches {@code max_daily_drawdown_quote}
 *     (200 USD); stays tripped until {@link #reset()} or the first event of a later UTC day;</li>
 * <li>exchange status: no new orders in {@code maintenance} or {@code cancel_only}; in {@code post_only}
 *     every order becomes a post-only limit at the passive touch (unknown status passes: a replay may
 *     carry none);</li>
 * <li>book invalid, or older than {@code max_book_age_ms} (5000) in event time;</li>
 * <li>spread above {@code max_spread_bps} (25);</li>
 * <li>{@code loss_streak} (3) losing round trips in a row: no orders for {@code loss_cooldown_s} (900)
 *     after the last loss;</li>
 * <li>at most {@code max_open_orders} (4) open orders across symbols;</li>
 * <li>order notional plus its fee at the account's tier ({@link FeeSchedule}: maker for a limit, taker
 *     for a market order) at most {@code max_order_quote} (250 USD);</li>
 * <li>a valid book converting the pair's quote currency to USD ({@link RiskRule#NO_USD_CONVERSION});</li>
 * <li>|position notional| after the order at most {@code max_position_quote} (1000 USD), unless the order
 *     reduces it;</li>
 * <li>Kraken's rate counter ({@code rate_tier} 0 starter / 1 intermediate / 2 pro, or
 *     {@code rate_threshold} and {@code rate_decay_per_s}): the add must leave it below the threshold
 *     with, if {@code rate_cancel_reserve} (1), room kept to cancel every open order of the pair (and
 *     this one, if it rests) at the worst cancel cost;</li>
 * <li>a size that rounds to zero quantity.</li>
 * </ol>
 * Orders are {@code order_type} 0 market (default) or 1 limit at the passive touch, {@code post_only}
 * (0) for limits. Single-threaded, allocation-free. The caller reports order lifecycle back with
 * {@link #onFill(int, int, long)}, {@link #onOrderClosed(int, int, long)} and {@link #onCancel(int, long, long)}.
 * An approved intent's quantity counts against the position limit from approval until it fills or
 * closes, so orders in flight (the fill not back yet, as in the pinned topology) cannot stack past it.
 */
public final class RiskEngine
{
    private static final String SECTION = "risk";

    private final Instruments instruments;
    private final Portfolio portfolio;
    private final UsdConversion usd;
    private final int maxSymbols;
    private final KrakenRateCounter rateCounter;

    private final double maxDailyDrawdown;
    private final long maxBookAgeMicros;
    private final double maxSpreadBps;
    private final int lossStreak;
    private final long lossCooldownMicros;
    private final int maxOpenOrders;
    private final double maxOrderQuote;
    private final double maxPositionQuote;
    private final boolean cancelReserve;
    private final int orderType;
    private final boolean postOnly;
    private final double makerFee;
    private final double takerFee;

    private final boolean[] bookValid;
    private final long[] bookMicros;
    private final long[] bestBid;
    private final long[] bestAsk;
    private final double[] spreadBps;
    private final int[] openOrders;
    /** Signed quantity (scaled) of approved orders not yet filled or closed, per symbol. */
    private final long[] reserved;
    private int openOrdersTotal;
    private int exchangeStatus = ExchangeStatus.UNKNOWN;
    private boolean tripped;
    private long trippedDay;
    private long nextIntentId = 1;

    public RiskEngine(
        final StrategyParameters parameters,
        final Instruments instruments,
        final Portfolio portfolio,
        final UsdConversion usd,
        final int maxSymbols)
    {
        this.instruments = instruments;
        this.portfolio = portfolio;
        this.usd = usd;
        this.maxSymbols = maxSymbols;
        maxDailyDrawdown = parameters.get(SECTION, "max_daily_drawdown_quote", 200);
        maxBookAgeMicros = (long)(parameters.get(SECTION, "max_book_age_ms", 5000) * 1000);
        maxSpreadBps = parameters.get(SECTION, "max_spread_bps", 25);
        lossStreak = parameters.getInt(SECTION, "loss_streak", 3);
        lossCooldownMicros = (long)(parameters.get(SECTION, "loss_cooldown_s", 900) * 1_000_000L);
        maxOpenOrders = parameters.getInt(SECTION, "max_open_orders", 4);
        maxOrderQuote = parameters.get(SECTION, "max_order_quote", 250);
        maxPositionQuote = parameters.get(SECTION, "max_position_quote", 1000);
        final int tier = parameters.getInt(SECTION, "rate_tier", KrakenRateCounter.STARTER);
        rateCounter = new KrakenRateCounter(
            parameters.get(SECTION, "rate_threshold", KrakenRateCounter.tierThreshold(tier)),
            parameters.get(SECTION, "rate_decay_per_s", KrakenRateCounter.tierDecayPerSecond(tier)),
            maxSymbols);
        cancelReserve = parameters.get(SECTION, "rate_cancel_reserve", 1) != 0;
        orderType = parameters.getInt(SECTION, "order_type", OrderIntent.MARKET);
        postOnly = parameters.get(SECTION, "post_only", 0) != 0;
        makerFee = FeeSchedule.makerBps(parameters) / 10_000.0;
        takerFee = FeeSchedule.takerBps(parameters) / 10_000.0;
        if (orderType != OrderIntent.MARKET && orderType != OrderIntent.LIMIT)
        {
            throw new IllegalArgumentException("risk.order_type must be 0 (market) or 1 (limit): " + orderType);
        }
        bookValid = new boolean[maxSymbols];
        bookMicros = new long[maxSymbols];
        bestBid = new long[maxSymbols];
        bestAsk = new long[maxSymbols];
        spreadBps = new double[maxSymbols];
        openOrders = new int[maxSymbols];
        reserved = new long[maxSymbols];
    }

    /** Kraken's {@code status.system} ({@link ExchangeStatus}). */
    public void onExchangeStatus(final int status)
    {
        exchangeStatus = status;
    }

    /** The book after a message was applied and verified; only the top is kept (and passed to the USD conversion). */
    public void onBook(final int symbolId, final BookView book, final boolean valid, final long micros)
    {
        if (symbolId < 0 || symbolId >= maxSymbols)
        {
            return;
        }
        final boolean usable = valid && book.levels(Side.BID) > 0 && book.levels(Side.ASK) > 0;
        bookValid[symbolId] = usable;
        bookMicros[symbolId] = micros;
        if (usable)
        {
            bestBid[symbolId] = book.price(Side.BID, 0);
            bestAsk[symbolId] = book.price(Side.ASK, 0);
            spreadBps[symbolId] = BookMetrics.spreadBps(book);
        }
        usd.onBook(symbolId, bestBid[symbolId], bestAsk[symbolId], usable);
    }

    /**
     * Checks {@code signal} at event time {@code nowMicros}. Returns true with {@code intent} filled
     * (and the order counted as open and charged to the rate counter), or false with {@code alert} filled.
     */
    public boolean check(final Signal signal, final long nowMicros, final OrderIntent intent, final RiskAlert alert)
    {
        final int s = signal.symbolId;
        if (s < 0 || s >= maxSymbols)
        {
            return reject(alert, RiskRule.BOOK_INVALID, 0, 0, signal, nowMicros);
        }
        if (killSwitch(nowMicros, alert))
        {
            alert.signalId = signal.id;
            alert.strategyId = signal.strategyId;
            alert.symbolId = s;
            return false;
        }
        if (tripped)
        {
            return reject(alert, RiskRule.KILL_SWITCH, portfolio.dailyDrawdown(), maxDailyDrawdown, signal, nowMicros);
        }
        if (exchangeStatus == ExchangeStatus.MAINTENANCE || exchangeStatus == ExchangeStatus.CANCEL_ONLY)
        {
            return reject(alert, RiskRule.EXCHANGE_STATUS, exchangeStatus, 0, signal, nowMicros);
        }
        if (!bookValid[s])
        {
            return reject(alert, RiskRule.BOOK_INVALID, 0, 0, signal, nowMicros);
        }
        final long age = nowMicros - bookMicros[s];
        if (age > maxBookAgeMicros)
        {
            return reject(alert, RiskRule.BOOK_STALE, age / 1000.0, maxBookAgeMicros / 1000.0, signal, nowMicros);
        }
        if (spreadBps[s] > maxSpreadBps)
        {
            return reject(alert, RiskRule.MAX_SPREAD, spreadBps[s], maxSpreadBps, signal, nowMicros);
        }
        final int streak = portfolio.lossStreak();
        if (streak >= lossStreak && nowMicros < portfolio.lastLossMicros() + lossCooldownMicros)
        {
            return reject(alert, RiskRule.LOSS_STREAK, streak, lossStreak, signal, nowMicros);
        }
        if (openOrdersTotal >= maxOpenOrders)
        {
            return reject(alert, RiskRule.MAX_OPEN_ORDERS, openOrdersTotal, maxOpenOrders, signal, nowMicros);
        }
        final boolean postOnlyMarket = exchangeStatus == ExchangeStatus.POST_ONLY;
        final int type = postOnlyMarket ? OrderIntent.LIMIT : orderType;
        final double size = signal.sizeQuote;
        final double cost = size * (1.0 + (type == OrderIntent.LIMIT ? makerFee : takerFee));
        if (cost > maxOrderQuote)
        {
            return reject(alert, RiskRule.MAX_ORDER_NOTIONAL, cost, maxOrderQuote, signal, nowMicros);
        }
        final double usdPerQuote = usd.usdPerQuote(s);
        if (!(usdPerQuote > 0)) // NaN: no valid conversion book
        {
            return reject(alert, RiskRule.NO_USD_CONVERSION, 0, 0, signal, nowMicros);
        }

        final boolean buy = signal.side == Side.BUY;
        // a limit rests at the passive touch; a market order is sized at the price it will take, in USD
        final long sizingPrice = type == OrderIntent.LIMIT ? (buy ? bestBid[s] : bestAsk[s]) : (buy ? bestAsk[s] : bestBid[s]);
        final int pricePrecision = instruments.pricePrecision(s);
        final int qtyPrecision = instruments.qtyPrecision(s);
        final double price = Scaled.toDouble(sizingPrice, pricePrecision) * usdPerQuote;

        final double current = (portfolio.positionQty(s) + Scaled.toDouble(reserved[s], qtyPrecision)) * price;
        final double after = current + (buy ? size : -size);
        if (Math.abs(after) > maxPositionQuote && Math.abs(after) > Math.abs(current))
        {
            return reject(alert, RiskRule.MAX_POSITION, Math.abs(after), maxPositionQuote, signal, nowMicros);
        }
        final int resting = openOrders[s] + (type == OrderIntent.LIMIT ? 1 : 0);
        final double reserve = cancelReserve ? resting * KrakenRateCounter.MAX_CANCEL_COST : 0.0;
        if (!rateCounter.allows(s, KrakenRateCounter.addCost(), reserve, nowMicros))
        {
            final double projected = rateCounter.count(s, nowMicros) + KrakenRateCounter.addCost() + reserve;
            return reject(alert, RiskRule.RATE_COUNTER, projected, rateCounter.threshold(), signal, nowMicros);
        }
        final long qty = (long)Math.floor(size / price * Scaled.pow10(qtyPrecision));
        if (qty <= 0)
        {
            return reject(alert, RiskRule.ORDER_TOO_SMALL, size, 0, signal, nowMicros);
        }

        rateCounter.charge(s, KrakenRateCounter.addCost(), nowMicros);
        reserved[s] += buy ? qty : -qty;
        openOrders[s]++;
        openOrdersTotal++;
        intent.id = nextIntentId++;
        intent.signalId = signal.id;
        intent.strategyId = signal.strategyId;
        intent.symbolId = s;
        intent.side = signal.side;
        intent.orderType = type;
        intent.postOnly = type == OrderIntent.LIMIT && (postOnly || postOnlyMarket);
        intent.sizeQuote = size;
        intent.limitPrice = type == OrderIntent.LIMIT ? sizingPrice : 0;
        intent.qty = qty;
        intent.decisionPrice = signal.price;
        intent.stopPrice = signal.stopPrice;
        intent.takeProfitPrice = signal.takeProfitPrice;
        intent.pricePrecision = pricePrecision;
        intent.qtyPrecision = qtyPrecision;
        intent.micros = nowMicros;
        return true;
    }

    /**
     * Evaluates the kill switch at {@code nowMicros} (call it after fills and marks too, so a trip is
     * reported without waiting for a signal). Returns true only on the event that trips it, with
     * {@code alert} filled ({@code trip = true}); a new UTC day resets a trip.
     */
    public boolean killSwitch(final long nowMicros, final RiskAlert alert)
    {
        final long today = Portfolio.utcDay(nowMicros);
        if (tripped && today > trippedDay)
        {
            tripped = false;
        }
        if (!tripped && portfolio.day() == today && portfolio.dailyDrawdown() >= maxDailyDrawdown)
        {
            tripped = true;
            trippedDay = today;
            alert.set(RiskRule.KILL_SWITCH, portfolio.dailyDrawdown(), maxDailyDrawdown, nowMicros);
            alert.trip = true;
            return true;
        }
        return false;
    }

    /** Re-arms the kill switch by hand (the drawdown must be back under the limit or it trips again). */
    public void reset()
    {
        tripped = false;
    }

    public boolean tripped()
    {
        return tripped;
    }

    /** The kill switch, the rate-counter model and the portfolio into {@code state} (the caller brackets the capture). */
    public void saveTo(final RiskState state)
    {
        portfolio.saveTo(state);
        rateCounter.saveTo(state);
        state.killSwitchTripped = tripped;
        state.killSwitchDay = trippedDay;
    }

    /** Before the first event: a switch tripped on a day stays tripped until a later UTC day in event time, or a reset. */
    public void restoreFrom(final RiskState state)
    {
        portfolio.restoreFrom(state);
        rateCounter.restoreFrom(state);
        tripped = state.killSwitchTripped;
        trippedDay = state.killSwitchDay;
    }

    /** An order of {@code symbolId} reached a terminal state (filled, canceled, rejected, expired). */
    /** A fill of one of our orders: that much of its reservation is now a position. */
    public void onFill(final int symbolId, final int side, final long qty)
    {
        reserved[symbolId] -= side == Side.BUY ? qty : -qty;
    }

    /** Our order ended with {@code unfilledQty} never filled: release it from the reservation. */
    public void onOrderClosed(final int symbolId, final int side, final long unfilledQty)
    {
        reserved[symbolId] -= side == Side.BUY ? unfilledQty : -unfilledQty;
        if (openOrders[symbolId] > 0)
        {
            openOrders[symbolId]--;
            openOrdersTotal--;
        }
    }

    /** Whether a cancel of an order aged {@code orderAgeMicros} can be sent now without hitting the rate limit. */
    public boolean canCancel(final int symbolId, final long orderAgeMicros, final long nowMicros)
    {
        return rateCounter.allows(symbolId, KrakenRateCounter.cancelCost(orderAgeMicros), 0, nowMicros);
    }

    /** A cancel was sent for an order aged {@code orderAgeMicros}: charges its cost to the rate counter. */
    public void onCancel(final int symbolId, final long orderAgeMicros, final long nowMicros)
    {
        rateCounter.charge(symbolId, KrakenRateCounter.cancelCost(orderAgeMicros), nowMicros);
    }

    public int openOrders()
    {
        return openOrdersTotal;
    }

    public int openOrders(final int symbolId)
    {
        return openOrders[symbolId];
    }

    public int exchangeStatus()
    {
        return exchangeStatus;
    }

    /** The precision table this engine (and its portfolio) reads: the risk stage keeps it in step with its slots. */
    public Instruments instruments()
    {
        return instruments;
    }

    public KrakenRateCounter rateCounter()
    {
        return rateCounter;
    }

    private static boolean reject(
        final RiskAlert alert,
        final int rule,
        final double value,
        final double limit,
        final Signal signal,
        final long nowMicros)
    {
        alert.set(rule, value, limit, nowMicros);
        alert.signalId = signal.id;
        alert.strategyId = signal.strategyId;
        alert.symbolId = signal.symbolId;
        return false;
    }
}
