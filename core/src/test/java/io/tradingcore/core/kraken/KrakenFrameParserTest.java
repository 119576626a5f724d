package io.tradingcore.core.kraken;

import io.tradingcore.core.market.Instruments;
import io.tradingcore.core.market.SymbolTable;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class KrakenFrameParserTest
{
    /** Frames are parsed at an offset, between bytes that would change the result if they were read. */
    private static final String BEFORE = "{\"x\":";
    private static final String AFTER = ",\"channel\":\"trade\"}";

    private final SymbolTable symbols = new SymbolTable();
    private final Instruments instruments = new Instruments();
    private final KrakenFrameParser parser = new KrakenFrameParser(symbols, instruments);
    private final RecordingHandler handler = new RecordingHandler(symbols);

    private int matic;
    private int algo;

    @BeforeEach
    void subscribe()
    {
        matic = symbols.intern("MATIC/USD");
        algo = symbols.intern("ALGO/USD");
    }

    private int parse(final String frame)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer((BEFORE + frame + AFTER).getBytes(StandardCharsets.US_ASCII));
        return parser.parse(buffer, BEFORE.length(), frame.length(), handler);
    }

    private List<String> calls(final String... lines)
    {
        return List.of(lines);
    }

    @Test
    void statusFromTheDocsWithAConnectionIdAbove2To63()
    {
        assertEquals(Channel.STATUS, parse(Fixtures.frame("status-docs")));
        assertEquals(calls("status online"), handler.calls);
    }

    @Test
    void statusFromTheWireWithTypeBeforeData()
    {
        assertEquals(Channel.STATUS, parse(Fixtures.frame("status-real")));
        assertEquals(calls("status online"), handler.calls);
    }

    @Test
    void everyExchangeStatus()
    {
        for (final String system : new String[] {"maintenance", "cancel_only", "post_only", "degraded"})
        {
            parse("{\"channel\":\"status\",\"type\":\"update\",\"data\":[{\"system\":\"" + system + "\"}]}");
        }
        assertEquals(calls("status maintenance", "status cancel_only", "status post_only", "status unknown"), handler.calls);
    }

    @Test
    void subscribeAcks()
    {
        assertEquals(Channel.METHOD_RESPONSE, parse(Fixtures.frame("subscribe-ack-algo")));
        assertEquals(Channel.METHOD_RESPONSE, parse(Fixtures.frame("subscribe-ack-matic")));
        assertEquals(calls(
            "depth " + algo + " 10", "method subscribe success=true channel=book symbol=ALGO/USD req=-1 error=",
            "depth " + matic + " 10", "method subscribe success=true channel=book symbol=MATIC/USD req=-1 error="),
            handler.calls);
    }

    @Test
    void aBookAckWithADepthKrakenDoesNotServeIsRejected()
    {
        assertEquals(Channel.MALFORMED, parse("{\"method\":\"subscribe\",\"result\":{\"channel\":\"book\",\"depth\":27," +
            "\"snapshot\":true,\"symbol\":\"ALGO/USD\"},\"success\":true}"));
        assertEquals("error value_out_of_range channel=method symbol=- at=112", handler.last());
    }

    @Test
    void failedSubscribeWithATopLevelSymbolNamesItWhenConfigured()
    {
        final int xbt = symbols.intern("XBT/USD");
        assertEquals(Channel.METHOD_RESPONSE, parse(Fixtures.frame("subscribe-failed-pair")));
        assertEquals(
            calls("method subscribe success=false channel=- symbol=XBT/USD req=-1 error=Currency pair not supported XBT/USD"),
            handler.calls);
        assertEquals(xbt, symbols.find(Fixtures.exact("XBT/USD"), 0, 7));
    }

    @Test
    void anAckForASymbolNeverConfiguredNamesNoneAndInternsNothing()
    {
        assertEquals(Channel.METHOD_RESPONSE, parse(Fixtures.frame("subscribe-failed-pair")));
        assertEquals(
            calls("method subscribe success=false channel=- symbol=- req=-1 error=Currency pair not supported XBT/USD"),
            handler.calls);
        assertEquals(2, symbols.size());
    }

    @Test
    void failedSubscribeWithoutSymbol()
    {
        assertEquals(Channel.METHOD_RESPONSE, parse(Fixtures.frame("subscribe-failed-depth")));
        assertEquals(
            calls("method subscribe success=false channel=- symbol=- req=-1 error=Subscription depth not supported"),
            handler.calls);
    }

    @Test
    void unsubscribeAck()
    {
        symbols.intern("MINA/GBP");
        assertEquals(Channel.METHOD_RESPONSE, parse(Fixtures.frame("unsubscribe-ack")));
        assertEquals(calls("method unsubscribe success=true channel=book symbol=MINA/GBP req=-1 error="), handler.calls);
    }

    @Test
    void anAckCarriesItsReqIdChannelAndSymbol()
    {
        parse("{\"method\":\"subscribe\",\"req_id\":42,\"result\":{\"channel\":\"ohlc\",\"symbol\":\"ALGO/USD\"," +
            "\"warnings\":[\"timestamp is deprecated, use interval_begin\"]},\"success\":true}");
        assertEquals(calls("method subscribe success=true channel=ohlc symbol=ALGO/USD req=42 error="), handler.calls);
    }

    @Test
    void aFailedAckCarriesItsErrorTextAsWritten()
    {
        parse("{\"error\":\"bad \\\"depth\\\" \\\\ \\u00e9\",\"method\":\"subscribe\",\"req_id\":43,\"success\":false}");
        assertEquals(calls("method subscribe success=false channel=- symbol=- req=43 error=bad \\\"depth\\\" \\\\ \\u00e9"),
            handler.calls);
    }

    @Test
    void anotherMethodsResultNamesNoChannel()
    {
        parse("{\"method\":\"add_order\",\"req_id\":7,\"result\":{\"order_id\":\"AA5JGQ-SBMRC-SCJ7J7\",\"order_userref\":100054}," +
            "\"success\":true}");
        assertEquals(calls("method add_order success=true channel=- symbol=- req=7 error="), handler.calls);
    }

    @Test
    void anAckForAChannelWeDoNotParseNamesItUnknown()
    {
        parse("{\"method\":\"subscribe\",\"result\":{\"channel\":\"level3\"},\"success\":true}");
        assertEquals(calls("method subscribe success=true channel=unknown symbol=- req=-1 error="), handler.calls);
    }

    @Test
    void requestsAreMethodFramesWithoutSuccess()
    {
        parse("{\"method\":\"subscribe\",\"params\":{\"channel\":\"book\",\"symbol\":[\"ALGO/USD\",\"MATIC/USD\"]}}");
        parse("{\"method\":\"unsubscribe\",\"params\":{\"channel\":\"book\",\"symbol\":[\"MINA/GBP\"],\"depth\":25}}");
        parse("{\"method\":\"ping\",\"req_id\":101}");
        assertEquals(calls(
            "method subscribe success=false channel=- symbol=- req=-1 error=",
            "method unsubscribe success=false channel=- symbol=- req=-1 error=",
            "method ping success=false channel=- symbol=- req=101 error="), handler.calls);
    }

    @Test
    void pong()
    {
        assertEquals(Channel.PONG, parse(Fixtures.frame("pong")));
        assertEquals(calls("pong 101"), handler.calls);
    }

    @Test
    void heartbeat()
    {
        assertEquals(Channel.HEARTBEAT, parse(Fixtures.frame("heartbeat")));
        assertEquals(calls("heartbeat"), handler.calls);
    }

    @Test
    void tickerAtInstrumentPrecisionRoundsVwapAndScalesChangePct()
    {
        instruments.offer(algo, 5, 8, Instruments.SOURCE_INSTRUMENT);
        assertEquals(Channel.TICKER, parse(Fixtures.frame("ticker-snapshot")));
        assertEquals(calls("ticker ALGO/USD snapshot=true bid=10025x74000000000 ask=10036x136144813783 last=10035 " +
            "volume=99703898383185 vwap=10148 low=9979 high=10285 change=-17 changePct=-17 " +
            "at=2023-09-25T09:04:31.742648Z"), handler.calls);
    }

    @Test
    void derivedTickerFieldsRoundHalfEvenInsteadOfFailing()
    {
        instruments.offer(algo, 5, 8, Instruments.SOURCE_INSTRUMENT);
        parse("{\"channel\":\"ticker\",\"type\":\"update\",\"data\":[{\"symbol\":\"ALGO/USD\",\"vwap\":0.101485," +
            "\"change\":-0.0001750001,\"change_pct\":-0.175}]}");
        assertEquals("ticker ALGO/USD snapshot=false bid=0x0 ask=0x0 last=0 volume=0 vwap=10148 low=0 high=0 " +
            "change=-18 changePct=-18 at=0", handler.last());
    }

    @Test
    void docsTickerLostItsTrailingZerosSoWireLearningRejectsIt()
    {
        // bid_qty 740.0 teaches qty precision 1; ask_qty 1361.44813783 then has more digits than that
        assertEquals(Channel.MALFORMED, parse(Fixtures.frame("ticker-snapshot")));
        assertEquals(calls("precision ALGO/USD 5/-1", "precision ALGO/USD 5/1",
            "error precision_exceeded channel=ticker symbol=ALGO/USD at=134"), handler.calls);
    }

    @Test
    void theParserReportsWhatTheWireTaughtButWritesNoTable()
    {
        parse(Fixtures.frame("ticker-snapshot"));
        assertEquals(Instruments.UNKNOWN, instruments.pricePrecision(algo));
        assertEquals(Instruments.UNKNOWN, instruments.qtyPrecision(algo));
        assertEquals(Instruments.SOURCE_NONE, instruments.source(algo));
    }

    @Test
    void tradeSnapshotWithTwoTrades()
    {
        instruments.offer(matic, 4, 8, Instruments.SOURCE_INSTRUMENT);
        assertEquals(Channel.TRADE, parse(Fixtures.frame("trade-snapshot")));
        assertEquals(calls(
            "trade MATIC/USD snapshot=true buy limit 642346326000@5147 id=4665846 at=2023-09-25T07:48:36.925533Z",
            "trade MATIC/USD snapshot=true buy limit 113619677815@5147 id=4665847 at=2023-09-25T07:49:36.925603Z"),
            handler.calls);
    }

    @Test
    void tradeSideAndOrderType()
    {
        instruments.offer(matic, 4, 8, Instruments.SOURCE_INSTRUMENT);
        parse("{\"channel\":\"trade\",\"type\":\"update\",\"data\":[{\"symbol\":\"MATIC/USD\",\"side\":\"sell\",\"price\":0.5," +
            "\"qty\":1,\"ord_type\":\"market\",\"trade_id\":9,\"timestamp\":\"2023-09-25T07:48:36.925533Z\"}]}");
        assertEquals("trade MATIC/USD snapshot=false sell market 100000000@5000 id=9 at=2023-09-25T07:48:36.925533Z",
            handler.last());
    }

    @Test
    void bookSnapshotOfTheDocsAtInstrumentPrecision()
    {
        instruments.offer(matic, 4, 8, Instruments.SOURCE_INSTRUMENT);
        assertEquals(Channel.BOOK, parse(Fixtures.frame("book-snapshot-matic")));
        assertEquals(calls(
            "book MATIC/USD snapshot=true",
            "bid 483175496356@5666", "bid 665822734739@5665", "bid 1872491513344@5664", "bid 1156392544914@5663",
            "bid 1400665365711@5662", "bid 1745485679807@5661", "bid 1809715470000@5660", "bid 3364489175666@5659",
            "bid 14834640000@5658", "bid 60670854372@5657",
            "ask 441079769741@5668", "ask 465540412487@5669", "ask 4984489424998@5670", "ask 2430641678000@5671",
            "ask 2978325223475@5672", "ask 5723471239278@5673", "ask 4506504744000@5674", "ask 591276380354@5675",
            "ask 4251492434778@5676", "ask 3630408470220@5677",
            "end MATIC/USD checksum=2439117997 at=0"), handler.calls);
    }

    @Test
    void bookUpdateOfTheDocs()
    {
        instruments.offer(matic, 4, 8, Instruments.SOURCE_INSTRUMENT);
        assertEquals(Channel.BOOK, parse(Fixtures.frame("book-update-matic")));
        assertEquals(calls(
            "book MATIC/USD snapshot=false",
            "bid 109839475580@5657",
            "end MATIC/USD checksum=2114181697 at=2023-10-06T17:35:55.440295Z"), handler.calls);
    }

    @Test
    void realBtcUpdateLearnsPrecisionFromTheWireText()
    {
        symbols.intern("BTC/USD");
        assertEquals(Channel.BOOK, parse(Fixtures.frame("book-update-btc-real")));
        assertEquals(calls(
            "book BTC/USD snapshot=false",
            "precision BTC/USD 1/-1", "precision BTC/USD 1/8",
            "ask 0@628066", "ask 79607759@628080", "ask 474541363@628038",
            "end BTC/USD checksum=265834348 at=2026-08-16T23:37:05.376419Z"), handler.calls);
    }

    @Test
    void aBookWithoutLevelsTeachesNothing()
    {
        symbols.intern("ETH/USD");
        parse("{\"channel\":\"book\",\"type\":\"update\",\"data\":[{\"symbol\":\"ETH/USD\",\"bids\":[],\"asks\":[]," +
            "\"checksum\":1}]}");
        assertEquals(calls("book ETH/USD snapshot=false", "end ETH/USD checksum=1 at=0"), handler.calls);
    }

    @Test
    void aTradeWithoutQtyTeachesOnlyThePricePrecision()
    {
        symbols.intern("ETH/USD");
        parse("{\"channel\":\"trade\",\"type\":\"update\",\"data\":[{\"symbol\":\"ETH/USD\",\"price\":2500.25}]}");
        assertEquals("precision ETH/USD 2/-1", handler.calls.get(0));
        assertEquals(2, handler.calls.size());
    }

    @Test
    void qtyPrecisionIsLearntWhenFirstSeenIfOnlyPriceIsKnown()
    {
        final int eth = symbols.intern("ETH/USD");
        instruments.offer(eth, 2, Instruments.UNKNOWN, Instruments.SOURCE_WIRE);
        parse("{\"channel\":\"trade\",\"type\":\"update\",\"data\":[{\"symbol\":\"ETH/USD\",\"price\":2500.3," +
            "\"qty\":0.5000}]}");
        assertEquals(calls("precision ETH/USD 2/4", "trade ETH/USD snapshot=false buy limit 5000@250030 id=0 at=0"),
            handler.calls);
    }

    @Test
    void aPrecisionLearntEarlyInAnItemScalesTheRestOfIt()
    {
        symbols.intern("ETH/USD");
        parse("{\"channel\":\"trade\",\"type\":\"update\",\"data\":[{\"symbol\":\"ETH/USD\",\"price\":2500.25," +
            "\"qty\":0.5000}]}");
        assertEquals(calls("precision ETH/USD 2/-1", "precision ETH/USD 2/4",
            "trade ETH/USD snapshot=false buy limit 5000@250025 id=0 at=0"), handler.calls);
    }

    @Test
    void ohlcSnapshot()
    {
        instruments.offer(algo, 5, 8, Instruments.SOURCE_INSTRUMENT);
        assertEquals(Channel.OHLC, parse(Fixtures.frame("ohlc-snapshot")));
        assertEquals(calls("candle ALGO/USD snapshot=true o=9875 h=9875 l=9875 c=9875 vwap=9875 trades=1 " +
            "volume=20186015000 begin=2023-10-04T15:25:00.000000Z interval=5 at=2023-10-04T15:30:00.000000Z"), handler.calls);
    }

    @Test
    void ohlcItemWithoutTimestampTakesTheFrameTimestampEvenWhenItComesLast()
    {
        instruments.offer(algo, 5, 8, Instruments.SOURCE_INSTRUMENT);
        assertEquals(Channel.OHLC, parse("{\"channel\":\"ohlc\",\"type\":\"update\",\"data\":[{\"symbol\":\"ALGO/USD\"," +
            "\"open\":0.1,\"vwap\":0.098755,\"interval_begin\":\"2023-10-04T15:25:00.123456789Z\",\"interval\":1440}]," +
            "\"timestamp\":\"2023-10-04T16:26:01.806315597Z\"}"));
        assertEquals("candle ALGO/USD snapshot=false o=10000 h=0 l=0 c=0 vwap=9876 trades=0 volume=0 " +
            "begin=2023-10-04T15:25:00.123456Z interval=1440 at=2023-10-04T16:26:01.806315Z", handler.last());
    }

    @Test
    void instrumentPairWithExponentNumbersIsReportedWithItsPrecision()
    {
        assertEquals(Channel.INSTRUMENT, parse(Fixtures.instrumentFrame()));
        assertEquals(calls("instrument BTC/USD 1/8"), handler.calls);
    }

    @Test
    void anInstrumentPairIsOnlyReportedNotInterned()
    {
        parse(Fixtures.instrumentFrame());
        assertEquals(SymbolTable.NONE, symbols.find(Fixtures.exact("BTC/USD"), 0, 7));
        assertEquals(2, symbols.size());
    }

    @Test
    void everyInstrumentPairIsReportedHoweverManyTheTableCouldHold()
    {
        final StringBuilder frame = new StringBuilder("{\"channel\":\"instrument\",\"type\":\"snapshot\",\"data\":{\"pairs\":[");
        for (int i = 0; i < SymbolTable.MAX_SYMBOLS + 10; i++)
        {
            frame.append(i == 0 ? "" : ",").append("{\"symbol\":\"P").append(i)
                .append("/USD\",\"qty_min\":5e-05,\"marginable\":false,\"price_precision\":3,\"qty_precision\":6}");
        }
        frame.append(",{\"symbol\":\"MATIC/USD\",\"price_precision\":4,\"qty_precision\":8}]}}");
        assertEquals(Channel.INSTRUMENT, parse(frame.toString()));
        assertEquals(SymbolTable.MAX_SYMBOLS + 10 + 1, handler.calls.size());
        assertEquals("instrument P1/USD 3/6", handler.calls.get(1));
        assertEquals("instrument MATIC/USD 4/8", handler.last());
    }

    @Test
    void keysInAnyOrderGiveTheSameCalls()
    {
        instruments.offer(algo, 5, 8, Instruments.SOURCE_INSTRUMENT);
        parse(Fixtures.frame("ticker-snapshot"));
        parse("{\"data\":[{\"timestamp\":\"2023-09-25T09:04:31.742648Z\",\"change_pct\":-0.17,\"change\":-0.00017," +
            "\"high\":0.10285,\"low\":0.09979,\"vwap\":0.10148,\"volume\":997038.98383185,\"last\":0.10035," +
            "\"ask_qty\":1361.44813783,\"ask\":0.10036,\"bid_qty\":740.0,\"bid\":0.10025,\"symbol\":\"ALGO/USD\"}]," +
            "\"type\":\"snapshot\",\"channel\":\"ticker\"}");
        assertEquals(2, handler.calls.size());
        assertEquals(handler.calls.get(0), handler.calls.get(1));
    }

    @Test
    void anotherSymbolKeyInTheItemIsSkippedNotTakenForTheFirst()
    {
        instruments.offer(algo, 5, 8, Instruments.SOURCE_INSTRUMENT);
        assertEquals(Channel.TICKER, parse("{\"channel\":\"ticker\",\"type\":\"update\",\"data\":[{\"last\":0.1," +
            "\"symbol\":\"ALGO/USD\",\"symbol\":[\"MATIC/USD\"],\"bid\":0.2}]}"));
        assertEquals("ticker ALGO/USD snapshot=false bid=20000x0 ask=0x0 last=10000 volume=0 vwap=0 low=0 high=0 change=0 " +
            "changePct=0 at=0", handler.last());
    }

    @Test
    void bookLevelsComeInWireOrderWhateverTheKeyOrder()
    {
        instruments.offer(matic, 4, 8, Instruments.SOURCE_INSTRUMENT);
        assertEquals(Channel.BOOK, parse("{\"type\":\"update\",\"data\":[{\"checksum\":7,\"asks\":[{\"qty\":1,\"price\":0.57}," +
            "{\"price\":0.5669,\"qty\":0}],\"timestamp\":\"2023-10-06T17:35:55.440295Z\",\"bids\":[{\"price\":0.5657,\"qty\":2}," +
            "{\"price\":0.5657,\"qty\":3}],\"symbol\":\"MATIC/USD\"}],\"channel\":\"book\"}"));
        assertEquals(calls(
            "book MATIC/USD snapshot=false",
            "ask 100000000@5700", "ask 0@5669", "bid 200000000@5657", "bid 300000000@5657",
            "end MATIC/USD checksum=7 at=2023-10-06T17:35:55.440295Z"), handler.calls);
    }

    @Test
    void severalBooksInOneDataArray()
    {
        instruments.offer(matic, 4, 8, Instruments.SOURCE_INSTRUMENT);
        instruments.offer(algo, 5, 8, Instruments.SOURCE_INSTRUMENT);
        assertEquals(Channel.BOOK, parse("{\"channel\":\"book\",\"type\":\"snapshot\",\"data\":[" +
            "{\"symbol\":\"MATIC/USD\",\"bids\":[{\"price\":0.5666,\"qty\":1}],\"asks\":[],\"checksum\":1}," +
            "{\"symbol\":\"ALGO/USD\",\"bids\":[],\"asks\":[{\"price\":0.10036,\"qty\":2.5}],\"checksum\":4294967295}]}"));
        assertEquals(calls(
            "book MATIC/USD snapshot=true", "bid 100000000@5666", "end MATIC/USD checksum=1 at=0",
            "book ALGO/USD snapshot=true", "ask 250000000@10036", "end ALGO/USD checksum=4294967295 at=0"), handler.calls);
    }

    @Test
    void severalTickersInOneDataArray()
    {
        instruments.offer(matic, 4, 8, Instruments.SOURCE_INSTRUMENT);
        instruments.offer(algo, 5, 8, Instruments.SOURCE_INSTRUMENT);
        parse("{\"channel\":\"ticker\",\"type\":\"update\",\"data\":[{\"symbol\":\"MATIC/USD\",\"last\":0.5}," +
            "{\"symbol\":\"ALGO/USD\",\"last\":0.1}]}");
        assertEquals(2, handler.calls.size());
        assertEquals("ticker ALGO/USD snapshot=false bid=0x0 ask=0x0 last=10000 volume=0 vwap=0 low=0 high=0 change=0 " +
            "changePct=0 at=0", handler.last());
    }

    @Test
    void exponentNotationInPrices()
    {
        final int btc = symbols.intern("BTC/USD");
        instruments.offer(btc, 1, 8, Instruments.SOURCE_INSTRUMENT);
        parse("{\"channel\":\"book\",\"type\":\"update\",\"data\":[{\"symbol\":\"BTC/USD\",\"bids\":[" +
            "{\"price\":6.28e4,\"qty\":1E-8},{\"price\":6.28066E+4,\"qty\":5e-05},{\"price\":628066e-1,\"qty\":0e3}]," +
            "\"asks\":[],\"checksum\":0}]}");
        assertEquals(calls("book BTC/USD snapshot=false", "bid 1@628000", "bid 5000@628066", "bid 0@628066",
            "end BTC/USD checksum=0 at=0"), handler.calls);
    }

    @Test
    void emptyArraysAreValid()
    {
        assertEquals(Channel.TICKER, parse("{\"channel\":\"ticker\",\"type\":\"update\",\"data\":[]}"));
        assertEquals(Channel.BOOK, parse("{\"channel\":\"book\",\"type\":\"update\",\"data\":[{\"symbol\":\"MATIC/USD\"," +
            "\"bids\":[],\"asks\":[ ],\"checksum\":5}]}"));
        assertEquals(Channel.INSTRUMENT, parse("{\"channel\":\"instrument\",\"type\":\"update\",\"data\":{\"assets\":[],\"pairs\":[]}}"));
        assertEquals(calls("book MATIC/USD snapshot=false", "end MATIC/USD checksum=5 at=0"), handler.calls);
    }

    @Test
    void whitespaceBetweenTokens()
    {
        instruments.offer(matic, 4, 8, Instruments.SOURCE_INSTRUMENT);
        assertEquals(Channel.BOOK, parse(" {\n\t\"channel\" : \"book\" , \"type\":\"update\",\r\n \"data\" : [ { \"symbol\" :" +
            " \"MATIC/USD\" , \"bids\" : [ { \"price\" : 0.5 , \"qty\" : 1 } ] , \"checksum\" : 3 } ] } \n"));
        assertEquals(calls("book MATIC/USD snapshot=false", "bid 100000000@5000", "end MATIC/USD checksum=3 at=0"),
            handler.calls);
    }

    @Test
    void privateChannelsAreClassifiedWithoutCalls()
    {
        assertEquals(Channel.EXECUTIONS, parse("{\"channel\":\"executions\",\"type\":\"update\",\"data\":[{\"order_id\":" +
            "\"OK4GJX-KSTLS-7DZZO5\",\"order_qty\":0.005,\"limit_price\":26500.0}],\"sequence\":8}"));
        assertEquals(Channel.BALANCES, parse("{\"channel\":\"balances\",\"type\":\"snapshot\",\"data\":[{\"asset\":\"BTC\"," +
            "\"balance\":1.5}],\"sequence\":1}"));
        assertEquals(new ArrayList<String>(), handler.calls);
    }

    @Test
    void channelsAndShapesWeDoNotKnowAreUnknownWithoutCalls()
    {
        assertEquals(Channel.UNKNOWN, parse("{\"channel\":\"level3\",\"type\":\"snapshot\",\"data\":[{\"symbol\":\"BTC/USD\"}]}"));
        assertEquals(Channel.UNKNOWN, parse("{\"event\":\"heartbeat\"}"));
        assertEquals(Channel.UNKNOWN, parse("{}"));
        assertEquals(new ArrayList<String>(), handler.calls);
    }

    @Test
    void unknownMethodIsStillAMethodResponse()
    {
        assertEquals(Channel.METHOD_RESPONSE, parse("{\"method\":\"cancel_all\",\"req_id\":1234567890,\"result\":{\"count\":1}," +
            "\"success\":true,\"time_in\":\"2023-09-26T13:09:48.463201Z\",\"time_out\":\"2023-09-26T13:09:48.471419Z\"}"));
        assertEquals("method cancel_all success=true channel=- symbol=- req=1234567890 error=", handler.last());
    }
}
