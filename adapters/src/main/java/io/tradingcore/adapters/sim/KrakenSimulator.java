package io.tradingcore.adapters.sim;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoop;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.util.concurrent.ScheduledFuture;
import io.tradingcore.core.kraken.Channel;
import io.tradingcore.core.time.MicrosClock;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A local Kraken-compatible WebSocket v2 server ({@code ws://127.0.0.1:port/v2}, or wss://) over real
 * loopback sockets, backed by a {@link SyntheticMarket}. Like Kraken it sends the status frame on
 * connect, answers subscribe/unsubscribe with one ack per symbol (validated like Kraken: depth
 * whitelist, unknown pairs, message rate), ping with pong, sends snapshots after the acks, then streams
 * the market's frames for each subscribed channel and symbol, and heartbeats when a connection is idle.
 * Faults are injected through {@link #faults()}.
 * <p>
 * One event-loop thread runs everything (server sockets, sessions, the market), so no state is shared
 * between threads; the public methods may be called from any thread.
 */
public final class KrakenSimulator implements AutoCloseable
{
    static final int[] BOOK_DEPTHS = {10, 25, 100, 500, 1000};
    static final int[] OHLC_INTERVALS = {1, 5, 15, 30, 60, 240, 1440, 10080, 21600};
    /** The ohlc intervals the synthetic market keeps candles for; the others are refused. */
    /** The ohlc intervals the synthetic market keeps candles for; the others are refused like a bad request. */
    public static final int[] SERVED_OHLC_INTERVALS = {1, 5};

    private static final long PUMP_PERIOD_NANOS = 5_000_000L;
    private static final long HOUSEKEEPING_MILLIS = 50;
    /** Most market steps in one pass of the event loop when streaming flat out. */
    private static final int UNTHROTTLED_BATCH = 4096;

    private final KrakenSimulatorSettings settings;
    private final SyntheticMarket market;
    private final Map<String, Integer> symbolIndex = new HashMap<>();
    private final List<KrakenSimulatorSession> sessions = new ArrayList<>();
    private final FaultInjector faults = new FaultInjector(this);
    private final SyntheticMarket.MarketFrameSink fanOut = this::fanOut;
    private MultiThreadIoEventLoopGroup group;
    private EventLoop loop;
    private io.netty.channel.Channel server;
    private KrakenPrivateEndpoint privateEndpoint;
    private ScheduledFuture<?> housekeeping;
    private ScheduledFuture<?> pacedPump;
    private final Runnable unthrottledPump = this::pumpFlatOut;
    private boolean pumpQueued;
    private String system = "online";
    private long maintenanceEndsNanos;
    private double frameCredit;
    private long lastPumpNanos;
    private int framesThisStep;
    /** Read on the event loop only. */
    private final MicrosClock hostClock = new MicrosClock();
    private volatile long framesSent;
    private volatile long connectionsAccepted;
    private volatile long requestsReceived;
    private volatile long requestsRefusedForRate;
    private final List<String> requestLog = Collections.synchronizedList(new ArrayList<>());

    public KrakenSimulator(final KrakenSimulatorSettings settings)
    {
        this.settings = settings;
        this.market = market(settings, settings.hostClock() ? -1 : SyntheticMarket.START_MICROS);
        for (int i = 0; i < settings.symbols().size(); i++)
        {
            symbolIndex.put(settings.symbols().get(i), i);
        }
    }

    /**
     * The seed's market starting at {@code startMicros}, or with its history ending now when that is
     * negative (the history's span is the seed's: measured on a first build).
     */
    private static SyntheticMarket market(final KrakenSimulatorSettings settings, final long startMicros)
    {
        if (startMicros < 0)
        {
            final long start = SyntheticMarket.START_MICROS;
            final long span = market(settings, start).clockMicros() - start;
            return market(settings, new MicrosClock().epochMicros() - span);
        }
        return new SyntheticMarket(settings.seed(), settings.symbols(),
            Collections.nCopies(settings.symbols().size(), settings.bookDepth()),
            SyntheticMarket.DEFAULT_EVENT_GAP_MICROS, startMicros, settings.historyMinutes() * 60_000_000L);
    }

    /** Binds 127.0.0.1:{@code port} (0 picks a free port) and starts serving. */
    public KrakenSimulator start(final int port)
    {
        group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        loop = group.next();
        final KrakenSimulator simulator = this;
        final ServerBootstrap bootstrap = new ServerBootstrap().group(loop, loop)
            .channel(NioServerSocketChannel.class)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(1 << 20, 4 << 20))
            .childHandler(new ChannelInitializer<SocketChannel>()
            {
                @Override
                protected void initChannel(final SocketChannel ch)
                {
                    final ChannelPipeline p = ch.pipeline();
                    if (settings.sslContext() != null)
                    {
                        p.addLast(settings.sslContext().newHandler(ch.alloc()));
                    }
                    p.addLast(new HttpServerCodec(), new HttpObjectAggregator(64 * 1024),
                        new WebSocketServerProtocolHandler(WebSocketServerProtocolConfig.newBuilder()
                            .websocketPath("/v2").maxFramePayloadLength(1 << 20).build()),
                        new KrakenSimulatorSession(simulator, settings.symbols().size()));
                }
            });
        server = bootstrap.bind(new InetSocketAddress("127.0.0.1", port)).syncUninterruptibly().channel();
        if (settings.apiKey() != null)
        {
            privateEndpoint = new KrakenPrivateEndpoint(this).start();
        }
        loop.execute(() ->
        {
            lastPumpNanos = System.nanoTime();
            housekeeping = loop.scheduleAtFixedRate(this::onHousekeeping, HOUSEKEEPING_MILLIS, HOUSEKEEPING_MILLIS,
                TimeUnit.MILLISECONDS);
            if (settings.framesPerSecond() > 0)
            {
                pacedPump = loop.scheduleAtFixedRate(this::pumpPaced, PUMP_PERIOD_NANOS, PUMP_PERIOD_NANOS,
                    TimeUnit.NANOSECONDS);
            }
        });
        return this;
    }

    public int port()
    {
        return ((InetSocketAddress)server.localAddress()).getPort();
    }

    /** {@code ws://127.0.0.1:port/v2} (wss:// when serving TLS). */
    public URI uri()
    {
        return URI.create((settings.sslContext() != null ? "wss" : "ws") + "://127.0.0.1:" + port() + "/v2");
    }

    public FaultInjector faults()
    {
        return faults;
    }

    /** The private side (token endpoint and authenticated WebSocket) on its own port; needs {@code privateAccount}. */
    public KrakenPrivateEndpoint privateEndpoint()
    {
        if (privateEndpoint == null)
        {
            throw new IllegalStateException("the private endpoint is served only with KrakenSimulatorSettings.privateAccount(...)");
        }
        return privateEndpoint;
    }

    /** Market frames written to clients (acks, snapshots, heartbeats and status not counted). */
    public long framesSent()
    {
        return framesSent;
    }

    public long connectionsAccepted()
    {
        return connectionsAccepted;
    }

    /** Subscribe and unsubscribe requests received. */
    public long requestsReceived()
    {
        return requestsReceived;
    }

    /** Every subscribe and unsubscribe request received, as sent, in order. */
    public List<String> requests()
    {
        synchronized (requestLog)
        {
            return new ArrayList<>(requestLog);
        }
    }

    /** Requests answered "Exceeded msg rate" because they broke the configured request limit. */
    public long requestsRefusedForRate()
    {
        return requestsRefusedForRate;
    }

    @Override
    public void close()
    {
        if (group == null)
        {
            return;
        }
        server.close().syncUninterruptibly();
        if (privateEndpoint != null)
        {
            privateEndpoint.close();
        }
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        group = null;
    }

    KrakenSimulatorSettings settings()
    {
        return settings;
    }

    SyntheticMarket market()
    {
        return market;
    }

    EventLoop loop()
    {
        return loop;
    }

    /** Index of a served symbol, or -1 ("Currency pair not supported"). */
    int symbolIndex(final String symbol)
    {
        final Integer index = symbolIndex.get(symbol);
        return index == null ? -1 : index;
    }

    String system()
    {
        return system;
    }

    void onSessionOpen(final KrakenSimulatorSession session)
    {
        sessions.add(session);
        connectionsAccepted++;
        session.sendNow(market.statusFrame(system));
    }

    void onSessionClosed(final KrakenSimulatorSession session)
    {
        sessions.remove(session);
    }

    void onRequest(final String text)
    {
        requestsReceived++;
        requestLog.add(text);
    }

    void onRefusedForRate()
    {
        requestsRefusedForRate++;
    }

    /** A session drained its backlog: streaming flat out can resume. */
    void onWritable()
    {
        if (settings.framesPerSecond() == 0)
        {
            queueFlatOutPump();
        }
    }

    void dropAll()
    {
        for (final KrakenSimulatorSession session : new ArrayList<>(sessions))
        {
            session.drop();
        }
    }

    void forEachSession(final Consumer<KrakenSimulatorSession> action)
    {
        for (final KrakenSimulatorSession session : new ArrayList<>(sessions))
        {
            action.accept(session);
        }
    }

    void broadcast(final String frame)
    {
        for (final KrakenSimulatorSession session : sessions)
        {
            session.sendNow(frame);
        }
    }

    /** Maintenance for {@code millis}: status maintenance to everyone (new connections too), then online. */
    void maintenance(final long millis, final boolean drop)
    {
        system = "maintenance";
        maintenanceEndsNanos = System.nanoTime() + millis * 1_000_000L;
        broadcast(market.statusFrame(system));
        if (drop)
        {
            dropAll();
        }
    }

    private void onHousekeeping()
    {
        final long now = System.nanoTime();
        if ("maintenance".equals(system) && now - maintenanceEndsNanos >= 0)
        {
            system = "online";
            broadcast(market.statusFrame(system));
        }
        String heartbeat = null;
        for (final KrakenSimulatorSession session : sessions)
        {
            if (session.idleSince(now, settings.heartbeatIntervalMillis() * 1_000_000L))
            {
                heartbeat = heartbeat == null ? market.heartbeat() : heartbeat;
                session.sendNow(heartbeat);
            }
        }
        if (settings.framesPerSecond() == 0)
        {
            queueFlatOutPump();
        }
    }

    private void pumpPaced()
    {
        final long now = System.nanoTime();
        frameCredit = Math.min(frameCredit + (now - lastPumpNanos) * settings.framesPerSecond() / 1e9,
            settings.framesPerSecond());
        lastPumpNanos = now;
        if (!streaming())
        {
            frameCredit = 0;
            return;
        }
        while (frameCredit >= 1 && allWritable())
        {
            frameCredit -= step();
        }
        flushAll();
    }

    private void pumpFlatOut()
    {
        pumpQueued = false;
        if (!streaming())
        {
            return;
        }
        for (int i = 0; i < UNTHROTTLED_BATCH && allWritable(); i++)
        {
            step();
        }
        flushAll();
        if (allWritable())
        {
            queueFlatOutPump();
        }
    }

    private void queueFlatOutPump()
    {
        if (!pumpQueued && streaming())
        {
            pumpQueued = true;
            loop.execute(unthrottledPump);
        }
    }

    private int step()
    {
        framesThisStep = 0;
        if (settings.hostClock())
        {
            final long now = hostClock.epochMicros();
            if (market.clockMicros() > now)
            {
                return 1; // the market's next event is still in the future
            }
            market.keepUpWith(now);
        }
        market.step(fanOut);
        return Math.max(1, framesThisStep);
    }

    private void fanOut(final int channel, final String symbol, final String frame)
    {
        framesThisStep++;
        final int index = symbol == null ? -1 : symbolIndex(symbol);
        String text = frame;
        if (channel == Channel.BOOK && index >= 0 && faults.takeChecksumCorruption(index))
        {
            text = FaultInjector.corruptChecksum(frame);
        }
        ByteBuf encoded = null;
        for (final KrakenSimulatorSession session : sessions)
        {
            if (session.wants(channel, index, frame))
            {
                if (encoded == null)
                {
                    // market frames are ASCII: numbers, symbols and RFC 3339 times
                    encoded = session.alloc().buffer(text.length());
                    ByteBufUtil.writeAscii(encoded, text);
                }
                session.stream(encoded.retainedDuplicate());
                framesSent++;
            }
        }
        if (encoded != null)
        {
            encoded.release();
        }
    }

    private boolean streaming()
    {
        for (final KrakenSimulatorSession session : sessions)
        {
            if (session.subscribed())
            {
                return true;
            }
        }
        return false;
    }

    private boolean allWritable()
    {
        for (final KrakenSimulatorSession session : sessions)
        {
            if (!session.writable())
            {
                return false;
            }
        }
        return true;
    }

    private void flushAll()
    {
        for (final KrakenSimulatorSession session : sessions)
        {
            session.flush();
        }
    }
}
