package io.tradingcore.adapters.sim;

import io.tradingcore.core.book.BookDepths;
import io.tradingcore.core.book.BookView;
import io.tradingcore.core.kraken.Channel;
import io.tradingcore.core.kraken.Side;
import io.tradingcore.core.kraken.TradePrint;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A deterministic Kraken v2 market: the same seed gives the same frames, byte for byte. Asset prices
 * in USD follow a mean-reverting random walk with trend regimes; USD pairs follow their base asset,
 * crosses (ETH/BTC) follow the triangle with short-lived mispricings. Each {@link #step} is one venue
 * event: a quote change near the top of one book, or a taker trade (trade, book, ticker, ohlc 1 and 5).
 * Frames are shaped as Kraken sends them (KRAKEN.md §1-2) and every book frame carries the checksum a
 * correct client computes. Not thread safe; one instance per feed.
 */
public final class SyntheticMarket
{
    /** Receives each frame a step produces, in order; {@code symbol} is null for heartbeats. */
    public interface MarketFrameSink
    {
        void accept(int channel, String symbol, String frame);
    }

    public static final String HEARTBEAT = "{\"channel\":\"heartbeat\"}";
    /** 2026-08-17T00:00:00Z: where the synthetic clock starts. */
    public static final long START_MICROS = 1_786_924_800_000_000L;

    private static final int TRADE_PERCENT = 15;
    private static final int REPEAT_PERCENT = 4;
    /** Mean time between market events: about 100 events a second across the pairs, like a busy venue. */
    public static final long DEFAULT_EVENT_GAP_MICROS = 10_000;
    /** A lull of 1-3.5 s about once per 3,000 events, long enough for heartbeats. */
    private static final int LULL_ONE_IN = 3_000;
    private static final long HEARTBEAT_MICROS = 1_000_000;
    private static final double MEAN_REVERSION_PER_SECOND = 0.002;
    private static final double TREND_REGIME_SECONDS = 90;
    private static final double MISPRICING_EVERY_SECONDS = 45;
    private static final double MISPRICING_HALF_LIFE_SECONDS = 6;
    private static final int WARM_UP_STEPS = 3_000;
    /** About 9 trades a minute on an average pair while history is lived: every candle has some. */
    private static final long HISTORY_EVENT_GAP_MICROS = 250_000;
    private static final long ACK_LATENCY_MICROS = 41;
    private static final String[] OHLC_WARNINGS = {"timestamp is deprecated, use interval_begin"};
    private static final String[] INSTRUMENT_WARNINGS = {"tick_size is deprecated, use price_increment"};
    private static final String[] NO_WARNINGS = {};

    private final MarketRandom random;
    private final List<String> symbols;
    private final SyntheticPair[] pairs;
    private final double[] activityCumulative;
    private final InstrumentCatalogue.Asset[] assets;
    private final double[] logUsd;
    private final double[] anchorLogUsd;
    private final double[] trend;
    private final long connectionId;
    private final FrameText text = new FrameText();
    private final double meanEventGapMicros;
    private long clock;

    public SyntheticMarket(final long seed, final int bookDepth, final List<String> symbols)
    {
        this(seed, bookDepth, symbols, DEFAULT_EVENT_GAP_MICROS);
    }

    /**
     * {@code meanEventGapMicros} stretches market time per event: a recording of a fixed number of
     * frames then spans hours instead of minutes, so 1-minute strategies see enough candles.
     */
    public SyntheticMarket(final long seed, final int bookDepth, final List<String> symbols, final long meanEventGapMicros)
    {
        this(seed, symbols, Collections.nCopies(symbols.size(), bookDepth), meanEventGapMicros);
    }

    /** Each symbol's book at its own depth ({@code depths} in the order of {@code symbols}), as one connection may subscribe them. */
    public SyntheticMarket(final long seed, final List<String> symbols, final List<Integer> depths, final long meanEventGapMicros)
    {
        this(seed, symbols, depths, meanEventGapMicros, START_MICROS);
    }

    /** {@code startMicros}: where the clock starts, before the warm-up's lived-in history. */
    public SyntheticMarket(
        final long seed, final List<String> symbols, final List<Integer> depths, final long meanEventGapMicros,
        final long startMicros)
    {
        this(seed, symbols, depths, meanEventGapMicros, startMicros, 0);
    }

    /**
     * {@code historyMicros}: market time lived before the warm-up, at a calmer pace (candles need
     * trades, not every quote), so the ohlc snapshots hold that much history.
     */
    public SyntheticMarket(
        final long seed, final List<String> symbols, final List<Integer> depths, final long meanEventGapMicros,
        final long startMicros, final long historyMicros)
    {
        this.clock = startMicros;
        if (meanEventGapMicros < 1)
        {
            throw new IllegalArgumentException("mean event gap must be at least 1 µs: " + meanEventGapMicros);
        }
        this.meanEventGapMicros = meanEventGapMicros;
        if (depths.size() != symbols.size() || !depths.stream().allMatch(BookDepths::valid))
        {
            throw new IllegalArgumentException("a book depth per symbol, each one of Kraken's 10, 25, 100, 500, 1000: " + depths);
        }
        if (symbols.isEmpty() || symbols.stream().distinct().count() != symbols.size())
        {
            throw new IllegalArgumentException("symbols must be distinct and not empty: " + symbols);
        }
        this.random = new MarketRandom(seed);
        this.symbols = List.copyOf(symbols);

        final List<InstrumentCatalogue.Asset> used = new ArrayList<>();
        for (final String symbol : symbols)
        {
            final InstrumentCatalogue.Pair spec = InstrumentCatalogue.pair(symbol);
            addAsset(used, spec.base());
            addAsset(used, spec.quote());
        }
        assets = used.toArray(new InstrumentCatalogue.Asset[0]);
        logUsd = new double[assets.length];
        anchorLogUsd = new double[assets.length];
        trend = new double[assets.length];
        for (int i = 0; i < assets.length; i++)
        {
            logUsd[i] = StrictMath.log(assets[i].usdPrice());
            anchorLogUsd[i] = logUsd[i];
        }

        pairs = new SyntheticPair[symbols.size()];
        activityCumulative = new double[symbols.size()];
        double activity = 0;
        for (int i = 0; i < pairs.length; i++)
        {
            final InstrumentCatalogue.Pair spec = InstrumentCatalogue.pair(symbols.get(i));
            final int base = used.indexOf(InstrumentCatalogue.asset(spec.base()));
            final int quote = used.indexOf(InstrumentCatalogue.asset(spec.quote()));
            pairs[i] = new SyntheticPair(spec, base, quote, depths.get(i), usdRatio(base, quote), random);
            pairs[i].bookMicros = clock;
            activity += spec.activity();
            activityCumulative[i] = activity;
        }
        connectionId = random.nextLong() | Long.MIN_VALUE | 1;

        // a lived-in market: trade history for the snapshots, books shaped by flow
        final MarketFrameSink discard = (channel, symbol, frame) -> { };
        for (final long historyEnd = clock + historyMicros; clock < historyEnd; )
        {
            step(discard, HISTORY_EVENT_GAP_MICROS);
        }
        for (int i = 0; i < WARM_UP_STEPS; i++)
        {
            step(discard);
        }
    }

    /** The four pairs of the demo: BTC/USD, ETH/USD, ETH/BTC, SOL/USD. */
    public static List<String> defaultSymbols()
    {
        return InstrumentCatalogue.DEFAULT_SYMBOLS;
    }

    /** Every symbol this market can simulate. */
    public static List<String> knownSymbols()
    {
        return InstrumentCatalogue.symbols();
    }

    public List<String> symbols()
    {
        return symbols;
    }

    /** The synthetic exchange clock in epoch µs: starts at {@link #START_MICROS}, advances per event. */
    public long clockMicros()
    {
        return clock;
    }

    /** Moves the clock up to {@code micros} if it is behind: the next event happens then (a market kept on a host's clock). */
    public void keepUpWith(final long micros)
    {
        clock = Math.max(clock, micros);
    }

    public void step(final MarketFrameSink sink)
    {
        step(sink, meanEventGapMicros);
    }

    private void step(final MarketFrameSink sink, final double meanGapMicros)
    {
        final long gap = random.nextInt(LULL_ONE_IN) == 0
            ? HEARTBEAT_MICROS + random.nextInt(2_500_000)
            : 1 + (long)random.exponential(meanGapMicros);
        clock += gap;
        for (long quiet = gap; quiet >= HEARTBEAT_MICROS; quiet -= HEARTBEAT_MICROS)
        {
            sink.accept(Channel.HEARTBEAT, null, HEARTBEAT);
        }
        evolve(gap / 1e6);

        final SyntheticPair pair = pickPair();
        pair.fair(usdRatio(pair.base, pair.quote) * (1 + pair.mispricing));
        if (random.percent(TRADE_PERCENT))
        {
            pair.takerTrade(random, clock);
            sink.accept(Channel.TRADE, pair.symbol, tradeFrame(pair, "update", pair.tape.size() - pair.tradesThisStep()));
            publishBook(pair, sink);
            sink.accept(Channel.TICKER, pair.symbol, tickerFrame(pair, "update"));
            sink.accept(Channel.OHLC, pair.symbol, ohlcFrame(pair, pair.minute, "update"));
            sink.accept(Channel.OHLC, pair.symbol, ohlcFrame(pair, pair.fiveMinutes, "update"));
        }
        else
        {
            pair.quoteEvent(random);
            publishBook(pair, sink);
        }
    }

    public String heartbeat()
    {
        return HEARTBEAT;
    }

    /** {@code system}: online, maintenance, cancel_only or post_only. */
    public String statusFrame(final String system)
    {
        return text.reset()
            .append("{\"channel\":\"status\",\"type\":\"update\",\"data\":[{\"api_version\":\"v2\",\"connection_id\":")
            .append(Long.toUnsignedString(connectionId))
            .append(",\"system\":").quoted(system)
            .append(",\"version\":\"2.0.10\"}]}")
            .toString();
    }

    public String instrumentSnapshot()
    {
        text.reset().append("{\"channel\":\"instrument\",\"type\":\"snapshot\",\"data\":{\"assets\":[");
        for (final InstrumentCatalogue.Asset asset : assets)
        {
            text.append("{\"id\":").quoted(asset.id())
                .append(",\"status\":\"enabled\",\"precision\":").append(asset.precision())
                .append(",\"precision_display\":").append(asset.precisionDisplay())
                .append(",\"borrowable\":").append(String.valueOf(asset.borrowable()))
                .append(",\"collateral_value\":").append(asset.collateralValue())
                .append(",\"margin_rate\":").append(asset.borrowable() ? "0.02" : "0.0")
                .append("},");
        }
        text.trimComma().append("],\"pairs\":[");
        for (final SyntheticPair pair : pairs)
        {
            final InstrumentCatalogue.Pair spec = pair.spec;
            final boolean marginable = assets[pair.base].borrowable() && assets[pair.quote].borrowable();
            final String priceIncrement = InstrumentCatalogue.increment(spec.pricePrecision());
            text.append("{\"symbol\":").quoted(spec.symbol())
                .append(",\"base\":").quoted(spec.base())
                .append(",\"quote\":").quoted(spec.quote())
                .append(",\"status\":\"online\",\"qty_precision\":").append(spec.qtyPrecision())
                .append(",\"qty_increment\":").append(InstrumentCatalogue.increment(spec.qtyPrecision()))
                .append(",\"price_precision\":").append(spec.pricePrecision())
                .append(",\"cost_precision\":").append(spec.costPrecision())
                .append(",\"marginable\":").append(String.valueOf(marginable))
                .append(",\"has_index\":true,\"cost_min\":").append(spec.costMin());
            if (marginable)
            {
                text.append(",\"margin_initial\":0.2,\"position_limit_long\":250,\"position_limit_short\":200");
            }
            text.append(",\"tick_size\":").append(priceIncrement)
                .append(",\"price_increment\":").append(priceIncrement)
                .append(",\"qty_min\":").append(spec.qtyMin())
                .append("},");
        }
        return text.trimComma().append("]}}").toString();
    }

    /**
     * A successful subscribe ack, one per symbol as Kraken sends them; {@code symbol} is ignored for
     * {@code instrument}; {@code reqId} is echoed when {@code >= 0}. An {@code ohlc} ack is for
     * interval 1 (Kraken's default): use {@link #ohlcSubscribeAck} for another interval.
     */
    public String subscribeAck(final String channel, final String symbol, final long reqId)
    {
        switch (channel)
        {
            case "ticker":
                return ack(reqId, "{\"channel\":\"ticker\",\"event_trigger\":\"trades\",\"snapshot\":true,\"symbol\":", symbol,
                    NO_WARNINGS);
            case "trade":
                return ack(reqId, "{\"channel\":\"trade\",\"snapshot\":true,\"symbol\":", symbol, NO_WARNINGS);
            case "book":
                return ack(reqId, "{\"channel\":\"book\",\"depth\":" + pair(symbol).book.depth() + ",\"snapshot\":true,\"symbol\":", symbol,
                    NO_WARNINGS);
            case "ohlc":
                return ohlcSubscribeAck(symbol, 1, reqId);
            case "instrument":
                return ack(reqId, "{\"channel\":\"instrument\",\"snapshot\":true", null, INSTRUMENT_WARNINGS);
            default:
                throw new IllegalArgumentException("no subscription for channel " + channel);
        }
    }

    public String ohlcSubscribeAck(final String symbol, final int intervalMinutes, final long reqId)
    {
        return ack(reqId, "{\"channel\":\"ohlc\",\"interval\":" + intervalMinutes + ",\"snapshot\":true,\"symbol\":", symbol,
            OHLC_WARNINGS);
    }

    public String bookSnapshot(final String symbol)
    {
        final SyntheticPair pair = pair(symbol);
        final BookView book = pair.book.subscriber();
        final int pricePrecision = pair.spec.pricePrecision();
        final int qtyPrecision = pair.spec.qtyPrecision();
        text.reset().append("{\"channel\":\"book\",\"type\":\"snapshot\",\"data\":[{\"symbol\":").quoted(symbol).append(",\"bids\":[");
        for (int i = 0, n = book.levels(Side.BID); i < n; i++)
        {
            level(book.price(Side.BID, i), book.qty(Side.BID, i), pricePrecision, qtyPrecision);
        }
        text.trimComma().append("],\"asks\":[");
        for (int i = 0, n = book.levels(Side.ASK); i < n; i++)
        {
            level(book.price(Side.ASK, i), book.qty(Side.ASK, i), pricePrecision, qtyPrecision);
        }
        text.trimComma().append("],\"checksum\":").append(pair.book.checksum())
            .append(",\"timestamp\":").micros(pair.bookMicros).append("}]}");
        return text.toString();
    }

    public String tickerSnapshot(final String symbol)
    {
        return tickerFrame(pair(symbol), "snapshot");
    }

    /** The most recent trades, oldest first (up to 50). */
    public String tradeSnapshot(final String symbol)
    {
        return tradeFrame(pair(symbol), "snapshot", 0);
    }

    /** {@code intervalMinutes}: 1 or 5, the intervals this market keeps. */
    public String ohlcSnapshot(final String symbol, final int intervalMinutes)
    {
        final SyntheticPair pair = pair(symbol);
        if (intervalMinutes == 1)
        {
            return ohlcFrame(pair, pair.minute, "snapshot");
        }
        if (intervalMinutes == 5)
        {
            return ohlcFrame(pair, pair.fiveMinutes, "snapshot");
        }
        throw new IllegalArgumentException("this market keeps ohlc intervals 1 and 5, not " + intervalMinutes);
    }

    private void publishBook(final SyntheticPair pair, final MarketFrameSink sink)
    {
        if (pair.book.publish(random, REPEAT_PERCENT) == 0)
        {
            return;
        }
        pair.bookMicros = clock;
        final SyntheticBook book = pair.book;
        final int pricePrecision = pair.spec.pricePrecision();
        final int qtyPrecision = pair.spec.qtyPrecision();
        text.reset().append("{\"channel\":\"book\",\"type\":\"update\",\"data\":[{\"symbol\":").quoted(pair.symbol).append(",\"bids\":[");
        for (int i = 0, n = book.updateLevels(Side.BID); i < n; i++)
        {
            level(book.updatePrice(Side.BID, i), book.updateQty(Side.BID, i), pricePrecision, qtyPrecision);
        }
        text.trimComma().append("],\"asks\":[");
        for (int i = 0, n = book.updateLevels(Side.ASK); i < n; i++)
        {
            level(book.updatePrice(Side.ASK, i), book.updateQty(Side.ASK, i), pricePrecision, qtyPrecision);
        }
        text.trimComma().append("],\"checksum\":").append(book.checksum())
            .append(",\"timestamp\":").micros(clock).append("}]}");
        sink.accept(Channel.BOOK, pair.symbol, text.toString());
    }

    private void level(final long price, final long qty, final int pricePrecision, final int qtyPrecision)
    {
        text.append("{\"price\":").decimal(price, pricePrecision).append(",\"qty\":").decimal(qty, qtyPrecision).append("},");
    }

    private String tickerFrame(final SyntheticPair pair, final String type)
    {
        final BookView book = pair.book.subscriber();
        final TradeTape tape = pair.tape;
        final int pricePrecision = pair.spec.pricePrecision();
        final int qtyPrecision = pair.spec.qtyPrecision();
        return text.reset()
            .append("{\"channel\":\"ticker\",\"type\":").quoted(type)
            .append(",\"data\":[{\"symbol\":").quoted(pair.symbol)
            .append(",\"bid\":").decimal(book.price(Side.BID, 0), pricePrecision)
            .append(",\"bid_qty\":").decimal(book.qty(Side.BID, 0), qtyPrecision)
            .append(",\"ask\":").decimal(book.price(Side.ASK, 0), pricePrecision)
            .append(",\"ask_qty\":").decimal(book.qty(Side.ASK, 0), qtyPrecision)
            .append(",\"last\":").decimal(tape.last(), pricePrecision)
            .append(",\"volume\":").decimal(tape.volume(), qtyPrecision)
            .append(",\"vwap\":").decimal(tape.vwap(), pricePrecision)
            .append(",\"low\":").decimal(tape.low(), pricePrecision)
            .append(",\"high\":").decimal(tape.high(), pricePrecision)
            .append(",\"change\":").decimal(tape.change(), pricePrecision)
            .append(",\"change_pct\":").decimal(tape.changePercentHundredths(), 2)
            .append(",\"timestamp\":").micros(clock)
            .append("}]}")
            .toString();
    }

    private String tradeFrame(final SyntheticPair pair, final String type, final int from)
    {
        final TradeTape tape = pair.tape;
        final int pricePrecision = pair.spec.pricePrecision();
        final int qtyPrecision = pair.spec.qtyPrecision();
        text.reset().append("{\"channel\":\"trade\",\"type\":").quoted(type).append(",\"data\":[");
        for (int i = from, n = tape.size(); i < n; i++)
        {
            text.append("{\"symbol\":").quoted(pair.symbol)
                .append(",\"side\":").quoted(Side.tradeName(tape.side(i)))
                .append(",\"price\":").decimal(tape.price(i), pricePrecision)
                .append(",\"qty\":").decimal(tape.qty(i), qtyPrecision)
                .append(",\"ord_type\":").quoted(tape.ordType(i) == TradePrint.ORD_TYPE_MARKET ? "market" : "limit")
                .append(",\"trade_id\":").append(tape.tradeId(i))
                .append(",\"timestamp\":").micros(tape.micros(i))
                .append("},");
        }
        return text.trimComma().append("]}").toString();
    }

    /** An update carries the candle in progress; a snapshot the closed ones too. */
    private String ohlcFrame(final SyntheticPair pair, final CandleSeries candles, final String type)
    {
        final int pricePrecision = pair.spec.pricePrecision();
        final int qtyPrecision = pair.spec.qtyPrecision();
        text.reset().append("{\"channel\":\"ohlc\",\"type\":").quoted(type)
            .append(",\"timestamp\":").nanos(clock, (int)Math.floorMod(clock * 7_919, 1_000L))
            .append(",\"data\":[");
        final int size = candles.size();
        for (int i = "update".equals(type) ? size - 1 : 0; i < size; i++)
        {
            final long begin = candles.begin(i);
            text.append("{\"symbol\":").quoted(pair.symbol)
                .append(",\"open\":").decimal(candles.open(i), pricePrecision)
                .append(",\"high\":").decimal(candles.high(i), pricePrecision)
                .append(",\"low\":").decimal(candles.low(i), pricePrecision)
                .append(",\"close\":").decimal(candles.close(i), pricePrecision)
                .append(",\"trades\":").append(candles.trades(i))
                .append(",\"volume\":").decimal(candles.volume(i), qtyPrecision)
                .append(",\"vwap\":").decimal(candles.vwap(i), pricePrecision)
                .append(",\"interval_begin\":").nanos(begin, 0)
                .append(",\"interval\":").append(candles.intervalMinutes())
                .append(",\"timestamp\":").micros(begin + candles.intervalMicros())
                .append("},");
        }
        return text.trimComma().append("]}").toString();
    }

    private String ack(final long reqId, final String resultPrefix, final String symbol, final String[] warnings)
    {
        text.reset().append("{\"method\":\"subscribe\"");
        if (reqId >= 0)
        {
            text.append(",\"req_id\":").append(reqId);
        }
        text.append(",\"result\":").append(resultPrefix);
        if (symbol != null)
        {
            pair(symbol);
            text.quoted(symbol);
        }
        if (warnings.length > 0)
        {
            text.append(",\"warnings\":[");
            for (final String warning : warnings)
            {
                text.quoted(warning).append(',');
            }
            text.trimComma().append(']');
        }
        return text.append("},\"success\":true,\"time_in\":").micros(clock)
            .append(",\"time_out\":").micros(clock + ACK_LATENCY_MICROS)
            .append('}')
            .toString();
    }

    /** Advances every asset's log USD value by {@code seconds}: reversion to its anchor, its trend regime, noise. */
    private void evolve(final double seconds)
    {
        final double rootSeconds = StrictMath.sqrt(seconds);
        for (int i = 0; i < assets.length; i++)
        {
            final double volatility = assets[i].volatility();
            if (volatility == 0)
            {
                continue;
            }
            logUsd[i] += (MEAN_REVERSION_PER_SECOND * (anchorLogUsd[i] - logUsd[i]) + trend[i]) * seconds
                + volatility * rootSeconds * random.gaussian();
            if (random.nextDouble() < seconds / TREND_REGIME_SECONDS)
            {
                trend[i] = (random.nextInt(3) - 1) * volatility * 0.2 * (0.5 + random.nextDouble());
            }
        }
        final double decay = StrictMath.pow(0.5, seconds / MISPRICING_HALF_LIFE_SECONDS);
        for (final SyntheticPair pair : pairs)
        {
            if (!"USD".equals(pair.spec.quote()))
            {
                pair.mispricing *= decay;
                if (random.nextDouble() < seconds / MISPRICING_EVERY_SECONDS)
                {
                    pair.mispricing = (random.nextBoolean() ? 1 : -1) * (0.0015 + 0.004 * random.nextDouble());
                }
            }
        }
    }

    private double usdRatio(final int base, final int quote)
    {
        return StrictMath.exp(logUsd[base] - logUsd[quote]);
    }

    private SyntheticPair pickPair()
    {
        final double roll = random.nextDouble() * activityCumulative[activityCumulative.length - 1];
        for (int i = 0; i < pairs.length - 1; i++)
        {
            if (roll < activityCumulative[i])
            {
                return pairs[i];
            }
        }
        return pairs[pairs.length - 1];
    }

    private SyntheticPair pair(final String symbol)
    {
        for (final SyntheticPair pair : pairs)
        {
            if (pair.symbol.equals(symbol))
            {
                return pair;
            }
        }
        throw new IllegalArgumentException("symbol not in this market: " + symbol);
    }

    private static void addAsset(final List<InstrumentCatalogue.Asset> used, final String id)
    {
        final InstrumentCatalogue.Asset asset = InstrumentCatalogue.asset(id);
        if (!used.contains(asset))
        {
            used.add(asset);
        }
    }
}
