package io.tradingcore.adapters.kraken.auth;

import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.util.concurrent.ScheduledFuture;
import io.tradingcore.adapters.kraken.ControlRateLimiter;
import io.tradingcore.adapters.kraken.FeedEventWriter;
import io.tradingcore.adapters.kraken.FramePeek;
import io.tradingcore.adapters.kraken.KrakenConnection;
import io.tradingcore.adapters.kraken.KrakenWebSocketFrameReader;
import io.tradingcore.core.time.MicrosClock;
import org.agrona.DirectBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static io.tradingcore.core.kraken.Channel.HEARTBEAT;
import static io.tradingcore.core.kraken.Channel.PONG;

/**
 * Kraken's authenticated WebSocket v2 for one order client: each (re)connect fetches a fresh token
 * (GetWebSocketsToken) before the socket opens, then subscribes {@code executions} and {@code balances};
 * every outbound text goes through a token bucket; while armed and subscribed, the dead-man switch
 * ({@code cancel_all_orders_after}) is refreshed on an interval, and a clean stop disables it (timeout 0)
 * so no timer is left behind to cancel orders later. Runs on the connection's event loop.
 */
final class AuthenticatedSession
{
    /** The order client's side of the session; every call comes on the event loop. */
    interface Listener
    {
        /** The housekeeping tick, before queued texts are sent: hand over waiting commands. */
        void onTick(long nowNanos);

        /** A message other than a heartbeat or pong. */
        void onMessage(DirectBuffer buffer, int offset, int length);

        /** {@code text}, offered earlier, went on the wire. */
        void onSent(String text);

        /** The connection closed: every text still queued was dropped unsent. */
        void onSessionEnd(long epochMicros);
    }

    private static final Logger LOG = LoggerFactory.getLogger(AuthenticatedSession.class);

    private final KrakenOrderSettings settings;
    private final boolean armed;
    private final WebSocketTokenClient tokens;
    private final OrderStreamWriter streams;
    private final Listener listener;
    private final Consumer<String> sent;
    private final OrderRequests requests = new OrderRequests();
    private final KrakenConnection connection;
    /** Event loop only. */
    private final MicrosClock clock = new MicrosClock();

    private volatile boolean ready;
    private volatile long tokensFetched;
    private volatile long deadManRequests;
    private EventLoop loop;
    private ScheduledFuture<?> tick;
    private ControlRateLimiter limiter;
    private String token;
    private long lastDeadManNanos;
    private long nextReqId = 1;

    AuthenticatedSession(
        final KrakenOrderSettings settings,
        final boolean armed,
        final WebSocketTokenClient tokens,
        final FeedEventWriter events,
        final OrderStreamWriter streams,
        final Listener listener)
    {
        this.settings = settings;
        this.armed = armed;
        this.tokens = tokens;
        this.streams = streams;
        this.listener = listener;
        this.sent = listener::onSent;
        this.connection = new KrakenConnection(settings, "order connection", "connection closed by peer",
            "connection closed before the upgrade", events, new Lifecycle(events));
    }

    /** Starts the connection thread and the first token fetch; returns the thread's loop at once. */
    EventLoop start()
    {
        loop = connection.start();
        loop.execute(this::onStart); // after the field is set: onStart schedules on the loop
        return loop;
    }

    /** Disables the dead-man switch if armed, closes the connection and stops the thread; waits a few seconds. */
    void stop()
    {
        connection.stop();
    }

    /** Connected, token accepted and executions subscribed. Any thread. */
    boolean ready()
    {
        return ready;
    }

    /** The WebSocket is up and a token is held: texts can be built and queued. */
    boolean open()
    {
        return ready && connection.session() != null;
    }

    /** Wall-clock epoch µs; on the event loop only. */
    long nowMicros()
    {
        return clock.epochMicros();
    }

    /** The token of this connection, for the texts the client builds. */
    String token()
    {
        return token;
    }

    long tokensFetched()
    {
        return tokensFetched;
    }

    long deadManRequests()
    {
        return deadManRequests;
    }

    /** Queues {@code text} behind the token bucket; {@link #flush} sends what the bucket allows. */
    void offer(final String text)
    {
        limiter.offer(text);
    }

    /** The executions subscription was acked: orders may go, and the dead-man switch is armed. */
    void onExecutionsSubscribed()
    {
        ready = true;
        if (armed)
        {
            refreshDeadMan(System.nanoTime());
        }
    }

    /** Kraken refused the token (it goes stale when Kraken upgrades): a new connection fetches a new one. */
    void onInvalidSession(final String reason)
    {
        connection.close(reason);
    }

