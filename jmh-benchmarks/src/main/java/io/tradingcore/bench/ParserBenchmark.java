package io.tradingcore.bench;

import io.tradingcore.core.kraken.CandleUpdate;
import io.tradingcore.core.kraken.Channel;
import io.tradingcore.core.kraken.FrameHandler;
import io.tradingcore.core.kraken.KrakenFrameParser;
import io.tradingcore.core.kraken.TickerUpdate;
import io.tradingcore.core.kraken.TradePrint;
import io.tradingcore.core.market.Instruments;
import io.tradingcore.core.market.SymbolTable;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.infra.Blackhole;

import java.nio.charset.StandardCharsets;

/** {@link KrakenFrameParser} per frame kind, on the example frames of KRAKEN.md; run with {@code -prof gc}. */
public class ParserBenchmark extends NanosPerOpBenchmark
{
    private static final String TICKER = "{\"channel\":\"ticker\",\"type\":\"snapshot\",\"data\":[{\"symbol\":\"ALGO/USD\"," +
        "\"bid\":0.10025,\"bid_qty\":740.0,\"ask\":0.10036,\"ask_qty\":1361.44813783,\"last\":0.10035," +
        "\"volume\":997038.98383185,\"vwap\":0.10148,\"low\":0.09979,\"high\":0.10285,\"change\":-0.00017," +
        "\"change_pct\":-0.17,\"timestamp\":\"2023-09-25T09:04:31.742648Z\"}]}";
    private static final String TRADE = "{\"channel\":\"trade\",\"type\":\"snapshot\",\"data\":[{\"symbol\":\"MATIC/USD\"," +
        "\"side\":\"buy\",\"price\":0.5147,\"qty\":6423.46326,\"ord_type\":\"limit\",\"trade_id\":4665846," +
        "\"timestamp\":\"2023-09-25T07:48:36.925533Z\"},{\"symbol\":\"MATIC/USD\",\"side\":\"buy\",\"price\":0.5147," +
        "\"qty\":1136.19677815,\"ord_type\":\"limit\",\"trade_id\":4665847,\"timestamp\":\"2023-09-25T07:49:36.925603Z\"}]}";
    private static final String BOOK_SNAPSHOT_10 = "{\"channel\":\"book\",\"type\":\"snapshot\",\"data\":[{\"symbol\":\"MATIC/USD\"," +
        "\"bids\":[{\"price\":0.5666,\"qty\":4831.75496356},{\"price\":0.5665,\"qty\":6658.22734739}," +
        "{\"price\":0.5664,\"qty\":18724.91513344},{\"price\":0.5663,\"qty\":11563.92544914}," +
        "{\"price\":0.5662,\"qty\":14006.65365711},{\"price\":0.5661,\"qty\":17454.85679807},{\"price\":0.566,\"qty\":18097.1547}," +
        "{\"price\":0.5659,\"qty\":33644.89175666},{\"price\":0.5658,\"qty\":148.3464},{\"price\":0.5657,\"qty\":606.70854372}]," +
        "\"asks\":[{\"price\":0.5668,\"qty\":4410.79769741},{\"price\":0.5669,\"qty\":4655.40412487}," +
        "{\"price\":0.567,\"qty\":49844.89424998},{\"price\":0.5671,\"qty\":24306.41678},{\"price\":0.5672,\"qty\":29783.25223475}," +
        "{\"price\":0.5673,\"qty\":57234.71239278},{\"price\":0.5674,\"qty\":45065.04744},{\"price\":0.5675,\"qty\":5912.76380354}," +
        "{\"price\":0.5676,\"qty\":42514.92434778},{\"price\":0.5677,\"qty\":36304.0847022}],\"checksum\":2439117997}]}";
    private static final String BOOK_UPDATE = "{\"channel\":\"book\",\"type\":\"update\",\"data\":[{\"symbol\":\"BTC/USD\"," +
        "\"bids\":[],\"asks\":[{\"price\":62806.6,\"qty\":0.00000000},{\"price\":62808.0,\"qty\":0.79607759}," +
        "{\"price\":62803.8,\"qty\":4.74541363}],\"checksum\":265834348,\"timestamp\":\"2026-08-16T23:37:05.376419Z\"}]}";
    private static final String OHLC = "{\"channel\":\"ohlc\",\"type\":\"snapshot\",\"timestamp\":\"2023-10-04T16:26:01.806315597Z\"," +
        "\"data\":[{\"symbol\":\"ALGO/USD\",\"open\":0.09875,\"high\":0.09875,\"low\":0.09875,\"close\":0.09875,\"trades\":1," +
        "\"volume\":201.86015,\"vwap\":0.09875,\"interval_begin\":\"2023-10-04T15:25:00.000000000Z\",\"interval\":5," +
        "\"timestamp\":\"2023-10-04T15:30:00.000000Z\"}]}";
    private static final String HEARTBEAT = "{\"channel\":\"heartbeat\"}";
    private static final String STATUS = "{\"channel\":\"status\",\"type\":\"update\",\"data\":[{\"version\":\"2.0.10\"," +
        "\"system\":\"online\",\"api_version\":\"v2\",\"connection_id\":15113583034416118705}]}";

    @Param({"ticker", "trade", "bookSnapshot10", "bookUpdate", "ohlc", "heartbeat", "status"})
    public String kind;

    private UnsafeBuffer frame;
    private int length;
    private KrakenFrameParser parser;
    private BlackholeHandler handler;

