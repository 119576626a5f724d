package io.tradingcore.adapters.kraken;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import io.tradingcore.core.book.ResyncRequests;
import io.tradingcore.core.kraken.Channel;
import io.tradingcore.core.kraken.ExchangeStatus;
import io.tradingcore.core.market.SymbolTable;
import io.tradingcore.core.ring.FrameSink;
import io.tradingcore.core.stream.Outbox;
import io.tradingcore.core.time.Rfc3339;
import org.agrona.DirectBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The Kraken WebSocket v2 public feed: one Netty connection on one event-loop thread (the feed
 * thread, the ring's single producer). It subscribes every configured channel, checks every ack,
 * keeps outbound traffic under a token bucket, watches the connection and each subscription, resyncs
 * books on request and reconnects with backoff. Every text frame goes to the {@link FrameSink}
 * without a String or object per data frame; only rare control frames (acks, pongs, status) are decoded.
 * <p>
 * Lifecycle: {@link #start()} connects in the background; {@link #stop()} closes cleanly (SIGTERM).
 * The counters ({@link #metrics()}) are the feed thread's: read them after {@link #stop()}.
 */
public final class KrakenFeedClient implements AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(KrakenFeedClient.class);
    private static final long NONE = Long.MIN_VALUE;

    private final KrakenFeedSettings settings;
    private final FrameSink sink;
    private final ResyncRequests resyncRequests;
    private final SymbolTable symbols;
    private final SubscriptionBook subscriptions;
    private final SubscriptionControl control;
    private final ResyncThrottle resyncThrottle;
    private final FeedEventWriter events;
    private final FeedMetrics metrics = new FeedMetrics();
    private final KrakenConnection connection;
    private final long[] resyncStartedNanos = new long[SymbolTable.MAX_SYMBOLS];
    private final int[] ids = new int[SymbolTable.MAX_SYMBOLS];
    private final int[] moreIds = new int[SymbolTable.MAX_SYMBOLS];
    private final long dataSilenceNanos;
    private final long metricsNanos;

    private EventLoop loop;
    private ScheduledFuture<?> tick;
    private ControlRateLimiter limiter;
    private long epochOffsetNanos;
    private long lastMetricsNanos;
    private long oversizeFrames;
    private long oversizeReported;
    private long binaryFrames;
    private long binaryReported;
    private long fragmentedMessages;

    /**
     * The configured symbols must already be interned in {@code symbols} (the lead does it at start):
     * the feed thread never interns.
     */
    public KrakenFeedClient(
        final KrakenFeedSettings settings,
        final SymbolTable symbols,
        final FrameSink sink,
        final ResyncRequests resyncRequests,
        final Outbox outbox)
    {
        this.settings = settings.validate();
        this.sink = sink;
        this.resyncRequests = resyncRequests;
        this.symbols = symbols;
        final List<String> names = settings.symbols();
        final int[] symbolIds = new int[names.size()];
        for (int i = 0; i < symbolIds.length; i++)
        {
            symbolIds[i] = find(symbols, names.get(i));
        }
        this.subscriptions = new SubscriptionBook(settings, symbolIds, names.toArray(new String[0]));
        this.resyncThrottle = new ResyncThrottle(settings.resyncMaxAttempts(),
            settings.resyncWindowMillis() * 1_000_000L, settings.resyncSlowRetryMillis() * 1_000_000L);
        this.events = new FeedEventWriter(outbox, settings.endpoint().toString());
        this.control = new SubscriptionControl(settings, subscriptions, events, metrics);
        this.dataSilenceNanos = settings.dataSilenceMillis() * 1_000_000L;
        this.metricsNanos = settings.metricsIntervalMillis() * 1_000_000L;
        this.connection = new KrakenConnection(settings, "feed", "connection dropped by peer",
            "closed before the websocket upgrade", events, new FeedSession());
        Arrays.fill(resyncStartedNanos, NONE);
    }

    private static int find(final SymbolTable symbols, final String name)
    {
        for (int id = 0; id < symbols.size(); id++)
        {
            if (name.equals(symbols.name(id)))
            {
                return id;
            }
        }
        throw new IllegalStateException("symbol " + name + " is not interned: intern the configured symbols "
            + "in the SymbolTable before creating the feed client");
    }

    /** Starts the feed thread and the first connection attempt; returns at once. */
    public void start()
    {
        loop = connection.start();
        loop.execute(this::onStart); // after the field is set: onStart schedules on the loop
    }

    /** Closes the connection with a WebSocket close and stops the feed thread; waits up to a few seconds. */
    public void stop()
    {
        connection.stop();
    }

    @Override
    public void close()
    {
        stop();
    }

    public FeedMetrics metrics()
    {
        return metrics;
    }

    /** Fresh: a frame arrived since the connection watchdog last could have given up (silence + ping timeout). Any thread. */
    public boolean fresh(final long nowNanos)
    {
        return metrics.framesTotal() > 0 && silentForNanos(nowNanos) < staleAfterNanos();
    }

    /** Silent this long, the connection watchdog has pinged and waited for the pong in vain. */
    public long staleAfterNanos()
    {
        return (settings.connectionSilenceMillis() + settings.pingTimeoutMillis()) * 1_000_000L;
    }

    /** Since the last frame (before the first: since the clock's origin, so never fresh). */
    public long silentForNanos(final long nowNanos)
    {
        return connection.silentForNanos(nowNanos);
    }

    /** Outbound messages sent through the token bucket (subscribes, unsubscribes, pings). */
    public long controlMessagesSent()
    {
        return limiter == null ? 0 : limiter.sent();
    }

    /** Messages that arrived in several WebSocket frames and were reassembled. */
    public long fragmentedMessages()
    {
        return fragmentedMessages;
    }

    private void onStart()
    {
        final long now = System.nanoTime();
        refreshEpochOffset(now);
        limiter = new ControlRateLimiter(settings.controlMessagesPerSecond(), settings.controlBurst(), now);
        metrics.start(now);
        lastMetricsNanos = now;
        tick = loop.scheduleAtFixedRate(this::onTick, settings.tickMillis(), settings.tickMillis(),
            TimeUnit.MILLISECONDS);
        connection.connect();
    }

    private void onFrameEvent(final int event)
    {
        switch (event)
        {
            case KrakenWebSocketFrameReader.REASSEMBLED:
                fragmentedMessages++;
                break;
            case KrakenWebSocketFrameReader.PONG:
                connection.onFrame(System.nanoTime());
                break;
            case KrakenWebSocketFrameReader.TOO_LARGE:
                oversizeFrames++;
                metrics.framesRejected++;
                break;
            case KrakenWebSocketFrameReader.BINARY_SKIPPED:
                binaryFrames++;
                metrics.framesRejected++;
                break;
            default:
                break;
        }
    }

    /** The hot path: one whole text message. */
    private void onMessage(final DirectBuffer buffer, final int offset, final int length)
    {
        final long now = System.nanoTime();
        final long epochMicros = (now + epochOffsetNanos) / 1000;
        connection.onFrame(now);
        if (!sink.onFrame(buffer, offset, length, epochMicros, now))
        {
            metrics.framesRejected++; // larger than a ring slot: the normalize stage reports it in sequence
        }
        final int channelId = FramePeek.channel(buffer, offset, length);
        metrics.frames[channelId]++;
        metrics.bytes += length;
        switch (channelId)
        {
            case Channel.TICKER:
            case Channel.TRADE:
            case Channel.BOOK:
            case Channel.OHLC:
            case Channel.INSTRUMENT:
                onData(channelId, buffer, offset, length, now, epochMicros);
                break;
            case Channel.STATUS:
            case Channel.METHOD_RESPONSE:
                onControl(buffer.getStringWithoutLengthUtf8(offset, length), now, epochMicros);
                break;
            case Channel.HEARTBEAT: // counted above; kraken:heartbeat is the normalize stage's entry
            case Channel.PONG:
                break;
            default:
                break; // not ours to report: the normalize stage writes every unknown frame to kraken:errors
        }
    }

    private void onData(final int channelId, final DirectBuffer buffer, final int offset, final int length,
        final long now, final long epochMicros)
    {
        int symbolId = 0;
        if (channelId != Channel.INSTRUMENT)
        {
            final int at = FramePeek.symbolOffset(buffer, offset, length);
            final int symbolLength = at < 0 ? -1 : FramePeek.symbolLength(buffer, at, offset + length);
            symbolId = symbolLength <= 0 ? SymbolTable.NONE : symbols.find(buffer, at, symbolLength);
            if (symbolId == SymbolTable.NONE)
            {
                return;
            }
        }
        final int kind = subscriptions.kindOf(channelId,
            channelId == Channel.OHLC ? FramePeek.interval(buffer, offset, length) : 0);
        if (kind >= 0)
        {
            subscriptions.onData(kind, symbolId, now);
        }
        if (channelId == Channel.OHLC || channelId == Channel.INSTRUMENT)
        {
            return;
        }
        if (FramePeek.isSnapshot(buffer, offset, length))
        {
            if (channelId == Channel.BOOK && resyncStartedNanos[symbolId] != NONE)
            {
                events.resyncDone(epochMicros, subscriptions.nameOf(symbolId),
                    (now - resyncStartedNanos[symbolId]) / 1_000_000L);
                resyncStartedNanos[symbolId] = NONE;
            }
        }
        else
        {
            final long exchangeMicros = FramePeek.lastTimestampMicros(buffer, offset, length);
            if (exchangeMicros != Rfc3339.INVALID)
            {
                metrics.recordLag(epochMicros - exchangeMicros);
            }
        }
    }

    private void onControl(final String text, final long now, final long epochMicros)
    {
        final Map<String, Object> message = ControlJson.parseObject(text);
        if (message == null)
        {
            return; // malformed: reported by the normalize stage, which sees the same frame
        }
        if ("status".equals(ControlJson.string(message, "channel")))
        {
            onStatus(message);
            return;
        }
        final String method = ControlJson.string(message, "method");
        if ("subscribe".equals(method) || "unsubscribe".equals(method))
        {
            control.onAck(method, message, now, epochMicros);
        }
        else if (!ControlJson.bool(message, "success", false))
        {
            metrics.ackErrors++;
            LOG.warn("{} refused: {}", method, ControlJson.string(message, "error"));
        }
    }

    /** Kraken's system status sets the reconnect delay; the normalize stage writes it to kraken:status. */
    private void onStatus(final Map<String, Object> message)
    {
        final Object data = message.get("data");
        if (!(data instanceof List) || ((List<?>)data).isEmpty() || !(((List<?>)data).get(0) instanceof Map))
        {
            return;
        }
        @SuppressWarnings("unchecked")
        final Map<String, Object> status = (Map<String, Object>)((List<?>)data).get(0);
        final String system = ControlJson.string(status, "system");
        final int exchangeStatus = statusOf(system);
        connection.onExchangeStatus(exchangeStatus);
        if (exchangeStatus != ExchangeStatus.ONLINE)
        {
            LOG.warn("Kraken reports system status {}", system);
        }
    }

    private static int statusOf(final String system)
    {
        if (system == null)
        {
            return ExchangeStatus.UNKNOWN;
        }
        switch (system)
        {
            case "online": return ExchangeStatus.ONLINE;
            case "maintenance": return ExchangeStatus.MAINTENANCE;
            case "cancel_only": return ExchangeStatus.CANCEL_ONLY;
            case "post_only": return ExchangeStatus.POST_ONLY;
            default: return ExchangeStatus.UNKNOWN;
        }
    }

    private void onTick()
    {
        final long now = System.nanoTime();
        refreshEpochOffset(now);
        if (connection.onTick(now))
        {
            serveResyncs(now);
            checkSubscriptions(now);
            drainOutbound(now);
        }
        reportRejectedFrames(now);
        if (now - lastMetricsNanos >= metricsNanos)
        {
            lastMetricsNanos = now;
            metrics.booksInvalidated = resyncRequests.raisedCount();
            metrics.publish(events, epochMicros(now), now);
        }
    }

    private void serveResyncs(final long now)
    {
        final long epochMicros = epochMicros(now);
        int n = 0;
        for (int id = resyncRequests.take(0); id >= 0; id = resyncRequests.take(id + 1))
        {
            if (subscriptions.nameOf(id) == null || subscriptions.state(SubscriptionBook.BOOK, id) != SubscriptionBook.ACTIVE)
            {
                continue; // not ours, or a fresh snapshot is already on its way
            }
            switch (resyncThrottle.onRequest(id, now))
            {
                case ResyncThrottle.RESYNC_NOW:
                    ids[n++] = id;
                    break;
                case ResyncThrottle.GAVE_UP:
                    events.resyncGaveUp(epochMicros, subscriptions.nameOf(id), resyncThrottle.run(id) - 1,
                        settings.resyncSlowRetryMillis());
                    LOG.warn("book {} keeps failing its checksum; resyncing it every {} ms from now on",
                        subscriptions.nameOf(id), settings.resyncSlowRetryMillis());
                    break;
                default:
                    break;
            }
        }
        final int due = resyncThrottle.collectDue(now, moreIds);
        for (int i = 0; i < due; i++)
        {
            if (subscriptions.state(SubscriptionBook.BOOK, moreIds[i]) == SubscriptionBook.ACTIVE)
            {
                ids[n++] = moreIds[i];
            }
        }
        if (n == 0)
        {
            return;
        }
        for (int i = 0; i < n; i++)
        {
            resyncThrottle.onResynced(ids[i], now);
            resyncStartedNanos[ids[i]] = now;
            metrics.resyncs++;
            events.resyncRequested(epochMicros, subscriptions.nameOf(ids[i]), resyncThrottle.run(ids[i]));
        }
        limiter.offer(control.unsubscribe(SubscriptionBook.BOOK, ids, n));
        limiter.offer(control.subscribe(SubscriptionBook.BOOK, ids, n, now));
    }

    private void checkSubscriptions(final long now)
    {
        final long epochMicros = epochMicros(now);
        for (int kind = 0; kind < subscriptions.kindCount(); kind++)
        {
            if (!subscriptions.enabled(kind))
            {
                continue;
            }
            final int silent = subscriptions.collectSilent(kind, now, ids);
            if (silent > 0)
            {
                for (int i = 0; i < silent; i++)
                {
                    metrics.watchdogFirings++;
                    events.watchdog(epochMicros, "data_silence", subscriptions.channelName(kind),
                        kind == SubscriptionBook.INSTRUMENT ? null : subscriptions.nameOf(ids[i]),
                        dataSilenceNanos / 1_000_000L);
                }
                limiter.offer(control.unsubscribe(kind, ids, silent));
                limiter.offer(control.subscribe(kind, ids, silent, now));
            }
            final int due = subscriptions.collectDueRetries(kind, now, ids);
            if (due > 0)
            {
                limiter.offer(control.subscribe(kind, ids, due, now));
            }
        }
    }

    private void drainOutbound(final long now)
    {
        limiter.drainTo(connection.session(), now, text -> { });
    }

    private void reportRejectedFrames(final long now)
    {
        if (oversizeFrames == oversizeReported && binaryFrames == binaryReported)
        {
            return;
        }
        final long epochMicros = epochMicros(now);
        if (oversizeFrames != oversizeReported)
        {
            events.framesRejected(epochMicros, "message larger than " + settings.maxMessageBytes() + " bytes (connection closed)",
                oversizeFrames - oversizeReported);
            oversizeReported = oversizeFrames;
        }
        if (binaryFrames != binaryReported)
        {
            events.framesRejected(epochMicros, "binary message dropped", binaryFrames - binaryReported);
            binaryReported = binaryFrames;
        }
    }

    private int allSymbols(final int kind)
    {
        if (kind == SubscriptionBook.INSTRUMENT)
        {
            ids[0] = 0;
            return 1;
        }
        for (int i = 0; i < subscriptions.symbolCount(); i++)
        {
            ids[i] = subscriptions.symbolId(i);
        }
        return subscriptions.symbolCount();
    }

    /** Housekeeping only (allocates an Instant): keeps the nanoTime-to-epoch offset the hot path uses. */
    private void refreshEpochOffset(final long nowNanos)
    {
        final Instant wall = Instant.now();
        epochOffsetNanos = wall.getEpochSecond() * 1_000_000_000L + wall.getNano() - nowNanos;
    }

    private long epochMicros(final long nowNanos)
    {
        return (nowNanos + epochOffsetNanos) / 1000;
    }

    /** The feed's part of the connection lifecycle: fresh books and subscriptions for every session. */
    private final class FeedSession implements KrakenConnection.Session
    {
        @Override
        public long epochMicros(final long nowNanos)
        {
            return KrakenFeedClient.this.epochMicros(nowNanos);
        }

        @Override
        public void onConnect(final int generation)
        {
            connection.open(generation);
        }

        @Override
        public void onSessionStart(final long nowNanos, final long epochMicros)
        {
            metrics.connections++;
            subscriptions.reset();
            resyncThrottle.onSessionStart();
            // every book gets a fresh snapshot on this connection: requests raised before it are moot
            for (int id = resyncRequests.take(0); id >= 0; id = resyncRequests.take(id + 1))
            {
                metrics.resyncsDiscarded++;
            }
            Arrays.fill(resyncStartedNanos, NONE);
            sink.onSessionStart(epochMicros);
        }

        @Override
        public void onSessionReady(final long nowNanos)
        {
            for (int kind = 0; kind < subscriptions.kindCount(); kind++)
            {
                if (subscriptions.enabled(kind))
                {
                    final int n = allSymbols(kind);
                    limiter.offer(control.subscribe(kind, ids, n, nowNanos));
                }
            }
            drainOutbound(nowNanos);
        }

        @Override
        public void onSessionEnd(final long epochMicros, final boolean reconnecting)
        {
            limiter.clear();
            control.onSessionEnd();
            if (reconnecting)
            {
                metrics.reconnects++;
            }
        }

        @Override
        public void sendPing()
        {
            limiter.offerFirst(control.ping());
        }

        @Override
        public void onPongTimeout()
        {
            metrics.watchdogFirings++;
        }

        @Override
        public void onTextMessage(final DirectBuffer buffer, final int offset, final int length)
        {
            onMessage(buffer, offset, length);
        }

        @Override
        public void onFrameEvent(final int event)
        {
            KrakenFeedClient.this.onFrameEvent(event);
        }

        @Override
        public void onStop(final io.netty.channel.Channel session)
        {
            if (tick != null)
            {
                tick.cancel(false);
            }
        }
    }
}