    void onExchangeStatus(final int status)
    {
        connection.onExchangeStatus(status);
    }

    /** Sends what the token bucket allows now, telling the listener of each text that went. */
    void flush(final long nowNanos)
    {
        limiter.drainTo(connection.session(), nowNanos, sent);
    }

    private void onStart()
    {
        limiter = new ControlRateLimiter(settings.messagesPerSecond(), settings.burst(), System.nanoTime());
        tick = loop.scheduleAtFixedRate(this::onTick, settings.tickMillis(), settings.tickMillis(), TimeUnit.MILLISECONDS);
        if (!armed)
        {
            LOG.info("Kraken order client is not armed: orders are refused, nothing but subscriptions is sent");
        }
        connection.connect();
    }

    private void onTick()
    {
        final long now = System.nanoTime();
        listener.onTick(now);
        if (connection.onTick(now) && ready && armed
            && now - lastDeadManNanos >= settings.deadManIntervalMillis() * 1_000_000L)
        {
            refreshDeadMan(now);
        }
        flush(now);
    }

    private void refreshDeadMan(final long now)
    {
        lastDeadManNanos = now;
        deadManRequests++;
        limiter.offerFirst(requests.cancelAllOrdersAfter(settings.deadManTimeoutSeconds(), token, nextReqId++));
    }

    private void onToken(final int gen, final WebSocketToken fetched, final Throwable failure)
    {
        if (!connection.current(gen))
        {
            return;
        }
        if (failure != null)
        {
            final Throwable cause = failure.getCause() instanceof KrakenAuthException ? failure.getCause() : failure;
            final String reason = cause instanceof KrakenAuthException ? cause.getMessage()
                : "GetWebSocketsToken failed: " + cause;
            streams.authError(reason, clock.epochMicros());
            LOG.error("no Kraken WebSocket token, so no order connection: {}", reason);
            connection.onConnectFailed(reason);
            return;
        }
        tokensFetched++;
        token = fetched.token();
        connection.open(gen);
    }

    /** The order connection's part of the lifecycle: a token first, then executions and balances. */
    private final class Lifecycle implements KrakenConnection.Session
    {
        private final FeedEventWriter events;

        Lifecycle(final FeedEventWriter events)
        {
            this.events = events;
        }

        @Override
        public long epochMicros(final long nowNanos)
        {
            return clock.epochMicros();
        }

        @Override
        public void onConnect(final int generation)
        {
            ready = false;
            events.connectionState(clock.epochMicros(), "fetching_token", connection.attempt(), null);
            try
            {
                tokens.fetch().whenComplete((fetched, failure) -> loop.execute(() -> onToken(generation, fetched, failure)));
            }
            catch (final RuntimeException ex)
            {
                onToken(generation, null, ex);
            }
        }

        @Override
        public void onSessionStart(final long nowNanos, final long epochMicros)
        {
            // nothing carries over: the executions snapshot after subscribing says what is open
        }

        @Override
        public void onSessionReady(final long nowNanos)
        {
            limiter.offer(requests.subscribeExecutions(token, nextReqId++));
            limiter.offer(requests.subscribeBalances(token, nextReqId++));
            flush(nowNanos);
        }

        @Override
        public void onSessionEnd(final long epochMicros, final boolean reconnecting)
        {
            ready = false;
            limiter.clear();
            listener.onSessionEnd(epochMicros);
        }

        @Override
        public void sendPing()
        {
            limiter.offerFirst(requests.ping(nextReqId++));
        }

        @Override
        public void onPongTimeout()
        {
            // the pong_timeout entry is the record; the order client keeps no watchdog counter
        }

        @Override
        public void onTextMessage(final DirectBuffer buffer, final int offset, final int length)
        {
            connection.onFrame(System.nanoTime());
            final int kind = FramePeek.channel(buffer, offset, length);
            if (kind != HEARTBEAT && kind != PONG)
            {
                listener.onMessage(buffer, offset, length);
            }
        }

        @Override
        public void onFrameEvent(final int event)
        {
            if (event == KrakenWebSocketFrameReader.PONG)
            {
                connection.onFrame(System.nanoTime());
            }
            else if (event == KrakenWebSocketFrameReader.BINARY_SKIPPED)
            {
                LOG.warn("binary message on the order connection skipped");
            }
        }

        @Override
        public void onStop(final Channel session)
        {
            ready = false;
            if (tick != null)
            {
                tick.cancel(false);
            }
            if (session != null && armed && token != null)
            {
                session.write(new TextWebSocketFrame(requests.cancelAllOrdersAfter(0, token, nextReqId++)));
                deadManRequests++;
            }
        }
    }
}
