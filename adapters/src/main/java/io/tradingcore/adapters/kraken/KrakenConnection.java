package io.tradingcore.adapters.kraken;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.tradingcore.core.kraken.ExchangeStatus;
import org.agrona.DirectBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The lifecycle of one Kraken WebSocket connection, public feed or private orders: connect, handshake,
 * liveness (ping, pong timeout), close with its reason, reconnect with backoff (longer while the exchange
 * is in maintenance or cancel_only) and a clean stop. It writes the connection's kraken:status and
 * events:bus entries. What a client does on top (subscribe, reset its books, fetch a token first, say
 * last words on a clean stop) comes through its {@link Session}, and so do the text frames, allocation-free.
 * Everything but {@link #start()} and {@link #stop()} runs on the connection's event loop.
 */
public final class KrakenConnection
{
    private static final Logger LOG = LoggerFactory.getLogger(KrakenConnection.class);

    /** What differs between the clients; every call comes on the event loop. */
    public interface Session
    {
        /** The wall-clock micros the client stamps its entries with, for {@code System.nanoTime()} {@code nowNanos}. */
        long epochMicros(long nowNanos);

        /** A new attempt {@code generation}: call {@link KrakenConnection#open(int)} now, or once an asynchronous step is done. */
        void onConnect(int generation);

        /** The WebSocket is up, before "connected" is reported: reset what belongs to the last session. */
        void onSessionStart(long nowNanos, long epochMicros);

        /** "connected" is reported: subscribe. */
        void onSessionReady(long nowNanos);

        /** The connection closed, before "disconnected" is reported; {@code reconnecting} false on a stop. */
        void onSessionEnd(long epochMicros, boolean reconnecting);

        /** The watchdog wants a ping sent ahead of anything queued. */
        void sendPing();

        /** No pong came: the connection is about to be closed. */
        void onPongTimeout();

        /** Hot path, as {@link FeedChannelHandler.Listener#onTextMessage}: the client calls {@link KrakenConnection#onFrame} itself. */
        void onTextMessage(DirectBuffer buffer, int offset, int length);

        /** As {@link FeedChannelHandler.Listener#onFrameEvent}. */
        void onFrameEvent(int event);

        /** Stopping: {@code session} is the live connection to say last words on before the close frame, or null. */
        void onStop(Channel session);
    }

    private final ConnectionSettings<?> settings;
    private final String name;
    private final String droppedReason;
    private final String notUpgradedReason;
    private final FeedEventWriter events;
    private final FeedChannelHandler.Listener listener = new FeedChannelHandler.Listener()
    {
        @Override
        public void onHandshakeComplete(final int generation)
        {
            KrakenConnection.this.onHandshakeComplete(generation);
        }

        @Override
        public void onConnectionError(final int generation, final String reason)
        {
            if (generation == KrakenConnection.this.generation && closeReason == null)
            {
                closeReason = reason;
            }
        }

        @Override
        public void onTextMessage(final DirectBuffer buffer, final int offset, final int length)
        {
            session.onTextMessage(buffer, offset, length);
        }

        @Override
        public void onFrameEvent(final int event)
        {
            session.onFrameEvent(event);
        }
    };
    private final Session session;
    private final WebSocketConnector connector;
    private final ReconnectPolicy reconnectPolicy;
    private final ConnectionWatchdog watchdog;
    private final long stableNanos;
    private final CompletableFuture<Void> stopped = new CompletableFuture<>();

    private EventLoop loop;
    private Channel channel;
    private ChannelFuture connectFuture;
    private int generation;
    private int attempt;
    private boolean connected;
    private boolean stopping;
    private boolean stableNoted;
    private String closeReason;
    private long connectedAtNanos;
    private int exchangeStatus = ExchangeStatus.UNKNOWN;

    /**
     * @param name              what this connection is called in log lines ("feed", "order connection")
     * @param droppedReason     the close reason when the peer closes an upgraded connection without a word
     * @param notUpgradedReason the close reason when the connection closes before the WebSocket upgrade
     */
    public KrakenConnection(
        final ConnectionSettings<?> settings,
        final String name,
        final String droppedReason,
        final String notUpgradedReason,
        final FeedEventWriter events,
        final Session session)
    {
        this.settings = settings;
        this.name = name;
        this.droppedReason = droppedReason;
        this.notUpgradedReason = notUpgradedReason;
        this.events = events;
        this.session = session;
        this.connector = new WebSocketConnector(settings.endpoint(), settings.trustManagerFactory(),
            settings.maxMessageBytes(), settings.connectTimeoutMillis());
        this.reconnectPolicy = new ReconnectPolicy(settings, System.nanoTime());
        this.watchdog = new ConnectionWatchdog(
            settings.connectionSilenceMillis() * 1_000_000L, settings.pingTimeoutMillis() * 1_000_000L);
        this.stableNanos = settings.stableConnectionMillis() * 1_000_000L;
    }

    /** Starts the event-loop thread; the caller then calls {@link #connect()} on it. */
    public EventLoop start()
    {
        loop = connector.start();
        return loop;
    }

    /** Stops with a WebSocket close (after {@link Session#onStop}) and ends the thread; waits up to a few seconds. */
    public void stop()
    {
        connector.stop(this::onStop, stopped);
    }

    /** Starts attempt {@code attempt() + 1}; {@link Session#onConnect} opens it. Nothing once stopping. */
    public void connect()
    {
        if (stopping)
        {
            return;
        }
        final int gen = ++generation;
        attempt++;
        closeReason = null;
        connected = false;
        stableNoted = false;
        channel = null;
        reconnectPolicy.onAttempt(System.nanoTime());
        session.onConnect(gen);
    }

    /** Opens the WebSocket of attempt {@code gen}, which must be {@link #current(int)}. */
    public void open(final int gen)
    {
        events.connectionState(session.epochMicros(System.nanoTime()), "connecting", attempt, null);
        final ChannelFuture future = connector.connect(listener, gen);
        connectFuture = future;
        channel = future.channel();
        channel.closeFuture().addListener(f -> onClosed(gen));
    }

    /** Attempt {@code gen} is still the one to go on with (no newer attempt, not stopping). */
    public boolean current(final int gen)
    {
        return gen == generation && !stopping;
    }

    /** Attempt {@link #current(int)} failed before its WebSocket opened: retries after the backoff. */
    public void onConnectFailed(final String reason)
    {
        scheduleReconnect(reason);
    }

    private void onHandshakeComplete(final int gen)
    {
        if (!current(gen))
        {
            return;
        }
        final long now = System.nanoTime();
        final long epochMicros = session.epochMicros(now);
        connected = true;
        connectedAtNanos = now;
        watchdog.onSessionStart(now);
        session.onSessionStart(now, epochMicros);
        events.connectionState(epochMicros, "connected", attempt, null);
        events.connected(epochMicros, attempt);
        LOG.info("connected to {} (attempt {})", settings.endpoint(), attempt);
        session.onSessionReady(now);
    }

    /** Kraken's system status (an {@link ExchangeStatus}): maintenance or cancel_only make a reconnect wait longer. */
    public void onExchangeStatus(final int status)
    {
        exchangeStatus = status;
    }

    /** Since the last frame or pong; any thread may ask (a racy read of the feed thread's clock). */
    public long silentForNanos(final long nowNanos)
    {
        return watchdog.silentForNanos(nowNanos);
    }

    /** Any frame or pong: the connection is alive. */
    public void onFrame(final long nowNanos)
    {
        watchdog.onFrame(nowNanos);
    }

    /**
     * The periodic liveness check: pings when quiet, closes when no pong came, notes a stable connection.
     * True while the session is live and was not just closed.
     */
    public boolean onTick(final long nowNanos)
    {
        if (session() == null)
        {
            return false;
        }
        switch (watchdog.poll(nowNanos))
        {
            case ConnectionWatchdog.SEND_PING:
                session.sendPing();
                watchdog.onPingSent(nowNanos);
                break;
            case ConnectionWatchdog.CLOSE:
                session.onPongTimeout();
                events.watchdog(session.epochMicros(nowNanos), "pong_timeout", null, null,
                    watchdog.silentForNanos(nowNanos) / 1_000_000L);
                close("no pong within " + settings.pingTimeoutMillis() + " ms");
                return false;
            default:
                break;
        }
        if (!stableNoted && nowNanos - connectedAtNanos >= stableNanos)
        {
            stableNoted = true;
            reconnectPolicy.onStable();
        }
        return true;
    }

    /** Closes the connection with {@code reason} as the close reason; a reconnect follows unless stopping. */
    public void close(final String reason)
    {
        if (channel != null)
        {
            closeReason = reason;
            channel.close();
        }
    }

    /** The upgraded, active connection to write to, or null. */
    public Channel session()
    {
        final Channel ch = channel;
        return connected && ch != null && ch.isActive() ? ch : null;
    }

    /** The number of the current (or last) attempt, from 1. */
    public int attempt()
    {
        return attempt;
    }

    private void onStop()
    {
        stopping = true;
        session.onStop(session());
        if (channel != null && channel.isActive())
        {
            closeReason = "stopped";
            channel.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.NORMAL_CLOSURE))
                .addListener(ChannelFutureListener.CLOSE);
        }
        else if (channel != null && channel.isOpen())
        {
            closeReason = "stopped";
            channel.close();
        }
        else
        {
            stopped.complete(null);
        }
    }

    private void onClosed(final int gen)
    {
        if (gen != generation)
        {
            return;
        }
        final long now = System.nanoTime();
        final long epochMicros = session.epochMicros(now);
        String reason = closeReason;
        if (reason == null)
        {
            final Throwable cause = connectFuture == null ? null : connectFuture.cause();
            reason = cause != null ? "connect failed: " + cause.getMessage() : connected ? droppedReason : notUpgradedReason;
        }
        final boolean wasConnected = connected;
        connected = false;
        channel = null;
        session.onSessionEnd(epochMicros, !stopping);
        events.connectionState(epochMicros, "disconnected", attempt, reason);
        if (wasConnected)
        {
            events.disconnected(epochMicros, reason);
        }
        if (stopping)
        {
            stopped.complete(null);
            return;
        }
        if (wasConnected && now - connectedAtNanos >= stableNanos)
        {
            reconnectPolicy.onStable();
        }
        scheduleReconnect(reason);
    }

    private void scheduleReconnect(final String reason)
    {
        final long now = System.nanoTime();
        final long delay = reconnectPolicy.nextDelayNanos(now,
            exchangeStatus == ExchangeStatus.MAINTENANCE || exchangeStatus == ExchangeStatus.CANCEL_ONLY);
        events.reconnectScheduled(session.epochMicros(now), delay / 1_000_000L, attempt + 1, reason);
        LOG.warn("{} down ({}); reconnecting in {} ms", name, reason, delay / 1_000_000L);
        loop.schedule(this::connect, delay, TimeUnit.NANOSECONDS);
    }
}