    @Setup
    public void setUp(final Blackhole blackhole)
    {
        final SymbolTable symbols = new SymbolTable();
        final Instruments instruments = new Instruments();
        instruments.offer(symbols.intern("ALGO/USD"), 5, 8, Instruments.SOURCE_INSTRUMENT);
        instruments.offer(symbols.intern("MATIC/USD"), 4, 8, Instruments.SOURCE_INSTRUMENT);
        instruments.offer(symbols.intern("BTC/USD"), 1, 8, Instruments.SOURCE_INSTRUMENT);
        parser = new KrakenFrameParser(symbols, instruments);
        handler = new BlackholeHandler(blackhole);
        final byte[] bytes = frameOf(kind).getBytes(StandardCharsets.US_ASCII);
        frame = new UnsafeBuffer(bytes);
        length = bytes.length;
        final int channel = parser.parse(frame, 0, length, handler);
        if (channel == Channel.MALFORMED || channel == Channel.UNKNOWN)
        {
            throw new IllegalStateException(kind + " parsed as " + Channel.name(channel));
        }
    }

    @Benchmark
    public int parse()
    {
        return parser.parse(frame, 0, length, handler);
    }

    private static String frameOf(final String kind)
    {
        switch (kind)
        {
            case "ticker":
                return TICKER;
            case "trade":
                return TRADE;
            case "bookSnapshot10":
                return BOOK_SNAPSHOT_10;
            case "bookUpdate":
                return BOOK_UPDATE;
            case "ohlc":
                return OHLC;
            case "heartbeat":
                return HEARTBEAT;
            case "status":
                return STATUS;
            default:
                throw new IllegalArgumentException(kind);
        }
    }

    /** Consumes every value the parser hands out, so none of the work is dead code. */
    private static final class BlackholeHandler implements FrameHandler
    {
        private final Blackhole blackhole;

        BlackholeHandler(final Blackhole blackhole)
        {
            this.blackhole = blackhole;
        }

        @Override
        public void onStatus(final int system)
        {
            blackhole.consume(system);
        }

        @Override
        public void onHeartbeat()
        {
            blackhole.consume(true);
        }

        @Override
        public void onMethodResponse(
            final DirectBuffer frame, final int methodOffset, final int methodLength, final boolean success,
            final int channel, final int symbolId, final long reqId, final int errorOffset, final int errorLength)
        {
            blackhole.consume(methodLength);
            blackhole.consume(success);
            blackhole.consume(symbolId);
            blackhole.consume(reqId);
        }

        @Override
        public void onPong(final long reqId)
        {
            blackhole.consume(reqId);
        }

        @Override
        public void onBookDepth(final int symbolId, final int depth)
        {
            blackhole.consume(depth);
        }

        @Override
        public void onTicker(final TickerUpdate ticker)
        {
            blackhole.consume(ticker.symbolId);
            blackhole.consume(ticker.bid);
            blackhole.consume(ticker.bidQty);
            blackhole.consume(ticker.ask);
            blackhole.consume(ticker.askQty);
            blackhole.consume(ticker.last);
            blackhole.consume(ticker.volume);
            blackhole.consume(ticker.vwap);
            blackhole.consume(ticker.low);
            blackhole.consume(ticker.high);
            blackhole.consume(ticker.change);
            blackhole.consume(ticker.changePct);
            blackhole.consume(ticker.exchangeMicros);
        }

        @Override
        public void onTrade(final TradePrint trade)
        {
            blackhole.consume(trade.symbolId);
            blackhole.consume(trade.side);
            blackhole.consume(trade.price);
            blackhole.consume(trade.qty);
            blackhole.consume(trade.ordType);
            blackhole.consume(trade.tradeId);
            blackhole.consume(trade.exchangeMicros);
        }

        @Override
        public void onBookBegin(final int symbolId, final boolean snapshot)
        {
            blackhole.consume(symbolId);
            blackhole.consume(snapshot);
        }

        @Override
        public void onBookLevel(final int symbolId, final int side, final long price, final long qty)
        {
            blackhole.consume(side);
            blackhole.consume(price);
            blackhole.consume(qty);
        }

        @Override
        public void onBookEnd(final int symbolId, final long checksum, final long exchangeMicros)
        {
            blackhole.consume(checksum);
            blackhole.consume(exchangeMicros);
        }

        @Override
        public void onCandle(final CandleUpdate candle)
        {
            blackhole.consume(candle.symbolId);
            blackhole.consume(candle.open);
            blackhole.consume(candle.high);
            blackhole.consume(candle.low);
            blackhole.consume(candle.close);
            blackhole.consume(candle.vwap);
            blackhole.consume(candle.trades);
            blackhole.consume(candle.volume);
            blackhole.consume(candle.intervalBeginMicros);
            blackhole.consume(candle.intervalMinutes);
            blackhole.consume(candle.exchangeMicros);
        }

        @Override
        public void onInstrument(
            final DirectBuffer frame, final int symbolOffset, final int symbolLength, final int pricePrecision,
            final int qtyPrecision)
        {
            blackhole.consume(symbolLength);
        }

        @Override
        public void onWirePrecision(final int symbolId, final int pricePrecision, final int qtyPrecision)
        {
            blackhole.consume(symbolId);
        }

        @Override
        public void onError(final int error, final int channel, final int symbolId, final int position)
        {
            blackhole.consume(error);
        }
    }
}
