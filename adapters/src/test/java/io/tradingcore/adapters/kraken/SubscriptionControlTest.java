package io.tradingcore.adapters.kraken;

import io.tradingcore.core.market.SymbolTable;
import io.tradingcore.core.stage.OutboxEntries;
import io.tradingcore.core.stream.Outbox;
import io.tradingcore.core.stream.StreamCatalog;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Subscribe and unsubscribe requests from sent to answered, and what each answer does to the subscriptions. */
class SubscriptionControlTest
{
    private static final int BTC = 0;
    private static final int ETH = 1;
    private static final long NOW = 1_000_000_000L;

    private final KrakenFeedSettings settings = new KrakenFeedSettings().symbols(List.of("BTC/USD", "ETH/USD"))
        .rateLimitRetryMillis(500);
    private final SubscriptionBook book = new SubscriptionBook(settings, new int[] {BTC, ETH},
        new String[] {"BTC/USD", "ETH/USD"});
    private final Outbox outbox = new Outbox(new StreamCatalog(), 1 << 16, 50);
    private final FeedMetrics metrics = new FeedMetrics();
    private final SubscriptionControl control = new SubscriptionControl(settings, book,
        new FeedEventWriter(outbox, "wss://test"), metrics);
    private final int[] both = {BTC, ETH};

    private static long reqId(final String text)
    {
        return ControlJson.integer(ControlJson.parseObject(text), "req_id", -1);
    }

    private void answer(final String method, final long reqId, final String symbol, final String error)
    {
        final String result = "\"result\":{\"channel\":\"book\"" + (symbol == null ? "" : ",\"symbol\":\"" + symbol + "\"") + "}";
        final String text = "{\"method\":\"" + method + "\",\"req_id\":" + reqId + ",\"success\":" + (error == null)
            + "," + result + (error == null ? "" : ",\"error\":\"" + error + "\"") + "}";
        control.onAck(method, ControlJson.parseObject(text), NOW + 1, 0);
    }

    @Test
    void aSubscribeIsPendingUntilEachSymbolsAckMakesItActive()
    {
        final String text = control.subscribe(SubscriptionBook.BOOK, both, 2, NOW);
        assertTrue(text.contains("\"method\":\"subscribe\"") && text.contains("BTC/USD") && text.contains("ETH/USD"), text);
        assertEquals(SubscriptionBook.PENDING, book.state(SubscriptionBook.BOOK, BTC));
        answer("subscribe", reqId(text), "BTC/USD", null);
        assertEquals(SubscriptionBook.ACTIVE, book.state(SubscriptionBook.BOOK, BTC));
        assertEquals(SubscriptionBook.PENDING, book.state(SubscriptionBook.BOOK, ETH));
        answer("subscribe", reqId(text), "ETH/USD", null);
        assertEquals(SubscriptionBook.ACTIVE, book.state(SubscriptionBook.BOOK, ETH));
    }

    @Test
    void aRefusalNamingNoSymbolFailsEverySymbolOfItsRequest()
    {
        final String text = control.subscribe(SubscriptionBook.BOOK, both, 2, NOW);
        answer("subscribe", reqId(text), null, "Subscription depth not supported");
        assertEquals(SubscriptionBook.FAILED, book.state(SubscriptionBook.BOOK, BTC));
        assertEquals(SubscriptionBook.FAILED, book.state(SubscriptionBook.BOOK, ETH));
        assertEquals(2, metrics.ackErrors());
    }

    @Test
    void aRateLimitedSymbolIsRetriedLaterAndReported()
    {
        final String text = control.subscribe(SubscriptionBook.BOOK, both, 2, NOW);
        answer("subscribe", reqId(text), "ETH/USD", "Exceeded msg rate");
        assertEquals(SubscriptionBook.RETRY, book.state(SubscriptionBook.BOOK, ETH));
        assertEquals(SubscriptionBook.PENDING, book.state(SubscriptionBook.BOOK, BTC));
        assertEquals(1, metrics.rateLimited());
        assertEquals(0, metrics.ackErrors());
        final List<Map<String, String>> errors = new OutboxEntries(outbox, new SymbolTable()).all(StreamCatalog.KRAKEN_ERRORS);
        assertEquals(1, errors.size(), errors.toString());
        assertEquals("ETH/USD", errors.get(0).get("symbol"));
        assertEquals("500", errors.get(0).get("retry_in_ms"), "the first retry after the configured delay");
    }

    @Test
    void afterTheSessionEndsALateRefusalNoLongerCoversTheOldRequest()
    {
        final String text = control.subscribe(SubscriptionBook.BOOK, both, 2, NOW);
        control.onSessionEnd();
        answer("subscribe", reqId(text), null, "Subscription depth not supported");
        assertEquals(SubscriptionBook.PENDING, book.state(SubscriptionBook.BOOK, BTC));
        assertEquals(SubscriptionBook.PENDING, book.state(SubscriptionBook.BOOK, ETH));
        assertEquals(1, metrics.ackErrors(), "counted, applied to nothing");
    }

    @Test
    void anUnsubscribeAckActivatesNothingAndRequestsAndPingsShareOneSequence()
    {
        final long first = reqId(control.unsubscribe(SubscriptionBook.BOOK, both, 2));
        answer("unsubscribe", first, "BTC/USD", null);
        assertEquals(SubscriptionBook.IDLE, book.state(SubscriptionBook.BOOK, BTC));
        assertEquals(first + 1, reqId(control.ping()));
        assertEquals(first + 2, reqId(control.subscribe(SubscriptionBook.TICKER, both, 2, NOW)));
    }
}
