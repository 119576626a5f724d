package io.tradingcore.core.strategy;

import io.tradingcore.core.book.BookView;
import io.tradingcore.core.indicator.Candle;
import io.tradingcore.core.indicator.CandleBuilder;
import io.tradingcore.core.kraken.TradePrint;
import io.tradingcore.core.market.Instruments;

/**
 * The signal stage's entry point: feeds trades and book changes into per-symbol market state and
 * candles, hands closed candles to the strategies, and asks them for signals. Single-threaded;
 * allocation-free after construction. Time is always the feed's event time (epoch µs).
 * <p>
 * Per event, for symbol {@code s}: its closed candles of history ({@link #onHistory}), then
 * {@link #onTrade(TradePrint)} or {@link #onBook(int, BookView, boolean, long)} (each returns a bit
 * mask of the timeframes whose candle closed: bit {@code Timeframe} id, the closed candle is
 * {@code candles(s, tf).last()}), then {@link #evaluate(int, long)} and
 * {@link #signal(int)} for {@code 0 <= i < n}.
 * Symbols with an id at or above {@code maxSymbols}, or with no known precision yet, are ignored.
 * Parameters: {@code market.book_levels} (5), {@code market.flow_alpha} (0.1), each strategy's
 * {@code enabled} (1 = on) and the parameters listed in each strategy's class comment.
 */
public final class SignalEngine
{
    private final Instruments instruments;
    private final int maxSymbols;
    private final SymbolMarket[] markets;
    private final Strategy[] strategies = new Strategy[StrategyId.COUNT];
    private final boolean[] enabled = new boolean[StrategyId.COUNT];
    private final Signal[] signals = new Signal[StrategyId.COUNT];
    private long nextSignalId = 1;

    public SignalEngine(final StrategyParameters parameters, final Instruments instruments, final int maxSymbols)
    {
        this.instruments = instruments;
        this.maxSymbols = maxSymbols;
        final int bookLevels = parameters.getInt("market", "book_levels", 5);
        final double flowAlpha = parameters.get("market", "flow_alpha", 0.1);
        markets = new SymbolMarket[maxSymbols];
        for (int i = 0; i < maxSymbols; i++)
        {
            markets[i] = new SymbolMarket(bookLevels, flowAlpha);
        }
        for (int i = 0; i < StrategyId.COUNT; i++)
        {
            strategies[i] = newStrategy(i, parameters, maxSymbols);
            enabled[i] = parameters.get(StrategyId.name(i), "enabled", 1) != 0;
            signals[i] = new Signal();
        }
    }

    static Strategy newStrategy(final int id, final StrategyParameters parameters, final int maxSymbols)
    {
        switch (id)
        {
            case StrategyId.SCALP:
                return new ScalpStrategy(parameters, maxSymbols);
            case StrategyId.TREND:
                return new TrendStrategy(parameters, maxSymbols);
            case StrategyId.SIDEWAYS:
                return new SidewaysStrategy(parameters, maxSymbols);
            case StrategyId.MOMENTUM:
                return new MomentumStrategy(parameters, maxSymbols);
            case StrategyId.BREAKOUT:
                return new BreakoutStrategy(parameters, maxSymbols);
            case StrategyId.MEAN_REVERSION:
                return new MeanReversionStrategy(parameters, maxSymbols);
            default:
                throw new IllegalArgumentException("no strategy " + id);
        }
    }

    /** A trade print (snapshot trades included: they only extend the open candle, older ones are ignored). */
    public int onTrade(final TradePrint trade)
    {
        return onTrade(trade.symbolId, trade.side, trade.price, trade.qty, trade.exchangeMicros);
    }

    public int onTrade(final int symbolId, final int side, final long price, final long qty, final long micros)
    {
        if (!known(symbolId))
        {
            return 0;
        }
        final SymbolMarket market = markets[symbolId];
        market.onTrade(side, price, qty, micros);
        int closed = 0;
        for (int tf = 0; tf < market.candles.length; tf++)
        {
            final CandleBuilder builder = market.candles[tf];
            if (builder != null && builder.onTrade(price, qty, micros))
            {
                closed |= 1 << tf;
                dispatch(symbolId, tf, builder, market);
            }
        }
        return closed;
    }

