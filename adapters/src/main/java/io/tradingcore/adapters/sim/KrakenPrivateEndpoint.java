package io.tradingcore.adapters.sim;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.util.concurrent.ScheduledFuture;
import io.tradingcore.adapters.kraken.auth.KrakenRestSigner;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The simulator's private side, on its own port like Kraken's separate hosts: {@code POST
 * /0/private/GetWebSocketsToken} (checks API-Key, the API-Sign signature with the test secret, and that
 * the nonce increases) and the authenticated WebSocket at {@code /v2} (token checked on every request;
 * add_order, cancel_order, cancel_all_orders_after, the executions and balances channels) over one
 * {@link KrakenPrivateAccount}. Faults: drop the private connections, invalidate every token, send any frame.
 * Runs on the simulator's thread; public methods may be called from any thread.
 */
public final class KrakenPrivateEndpoint
{
    private static final long TICK_MILLIS = 20;

    private final KrakenSimulator simulator;
    private final String apiKey;
    private final KrakenRestSigner signer;
    private final KrakenPrivateAccount account;
    private final List<KrakenPrivateSession> sessions = new ArrayList<>();
    private final Set<String> tokens = new HashSet<>();
    private final List<String> requestLog = Collections.synchronizedList(new ArrayList<>());
    private Channel server;
    private ScheduledFuture<?> tick;
    private long lastNonce;
    private long tokenSerial;
    private long deadManTriggerNanos;
    private volatile long tokensIssued;
    private volatile long tokensRefused;
    private volatile String lastTokenRefusal;
    private volatile long connectionsAccepted;
    private volatile int lastDeadManTimeout = -1;

    KrakenPrivateEndpoint(final KrakenSimulator simulator)
    {
        this.simulator = simulator;
        this.apiKey = simulator.settings().apiKey();
        this.signer = new KrakenRestSigner(simulator.settings().apiSecret());
        this.account = new KrakenPrivateAccount(simulator.market(), new KrakenPrivateAccount.Reports()
        {
            @Override
            public void execution(final String row)
            {
                for (final KrakenPrivateSession session : sessions)
                {
                    session.execution(row);
                }
            }

            @Override
            public void balance(final String row)
            {
                for (final KrakenPrivateSession session : sessions)
                {
                    session.balance(row);
                }
            }
        });
    }

