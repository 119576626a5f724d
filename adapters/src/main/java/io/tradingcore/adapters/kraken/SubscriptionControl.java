package io.tradingcore.adapters.kraken;

import io.tradingcore.core.market.SymbolTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The feed's subscribe and unsubscribe requests, from sent to answered: each request is kept by its
 * {@code req_id} until Kraken has acked every symbol in it, and each ack or refusal moves the
 * {@link SubscriptionBook}: acked, failed, or (on "Exceeded msg rate") retried after a growing delay.
 * A refusal that names no symbol ("Subscription depth not supported") covers the whole request. Feed
 * thread only; control frames are rare, so the JSON tree and a small array per request are fine here.
 */
final class SubscriptionControl
{
    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionControl.class);
    private static final String EXCEEDED_MSG_RATE = "Exceeded msg rate";

    private final KrakenFeedSettings settings;
    private final SubscriptionBook subscriptions;
    private final ControlRequests requests;
    private final FeedEventWriter events;
    private final FeedMetrics metrics;
    private final Map<Long, PendingRequest> pending = new HashMap<>();
    private final int[] ids = new int[SymbolTable.MAX_SYMBOLS];
    private long nextReqId = 1;

    SubscriptionControl(
        final KrakenFeedSettings settings,
        final SubscriptionBook subscriptions,
        final FeedEventWriter events,
        final FeedMetrics metrics)
    {
        this.settings = settings;
        this.subscriptions = subscriptions;
        this.requests = new ControlRequests(settings, subscriptions);
        this.events = events;
        this.metrics = metrics;
    }

    /** The text of a subscribe for the first {@code count} of {@code symbolIds} of {@code kind}, now pending. */
    String subscribe(final int kind, final int[] symbolIds, final int count, final long nowNanos)
    {
        final long reqId = nextReqId++;
        final int[] requested = track(reqId, kind, symbolIds, count);
        for (final int id : requested)
        {
            subscriptions.onSent(kind, id, nowNanos);
        }
        return requests.subscribe(kind, symbolIds, count, reqId);
    }

    /** The text of an unsubscribe, as {@link #subscribe}. */
    String unsubscribe(final int kind, final int[] symbolIds, final int count)
    {
        final long reqId = nextReqId++;
        track(reqId, kind, symbolIds, count);
        return requests.unsubscribe(kind, symbolIds, count, reqId);
    }

    /** A ping, numbered in the same sequence. */
    String ping()
    {
        return requests.ping(nextReqId++);
    }

    /** The connection closed: no answer to an earlier request will come. */
    void onSessionEnd()
    {
        pending.clear();
    }

    /** A subscribe or unsubscribe answer ({@code method} says which). */
    void onAck(final String method, final Map<String, Object> message, final long nowNanos, final long epochMicros)
    {
        final PendingRequest request = pending.get(ControlJson.integer(message, "req_id", -1));
        if (ControlJson.bool(message, "success", false))
        {
            onAckSuccess(method, message, request, nowNanos);
        }
        else
        {
            onAckError(method, message, request, nowNanos, epochMicros);
        }
    }

    private int[] track(final long reqId, final int kind, final int[] symbolIds, final int count)
    {
        final int[] requested = Arrays.copyOf(symbolIds, kind == SubscriptionBook.INSTRUMENT ? 1 : count);
        pending.put(reqId, new PendingRequest(reqId, kind, requested));
        return requested;
    }

    private void onAckSuccess(final String method, final Map<String, Object> message, final PendingRequest request,
        final long now)
    {
        final Map<String, Object> result = ControlJson.object(message, "result");
        final int kind = request != null ? request.kind : subscriptions.kindOf(ControlJson.string(result, "channel"),
            (int)ControlJson.integer(result, "interval", 0));
        final int symbolId = kind == SubscriptionBook.INSTRUMENT ? 0
            : subscriptions.idOf(ControlJson.string(result, "symbol"));
        if ("subscribe".equals(method) && kind >= 0 && symbolId != SymbolTable.NONE
            && subscriptions.state(kind, symbolId) == SubscriptionBook.PENDING)
        {
            subscriptions.onAcked(kind, symbolId, now);
        }
        if (request != null && --request.acksOutstanding <= 0)
        {
            pending.remove(request.reqId);
        }
    }

    private void onAckError(final String method, final Map<String, Object> message, final PendingRequest request,
        final long now, final long epochMicros)
    {
        final String error = ControlJson.string(message, "error");
        String symbol = ControlJson.string(message, "symbol");
        if (symbol == null)
        {
            symbol = ControlJson.string(ControlJson.object(message, "result"), "symbol");
        }
        final int kind = request != null ? request.kind
            : subscriptions.kindOf(ControlJson.string(ControlJson.object(message, "result"), "channel"), 0);
        final String channelName = kind >= 0 ? subscriptions.channelName(kind) : null;
        final boolean rateLimited = error != null && error.contains(EXCEEDED_MSG_RATE);
        final boolean subscribe = "subscribe".equals(method);
        final int symbolId = subscriptions.idOf(symbol);
        int n = 0;
        if (kind == SubscriptionBook.INSTRUMENT)
        {
            ids[n++] = 0;
        }
        else if (symbolId != SymbolTable.NONE)
        {
            ids[n++] = symbolId;
        }
        else if (request != null && symbol == null)
        {
            for (final int id : request.symbolIds)
            {
                ids[n++] = id;
            }
        }
        if (n == 0 || !subscribe || kind < 0)
        {
            metrics.ackErrors++;
            LOG.warn("{} {} {} refused: {}", method, channelName, symbol, error);
        }
        for (int i = 0; i < n && subscribe && kind >= 0; i++)
        {
            final String name = kind == SubscriptionBook.INSTRUMENT ? null : subscriptions.nameOf(ids[i]);
            if (rateLimited)
            {
                metrics.rateLimited++;
                final long delay = subscriptions.onRateLimited(kind, ids[i], now,
                    settings.rateLimitRetryMillis() * 1_000_000L, settings.backoffMaxMillis() * 1_000_000L);
                events.rateLimited(epochMicros, channelName, name, delay / 1_000_000L);
            }
            else
            {
                metrics.ackErrors++;
                subscriptions.onFailed(kind, ids[i]);
                LOG.warn("{} {} {} refused: {}", method, channelName, name, error);
            }
        }
        if (request != null && (symbol == null || --request.acksOutstanding <= 0))
        {
            pending.remove(request.reqId);
        }
    }

    /** A request waiting for its acks (Kraken sends one per symbol). */
    private static final class PendingRequest
    {
        final long reqId;
        final int kind;
        final int[] symbolIds;
        int acksOutstanding;

        PendingRequest(final long reqId, final int kind, final int[] symbolIds)
        {
            this.reqId = reqId;
            this.kind = kind;
            this.symbolIds = symbolIds;
            this.acksOutstanding = symbolIds.length;
        }
    }
}