    /**
     * A closed candle of the exchange's history (an ohlc snapshot item) for {@code symbolId}: taken into
     * its {@code timeframe}'s candles when it ended by event time {@code nowMicros} and precedes the
     * candles trades build ({@link CandleBuilder#seed}), then handed to the strategies to warm their
     * indicators. Returns true if it was taken.
     */
    public boolean onHistory(final int symbolId, final int timeframe, final Candle candle, final long nowMicros)
    {
        if (!known(symbolId) || timeframe < 0)
        {
            return false;
        }
        final SymbolMarket market = markets[symbolId];
        final CandleBuilder builder = market.candles[timeframe];
        if (builder == null || !builder.seed(candle, nowMicros))
        {
            return false;
        }
        for (int i = 0; i < StrategyId.COUNT; i++)
        {
            strategies[i].warm(symbolId, timeframe, candle, market);
        }
        return true;
    }

    /**
     * The book after a message was applied and verified; {@code valid} false when it is stale or
     * awaiting a resync. Its event time also closes candles that are due.
     */
    public int onBook(final int symbolId, final BookView book, final boolean valid, final long micros)
    {
        if (!known(symbolId))
        {
            return 0;
        }
        markets[symbolId].onBook(book, valid, micros);
        return onTime(symbolId, micros);
    }

    /** Closes {@code symbolId}'s candles whose interval ended before event time {@code nowMicros}. */
    public int onTime(final int symbolId, final long nowMicros)
    {
        if (!known(symbolId))
        {
            return 0;
        }
        final SymbolMarket market = markets[symbolId];
        int closed = 0;
        for (int tf = 0; tf < market.candles.length; tf++)
        {
            final CandleBuilder builder = market.candles[tf];
            if (builder != null && builder.onTime(nowMicros))
            {
                closed |= 1 << tf;
                dispatch(symbolId, tf, builder, market);
            }
        }
        return closed;
    }

    /**
     * Asks every enabled strategy about {@code symbolId} at event time {@code nowMicros}; returns how
     * many signals were produced (at most one per strategy), readable with {@link #signal(int)} until
     * the next call.
     */
    public int evaluate(final int symbolId, final long nowMicros)
    {
        if (!known(symbolId))
        {
            return 0;
        }
        final SymbolMarket market = markets[symbolId];
        int count = 0;
        for (int i = 0; i < StrategyId.COUNT; i++)
        {
            final Signal signal = signals[count];
            if (enabled[i] && strategies[i].evaluate(symbolId, market, nowMicros, signal))
            {
                signal.id = nextSignalId++;
                count++;
            }
        }
        return count;
    }

    public Signal signal(final int index)
    {
        return signals[index];
    }

    public SymbolMarket market(final int symbolId)
    {
        return markets[symbolId];
    }

    /** The candles of {@code timeframe} (1m or 5m, as {@code Timeframe} ids) of {@code symbolId}. */
    public CandleBuilder candles(final int symbolId, final int timeframe)
    {
        return markets[symbolId].candles[timeframe];
    }

    public Strategy strategy(final int strategyId)
    {
        return strategies[strategyId];
    }

    /** Turns a strategy on or off (configuration time, or from the control plane between events). */
    public void enable(final int strategyId, final boolean on)
    {
        enabled[strategyId] = on;
    }

    public boolean enabled(final int strategyId)
    {
        return enabled[strategyId];
    }

    /** The precision table this engine reads: the signal stage keeps it in step with the slots it processes. */
    public Instruments instruments()
    {
        return instruments;
    }

    public int maxSymbols()
    {
        return maxSymbols;
    }

    private boolean known(final int symbolId)
    {
        if (symbolId < 0 || symbolId >= maxSymbols)
        {
            return false;
        }
        final int pricePrecision = instruments.pricePrecision(symbolId);
        final int qtyPrecision = instruments.qtyPrecision(symbolId);
        if (pricePrecision == Instruments.UNKNOWN || qtyPrecision == Instruments.UNKNOWN)
        {
            return false;
        }
        markets[symbolId].precision(pricePrecision, qtyPrecision);
        return true;
    }

    private void dispatch(final int symbolId, final int timeframe, final CandleBuilder builder, final SymbolMarket market)
    {
        for (int i = 0; i < StrategyId.COUNT; i++)
        {
            strategies[i].onCandle(symbolId, timeframe, builder.last(), market);
        }
    }
}
