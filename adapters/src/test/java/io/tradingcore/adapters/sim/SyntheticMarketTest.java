package io.tradingcore.adapters.sim;

import io.tradingcore.adapters.kraken.ControlJson;
import io.tradingcore.core.book.BookChecksum;
import io.tradingcore.core.book.OrderBook;
import io.tradingcore.core.kraken.Side;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static io.tradingcore.adapters.kraken.ControlJson.asArray;
import static io.tradingcore.adapters.kraken.ControlJson.asObject;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SyntheticMarketTest
{
    private static final Pattern MICROS = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
    private static final Pattern NANOS = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{9}Z");

    private static List<String> recording;
    private static Replay replay;

    @BeforeAll
    static void recordAndReplay(@TempDir final Path dir) throws IOException
    {
        final Path file = dir.resolve("session.jsonl");
        assertEquals(30_000, RecordingGenerator.generate(file, 42, 30_000, 10, SyntheticMarket.defaultSymbols()));
        recording = Files.readAllLines(file);
        replay = new Replay(10);
        recording.forEach(replay::frame);
    }

    @Test
    void sameSeedSameBytesOtherSeedOtherBytes(@TempDir final Path dir) throws IOException
    {
        final List<String> symbols = List.of("BTC/USD", "ETH/BTC");
        RecordingGenerator.generate(dir.resolve("a"), 7, 3_000, 25, symbols);
        RecordingGenerator.generate(dir.resolve("b"), 7, 3_000, 25, symbols);
        RecordingGenerator.generate(dir.resolve("c"), 8, 3_000, 25, symbols);
        assertArrayEquals(Files.readAllBytes(dir.resolve("a")), Files.readAllBytes(dir.resolve("b")));
        assertFalse(Files.readString(dir.resolve("a")).equals(Files.readString(dir.resolve("c"))));
    }

    @Test
    void everyBookFrameVerifiesOnAFreshClientBook()
    {
        assertEquals(0, replay.checksumFailures, "checksum failures");
        assertTrue(replay.bookFrames > 15_000, "book frames: " + replay.bookFrames);
        assertEquals(0, replay.crossed, "crossed books");
        assertEquals(0, replay.wrongScale, "numbers without the full fixed scale");
    }

    @Test
    void deeperBooksAndOtherPrecisionsVerifyToo(@TempDir final Path dir) throws IOException
    {
        for (final int depth : new int[] {25, 1000})
        {
            final Path file = dir.resolve("depth" + depth);
            RecordingGenerator.generate(file, depth, 6_000, depth, SyntheticMarket.knownSymbols());
            final Replay deep = new Replay(depth);
            Files.readAllLines(file).forEach(deep::frame);
            assertTrue(deep.bookFrames > 3_000, "book frames: " + deep.bookFrames);
            assertEquals(0, deep.checksumFailures, "checksum failures at depth " + depth);
            assertEquals(0, deep.crossed, "crossed books at depth " + depth);
            assertEquals(0, deep.wrongScale, "numbers without the full fixed scale at depth " + depth);
        }
    }

    @Test
    void updatesLookLikeKrakens()
    {
        final double deletions = replay.deletedLevels / (double)replay.updateLevels;
        assertTrue(deletions > 0.20 && deletions < 0.28, "deletion share " + deletions);
        final double levelsPerUpdate = replay.updateLevels / (double)replay.updates;
        assertTrue(levelsPerUpdate > 1.2 && levelsPerUpdate < 3, "levels per update " + levelsPerUpdate);
        assertTrue(replay.unorderedUpdates > 100, "updates listing a side out of price order: " + replay.unorderedUpdates);
        assertTrue(replay.repeatedPriceUpdates > 20, "updates with a price twice: " + replay.repeatedPriceUpdates);
        assertTrue(replay.pushedOut > 100, "levels only truncation removed: " + replay.pushedOut);
        assertTrue(replay.heartbeats > 0, "heartbeats after a lull");
        assertTrue(replay.trades > 500 && replay.tickers > 500 && replay.candles > 1_000, "trade flow");
    }

    @Test
    void crossFollowsTheTriangleWithOccasionalMispricings()
    {
        assertTrue(replay.triangleChecks > 1_000, "ETH/BTC frames checked: " + replay.triangleChecks);
        assertTrue(replay.maxTriangleDeviation < 0.02, "ETH/BTC off the triangle by " + replay.maxTriangleDeviation);
        assertTrue(replay.maxTriangleDeviation > 0.001, "no mispricing to find: " + replay.maxTriangleDeviation);
    }

    @Test
    void pricesMoveEnoughForStrategiesToFire()
    {
        final double btcRange = (replay.maxMid.get("BTC/USD") - replay.minMid.get("BTC/USD")) / replay.minMid.get("BTC/USD");
        assertTrue(btcRange > 0.002 && btcRange < 0.1, "BTC/USD range " + btcRange);
    }

    @Test
    void sessionFramesHaveKrakensShapes()
    {
        final Map<String, Object> status = asObject(ControlJson.parse(recording.get(0)));
        assertEquals(List.of("channel", "type", "data"), List.copyOf(status.keySet()));
        final Map<String, Object> statusData = asObject(asArray(status.get("data")).get(0));
        assertEquals("v2", statusData.get("api_version"));
        assertEquals("online", statusData.get("system"));
        assertTrue(((BigDecimal)statusData.get("connection_id")).toBigInteger().compareTo(BigInteger.ONE.shiftLeft(63)) > 0);

        final Map<String, Object> ack = asObject(ControlJson.parse(recording.get(1)));
        assertEquals("subscribe", ack.get("method"));
        assertEquals(Boolean.TRUE, ack.get("success"));
        assertEquals(BigDecimal.ONE, ack.get("req_id"));
        assertEquals("instrument", asObject(ack.get("result")).get("channel"));
        assertTrue(MICROS.matcher((String)ack.get("time_in")).matches());
        assertTrue(MICROS.matcher((String)ack.get("time_out")).matches());

        final String instrumentText = recording.get(2);
        assertTrue(instrumentText.contains("\"qty_increment\":1e-08"), "exponent form as on the wire");
        assertTrue(instrumentText.contains("\"qty_min\":5e-05"));
        final Map<String, Object> instrument = asObject(ControlJson.parse(instrumentText));
        assertEquals("snapshot", instrument.get("type"));
        final Map<String, Object> data = asObject(instrument.get("data"));
        assertEquals(4, asArray(data.get("assets")).size(), "BTC, USD, ETH, SOL");
        final Map<String, Object> btc = asObject(asArray(data.get("pairs")).get(0));
        assertEquals("BTC/USD", btc.get("symbol"));
        assertEquals(new BigDecimal("1"), btc.get("price_precision"));
        assertEquals(new BigDecimal("8"), btc.get("qty_precision"));
        assertEquals(new BigDecimal("0.1"), btc.get("price_increment"));
    }

    /** A market serving ETH/BTC and SOL/USD at depth 25, for the acks and snapshots a subscription gets. */
    private static SyntheticMarket ethBtcAndSolUsd()
    {
        return new SyntheticMarket(3, 25, List.of("ETH/BTC", "SOL/USD"));
    }

    @Test
    void aBookAckHasKrakensFieldsAndTheServedDepth()
    {
        final Map<String, Object> book = asObject(ControlJson.parse(ethBtcAndSolUsd().subscribeAck("book", "ETH/BTC", 9)));
        assertEquals(List.of("method", "req_id", "result", "success", "time_in", "time_out"), List.copyOf(book.keySet()));
        assertEquals(Map.of("channel", "book", "depth", new BigDecimal(25), "snapshot", true, "symbol", "ETH/BTC"), book.get("result"));
    }

    @Test
    void aTickerAckWithoutARequestIdHasNoneAndTriggersOnTrades()
    {
        final Map<String, Object> ticker = asObject(ControlJson.parse(ethBtcAndSolUsd().subscribeAck("ticker", "SOL/USD", -1)));
        assertNull(ticker.get("req_id"));
        assertEquals("trades", asObject(ticker.get("result")).get("event_trigger"));
    }

    @Test
    void anOhlcAckNamesItsInterval()
    {
        final Map<String, Object> ohlc = asObject(ControlJson.parse(ethBtcAndSolUsd().ohlcSubscribeAck("SOL/USD", 5, 4)));
        assertEquals(new BigDecimal(5), asObject(ohlc.get("result")).get("interval"));
    }

    @Test
    void noAckForASymbolTheMarketDoesNotServe()
    {
        final SyntheticMarket market = ethBtcAndSolUsd();
        assertThrows(IllegalArgumentException.class, () -> market.subscribeAck("book", "BTC/USD", 1));
    }

    @Test
    void aBookSnapshotHoldsTheServedDepthOnEachSideInPriceOrder()
    {
        final Map<String, Object> snapshot = item(ethBtcAndSolUsd().bookSnapshot("ETH/BTC"));
        final List<Object> bids = asArray(snapshot.get("bids"));
        final List<Object> asks = asArray(snapshot.get("asks"));
        assertEquals(25, bids.size());
        assertEquals(25, asks.size());
        for (int i = 1; i < 25; i++)
        {
            assertTrue(price(bids.get(i)).compareTo(price(bids.get(i - 1))) < 0, "bids high to low");
            assertTrue(price(asks.get(i)).compareTo(price(asks.get(i - 1))) > 0, "asks low to high");
        }
    }

    @Test
    void aBookSnapshotHasKrakensFieldsAndThePairsPricePrecision()
    {
        final Map<String, Object> snapshot = item(ethBtcAndSolUsd().bookSnapshot("ETH/BTC"));
        assertEquals(5, price(asArray(snapshot.get("bids")).get(0)).scale());
        assertEquals(List.of("symbol", "bids", "asks", "checksum", "timestamp"), List.copyOf(snapshot.keySet()));
    }

    @Test
    void aTickerSnapshotHasKrakensFieldsInKrakensOrder()
    {
        final Map<String, Object> tickerItem = item(ethBtcAndSolUsd().tickerSnapshot("SOL/USD"));
        assertEquals(List.of("symbol", "bid", "bid_qty", "ask", "ask_qty", "last", "volume", "vwap", "low", "high", "change",
            "change_pct", "timestamp"), List.copyOf(tickerItem.keySet()));
        assertEquals(2, ((BigDecimal)tickerItem.get("change_pct")).scale());
    }

    @Test
    void aTradeSnapshotIsTheLastFiftyTradesWithConsecutiveIds()
    {
        final List<Object> trades = asArray(asObject(ControlJson.parse(ethBtcAndSolUsd().tradeSnapshot("SOL/USD"))).get("data"));
        assertEquals(50, trades.size());
        for (int i = 1; i < trades.size(); i++)
        {
            assertEquals(((BigDecimal)asObject(trades.get(i - 1)).get("trade_id")).add(BigDecimal.ONE), asObject(trades.get(i)).get("trade_id"));
        }
    }

    @Test
    void anOhlcSnapshotIsStampedInNanosAndItsCandlesBeginOnTheMinute()
    {
        final Map<String, Object> ohlcSnapshot = asObject(ControlJson.parse(ethBtcAndSolUsd().ohlcSnapshot("SOL/USD", 1)));
        assertTrue(NANOS.matcher((String)ohlcSnapshot.get("timestamp")).matches());
        final Map<String, Object> candle = asObject(asArray(ohlcSnapshot.get("data")).get(0));
        assertTrue(((String)candle.get("interval_begin")).endsWith(":00.000000000Z"), (String)candle.get("interval_begin"));
        assertEquals(new BigDecimal(1), candle.get("interval"));
    }

    @Test
    void noOhlcSnapshotForAnIntervalTheMarketDoesNotServe()
    {
        final SyntheticMarket market = ethBtcAndSolUsd();
        assertThrows(IllegalArgumentException.class, () -> market.ohlcSnapshot("SOL/USD", 15));
    }

    @Test
    void rejectsWhatKrakenWouldRefuse()
    {
        assertThrows(IllegalArgumentException.class, () -> new SyntheticMarket(1, 27, SyntheticMarket.defaultSymbols()));
        assertThrows(IllegalArgumentException.class, () -> new SyntheticMarket(1, 10, List.of("XBT/USD")));
        assertThrows(IllegalArgumentException.class, () -> new SyntheticMarket(1, 10, List.of("BTC/USD", "BTC/USD")));
    }

    private static Map<String, Object> item(final String frame)
    {
        return asObject(asArray(asObject(ControlJson.parse(frame)).get("data")).get(0));
    }

    private static BigDecimal price(final Object level)
    {
        return (BigDecimal)asObject(level).get("price");
    }

    /** A client of the recording: books at the instrument precision, checked after every book message. */
    private static final class Replay
    {
        private final int depth;
        private final BookChecksum checksum = new BookChecksum();
        private final Map<String, OrderBook> books = new HashMap<>();
        private final Map<String, int[]> precisions = new HashMap<>();
        private final Map<String, Double> mids = new HashMap<>();
        final Map<String, Double> minMid = new HashMap<>();
        final Map<String, Double> maxMid = new HashMap<>();
        int bookFrames;
        int checksumFailures;
        int crossed;
        int wrongScale;
        int updates;
        long updateLevels;
        long deletedLevels;
        int unorderedUpdates;
        int repeatedPriceUpdates;
        int pushedOut;
        int heartbeats;
        int trades;
        int tickers;
        int candles;
        int triangleChecks;
        double maxTriangleDeviation;

        Replay(final int depth)
        {
            this.depth = depth;
        }

        void frame(final String line)
        {
            final Map<String, Object> frame = asObject(ControlJson.parse(line));
            final Object channel = frame.get("channel");
            if ("instrument".equals(channel))
            {
                for (final Object pair : asArray(asObject(frame.get("data")).get("pairs")))
                {
                    final Map<String, Object> fields = asObject(pair);
                    precisions.put((String)fields.get("symbol"), new int[] {
                        ((BigDecimal)fields.get("price_precision")).intValueExact(), ((BigDecimal)fields.get("qty_precision")).intValueExact()});
                }
            }
            else if ("heartbeat".equals(channel))
            {
                heartbeats++;
            }
            else if ("trade".equals(channel))
            {
                trades++;
            }
            else if ("ticker".equals(channel))
            {
                tickers++;
            }
            else if ("ohlc".equals(channel))
            {
                candles++;
            }
            else if ("book".equals(channel))
            {
                for (final Object item : asArray(frame.get("data")))
                {
                    book("snapshot".equals(frame.get("type")), asObject(item));
                }
            }
        }

        private void book(final boolean snapshot, final Map<String, Object> item)
        {
            bookFrames++;
            final String symbol = (String)item.get("symbol");
            final int[] precision = precisions.get(symbol);
            final OrderBook book = books.computeIfAbsent(symbol, s -> new OrderBook(2 * depth + 64));
            book.depth(depth);
            if (snapshot)
            {
                book.clear();
            }
            else
            {
                updates++;
            }
            apply(book, Side.BID, asArray(item.get("bids")), precision, snapshot);
            apply(book, Side.ASK, asArray(item.get("asks")), precision, snapshot);
            pushedOut += Math.max(0, book.levels(Side.BID) - depth) + Math.max(0, book.levels(Side.ASK) - depth);
            book.truncate();
            if (checksum.compute(book) != ((BigDecimal)item.get("checksum")).longValueExact())
            {
                checksumFailures++;
            }
            if (book.isCrossed())
            {
                crossed++;
            }
            final double mid = (book.bestBid() + book.bestAsk()) / 2.0 / Math.pow(10, precision[0]);
            mids.put(symbol, mid);
            minMid.merge(symbol, mid, Math::min);
            maxMid.merge(symbol, mid, Math::max);
            if ("ETH/BTC".equals(symbol) && mids.containsKey("ETH/USD") && mids.containsKey("BTC/USD"))
            {
                final double triangle = mids.get("ETH/USD") / mids.get("BTC/USD");
                maxTriangleDeviation = Math.max(maxTriangleDeviation, Math.abs(mid / triangle - 1));
                triangleChecks++;
            }
        }

        private void apply(final OrderBook book, final int side, final List<Object> levels, final int[] precision, final boolean snapshot)
        {
            BigDecimal previous = null;
            boolean ordered = true;
            final Set<BigDecimal> seen = new HashSet<>();
            boolean repeated = false;
            for (final Object level : levels)
            {
                final BigDecimal price = (BigDecimal)asObject(level).get("price");
                final BigDecimal qty = (BigDecimal)asObject(level).get("qty");
                if (price.scale() != precision[0] || qty.scale() != precision[1])
                {
                    wrongScale++;
                }
                if (!snapshot)
                {
                    updateLevels++;
                    deletedLevels += qty.signum() == 0 ? 1 : 0;
                    repeated |= !seen.add(price);
                    if (previous != null && (side == Side.BID ? price.compareTo(previous) > 0 : price.compareTo(previous) < 0))
                    {
                        ordered = false;
                    }
                }
                previous = price;
                book.apply(side, price.movePointRight(precision[0]).longValueExact(), qty.movePointRight(precision[1]).longValueExact());
            }
            unorderedUpdates += ordered ? 0 : 1;
            repeatedPriceUpdates += repeated ? 1 : 0;
        }
    }
}
