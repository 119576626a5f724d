package io.tradingcore.adapters.kraken;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoop;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshaker13;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrameDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;
import java.net.URI;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Opens WebSocket connections to one Kraken endpoint (ws:// or wss:// with SNI) on one event loop:
 * TCP, TLS, Netty's upgrade, then a {@link KrakenWebSocketFrameReader} (instead of Netty's frame
 * decoder) and a {@link FeedChannelHandler} that report to one listener. Outbound frames go through
 * Netty's encoder, which masks them. Shared by the public feed and the private order connection.
 */
public final class WebSocketConnector
{
    private static final Logger LOG = LoggerFactory.getLogger(WebSocketConnector.class);

    private final URI endpoint;
    private final String host;
    private final int port;
    private final SslContext sslContext;
    private final int maxMessageBytes;
    private final long connectTimeoutMillis;
    private Bootstrap bootstrap;
    private MultiThreadIoEventLoopGroup group;

    /** {@code trust} is for a private CA (the simulator's test certificate); null uses the JDK's trust store. */
    public WebSocketConnector(final URI endpoint, final TrustManagerFactory trust, final int maxMessageBytes,
        final long connectTimeoutMillis)
    {
        final boolean tls = "wss".equals(endpoint.getScheme());
        this.endpoint = endpoint;
        this.host = endpoint.getHost();
        this.port = endpoint.getPort() > 0 ? endpoint.getPort() : tls ? 443 : 80;
        this.sslContext = tls ? clientTls(endpoint, trust) : null;
        this.maxMessageBytes = maxMessageBytes;
        this.connectTimeoutMillis = connectTimeoutMillis;
    }

    private static SslContext clientTls(final URI endpoint, final TrustManagerFactory trust)
    {
        try
        {
            // SNI comes from newHandler(host, port); Cloudflare refuses the upgrade without it
            return SslContextBuilder.forClient().sslProvider(SslProvider.JDK)
                .trustManager(trust)
                .endpointIdentificationAlgorithm("HTTPS")
                .build();
        }
        catch (final SSLException ex)
        {
            throw new IllegalStateException("cannot build the TLS context for " + endpoint, ex);
        }
    }

    /**
     * Starts the connection's own event-loop thread and binds to it; returns the loop, on which the
     * caller then schedules its start. A connection lives on one thread, so its state needs no locks.
     */
    public EventLoop start()
    {
        if (group != null)
        {
            throw new IllegalStateException("already started");
        }
        group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        final EventLoop loop = group.next();
        bind(loop);
        return loop;
    }

    /**
     * Runs {@code onStop} on the loop (a clean WebSocket close), waits up to 3 s for {@code stopped},
     * then ends the thread. Safe to call twice, and before {@link #start}.
     */
    public void stop(final Runnable onStop, final Future<?> stopped)
    {
        if (group == null || group.isShuttingDown())
        {
            return;
        }
        group.next().execute(onStop);
        try
        {
            stopped.get(3, TimeUnit.SECONDS);
        }
        catch (final Exception ex)
        {
            LOG.warn("connection to {} did not close cleanly within 3 s: {}", endpoint, ex.toString());
        }
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    public void bind(final EventLoop loop)
    {
        bootstrap = new Bootstrap().group(loop).channel(NioSocketChannel.class)
            .option(ChannelOption.TCP_NODELAY, true)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int)connectTimeoutMillis);
    }

    /** Starts a connection attempt; {@code listener} hears of the upgrade, errors and messages of {@code generation}. */
    public ChannelFuture connect(final FeedChannelHandler.Listener listener, final int generation)
    {
        final WebSocketClientProtocolConfig config = WebSocketClientProtocolConfig.newBuilder()
            .webSocketUri(endpoint)
            .handshakeTimeoutMillis(connectTimeoutMillis)
            .withUTF8Validator(false)
            .build();
        final KrakenWebSocketFrameReader reader = new KrakenWebSocketFrameReader(listener, generation, maxMessageBytes);
        final WebSocketClientHandshaker13 handshaker = new WebSocketClientHandshaker13(endpoint, WebSocketVersion.V13,
            null, false, EmptyHttpHeaders.INSTANCE, maxMessageBytes, true, false, config.forceCloseTimeoutMillis())
        {
            @Override
            protected WebSocketFrameDecoder newWebsocketDecoder()
            {
                return reader;
            }
        };
        return bootstrap.clone().handler(new ChannelInitializer<SocketChannel>()
        {
            @Override
            protected void initChannel(final SocketChannel ch)
            {
                final ChannelPipeline p = ch.pipeline();
                if (sslContext != null)
                {
                    p.addLast(sslContext.newHandler(ch.alloc(), host, port));
                }
                p.addLast(new HttpClientCodec(), new HttpObjectAggregator(64 * 1024),
                    new WebSocketClientProtocolHandler(handshaker, config), new FeedChannelHandler(listener, generation));
            }
        }).connect(host, port);
    }
}