    KrakenPrivateEndpoint start()
    {
        final KrakenPrivateEndpoint endpoint = this;
        final KrakenSimulatorSettings settings = simulator.settings();
        server = new ServerBootstrap().group(simulator.loop(), simulator.loop())
            .channel(NioServerSocketChannel.class)
            .childOption(ChannelOption.TCP_NODELAY, true)
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
                    p.addLast(new HttpServerCodec(), new HttpObjectAggregator(64 * 1024), new KrakenPrivateRest(endpoint),
                        new WebSocketServerProtocolHandler(WebSocketServerProtocolConfig.newBuilder()
                            .websocketPath("/v2").maxFramePayloadLength(1 << 20).build()),
                        new KrakenPrivateSession(endpoint));
                }
            })
            .bind(new InetSocketAddress("127.0.0.1", 0)).syncUninterruptibly().channel();
        simulator.loop().execute(() -> tick = simulator.loop().scheduleAtFixedRate(this::onTick, TICK_MILLIS,
            TICK_MILLIS, TimeUnit.MILLISECONDS));
        return this;
    }

    void close()
    {
        if (tick != null)
        {
            tick.cancel(false);
        }
        server.close().syncUninterruptibly();
    }

    public int port()
    {
        return ((InetSocketAddress)server.localAddress()).getPort();
    }

    /** The authenticated WebSocket, {@code ws://127.0.0.1:port/v2} (wss:// when serving TLS). */
    public URI uri()
    {
        return URI.create((simulator.settings().sslContext() != null ? "wss" : "ws") + "://127.0.0.1:" + port() + "/v2");
    }

    /** The REST base URL the token endpoint hangs off, {@code http://127.0.0.1:port}. */
    public URI restUri()
    {
        return URI.create((simulator.settings().sslContext() != null ? "https" : "http") + "://127.0.0.1:" + port());
    }

    /** Drops every private connection at TCP level, without a close frame. */
    public void dropConnections()
    {
        onLoop(() ->
        {
            for (final KrakenPrivateSession session : new ArrayList<>(sessions))
            {
                session.drop();
            }
        });
    }

    /** Every token issued so far stops working ("ESession:Invalid session"), as after a Kraken upgrade. */
    public void invalidateTokens()
    {
        onLoop(tokens::clear);
    }

    /**
     * Sends {@code text}, byte for byte, as a text frame to every private connection: what a test makes
     * of it (garbage, a broken executions or balances message, bytes that are not UTF-8) is its own.
     */
    public void sendFrame(final byte[] text)
    {
        onLoop(() ->
        {
            for (final KrakenPrivateSession session : sessions)
            {
                session.send(text);
            }
        });
    }

    /** Every private WebSocket request received, as sent, in order. */
    public List<String> requests()
    {
        synchronized (requestLog)
        {
            return new ArrayList<>(requestLog);
        }
    }

    public long tokensIssued()
    {
        return tokensIssued;
    }

    public long tokensRefused()
    {
        return tokensRefused;
    }

    /** The error of the last refused token request (e.g. "EAPI:Invalid key"), or null. */
    public String lastTokenRefusal()
    {
        return lastTokenRefusal;
    }

    public long connectionsAccepted()
    {
        return connectionsAccepted;
    }

    /** The timeout of the last cancel_all_orders_after (0 disabled it), or -1 if none came. */
    public int lastDeadManTimeout()
    {
        return lastDeadManTimeout;
    }

    public int openOrders()
    {
        final int[] count = new int[1];
        onLoop(() -> count[0] = account.openOrders());
        return count[0];
    }

    /** GetWebSocketsToken: the token, or the Kraken error that refuses it. */
    TokenAnswer issueToken(final String key, final String signature, final String body)
    {
        final long nonce = nonceOf(body);
        final String error;
        if (key == null || !key.equals(apiKey))
        {
            error = "EAPI:Invalid key";
        }
        else if (nonce < 0 || !signer.verify(signature, "/0/private/GetWebSocketsToken", nonce, body))
        {
            error = "EAPI:Invalid key";
        }
        else if (nonce <= lastNonce)
        {
            error = "EAPI:Invalid nonce";
        }
        else
        {
            lastNonce = nonce;
            final String token = "simtok" + Long.toString(++tokenSerial, 36) + "x" + Long.toString(System.nanoTime(), 36);
            tokens.add(token);
            tokensIssued++;
            return new TokenAnswer(token, null);
        }
        tokensRefused++;
        lastTokenRefusal = error;
        return new TokenAnswer(null, error);
    }

    record TokenAnswer(String token, String error)
    {
    }

    boolean validToken(final String token)
    {
        return token != null && tokens.contains(token);
    }

    KrakenPrivateAccount account()
    {
        return account;
    }

    SyntheticMarket market()
    {
        return simulator.market();
    }

    boolean serves(final String symbol)
    {
        return simulator.symbolIndex(symbol) >= 0;
    }

    void onSessionOpen(final KrakenPrivateSession session)
    {
        sessions.add(session);
        connectionsAccepted++;
        session.send(simulator.market().statusFrame(simulator.system()));
    }

    void onSessionClosed(final KrakenPrivateSession session)
    {
        sessions.remove(session);
    }

    void onRequest(final String text)
    {
        requestLog.add(text);
    }

    /** cancel_all_orders_after: every open order is cancelled {@code timeoutSeconds} from now unless refreshed; 0 disarms. */
    void deadMan(final int timeoutSeconds)
    {
        lastDeadManTimeout = timeoutSeconds;
        deadManTriggerNanos = timeoutSeconds == 0 ? 0 : System.nanoTime() + timeoutSeconds * 1_000_000_000L;
    }

    private void onTick()
    {
        final long now = System.nanoTime();
        if (deadManTriggerNanos != 0 && now - deadManTriggerNanos >= 0)
        {
            deadManTriggerNanos = 0;
            account.cancelAll("cancel_all_orders_after timeout");
        }
        account.match();
        for (final KrakenPrivateSession session : sessions)
        {
            session.heartbeatIfIdle(now, simulator.settings().heartbeatIntervalMillis() * 1_000_000L);
        }
    }

    private static long nonceOf(final String body)
    {
        for (final String pair : body.split("&"))
        {
            if (pair.startsWith("nonce="))
            {
                try
                {
                    return Long.parseLong(pair.substring(6));
                }
                catch (final NumberFormatException ex)
                {
                    return -1;
                }
            }
        }
        return -1;
    }

    private void onLoop(final Runnable action)
    {
        if (simulator.loop().inEventLoop())
        {
            action.run();
        }
        else
        {
            simulator.loop().submit(action).syncUninterruptibly();
        }
    }
}
