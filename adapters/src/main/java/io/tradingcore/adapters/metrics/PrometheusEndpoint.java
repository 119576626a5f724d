package io.tradingcore.adapters.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.tradingcore.core.kraken.Channel;
import io.tradingcore.core.stage.LatencyHistogram;
import io.tradingcore.core.stream.StreamCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.function.IntToLongFunction;
import java.util.function.LongSupplier;

/**
 * The Prometheus scrape target and health check of the core, served by the JDK's HTTP server on a
 * thread of its own: {@code GET /metrics} (text format 0.0.4) reads the counters the stages and the
 * Redis writer already keep, {@code GET /health} answers 200 while Redis is connected, 503 otherwise.
 * Operator commands ({@link #command}) are POSTs that only raise a flag the owning stage acts on at
 * its next event; nothing here touches the ring. Bind it to loopback (the default) or a trusted network.
 */
public final class PrometheusEndpoint implements AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(PrometheusEndpoint.class);
    private static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final String host;
    private final int port;
    private LongSupplier signalsPublished;
    private LatencyHistogram publishLatency;
    private IntToLongFunction framesByChannel;
    private LongSupplier checksumFailures;
    private LongSupplier redisWriteErrors;
    private IntToLongFunction redisWrittenByStream;
    private IntToLongFunction redisShedByStream;
    private BooleanSupplier redisConnected;
    private final java.util.Map<String, Runnable> commands = new java.util.LinkedHashMap<>();
    private byte[] operatorToken;
    private HttpServer server;
    private ExecutorService thread;

    /** @param port the TCP port; 0 binds a free one (see {@link #port()}) */
    public PrometheusEndpoint(final String host, final int port)
    {
        this.host = host;
        this.port = port;
    }

    /** {@code signals_published_total}. */
    public PrometheusEndpoint signalsPublished(final LongSupplier signals)
    {
        this.signalsPublished = signals;
        return this;
    }

    /** {@code publish_latency_ms}: receive→published latency of signals. */
    public PrometheusEndpoint publishLatency(final LatencyHistogram latency)
    {
        this.publishLatency = latency;
        return this;
    }

    /** {@code frames_total{channel}}, by {@link Channel} id. */
    public PrometheusEndpoint framesByChannel(final IntToLongFunction frames)
    {
        this.framesByChannel = frames;
        return this;
    }

    /** {@code checksum_failures_total}: book checksum mismatches. */
    public PrometheusEndpoint checksumFailures(final LongSupplier failures)
    {
        this.checksumFailures = failures;
        return this;
    }

    /** {@code redis_publish_errors_total}. */
    public PrometheusEndpoint redisWriteErrors(final LongSupplier errors)
    {
        this.redisWriteErrors = errors;
        return this;
    }

    /** {@code redis_entries_written_total} and {@code redis_entries_shed_total}, summed over the streams of {@link StreamCatalog}. */
    public PrometheusEndpoint redisEntries(final IntToLongFunction writtenByStream, final IntToLongFunction shedByStream)
    {
        this.redisWrittenByStream = writtenByStream;
        this.redisShedByStream = shedByStream;
        return this;
    }

    /** {@code redis_connected} and {@code /health}. */
    public PrometheusEndpoint redisConnected(final BooleanSupplier connected)
    {
        this.redisConnected = connected;
        return this;
    }

    /**
     * {@code POST path} with header {@code X-Operator-Token: <token>} runs {@code action} (which must
     * only raise a flag) and answers 202. A wrong or missing token is 403, and so is any request a
     * browser made ({@code Origin} header): a web page must never reach an operator command. Before {@link #start}.
     */
    public PrometheusEndpoint command(final String path, final String token, final Runnable action)
    {
        if (token == null || token.isEmpty())
        {
            throw new IllegalArgumentException("an operator command needs a token");
        }
        operatorToken = token.getBytes(StandardCharsets.UTF_8);
        commands.put(path, action);
        return this;
    }

    /** Binds and serves; every source must have been given. */
    public PrometheusEndpoint start() throws IOException
    {
        Objects.requireNonNull(signalsPublished, "signalsPublished");
        Objects.requireNonNull(publishLatency, "publishLatency");
        Objects.requireNonNull(framesByChannel, "framesByChannel");
        Objects.requireNonNull(checksumFailures, "checksumFailures");
        Objects.requireNonNull(redisWriteErrors, "redisWriteErrors");
        Objects.requireNonNull(redisWrittenByStream, "redisEntries");
        Objects.requireNonNull(redisConnected, "redisConnected");
        server = HttpServer.create(new InetSocketAddress(host, port), 0);
        server.createContext("/metrics", exchange -> respond(exchange, 200, CONTENT_TYPE, scrape()));
        server.createContext("/health", this::health);
        for (final java.util.Map.Entry<String, Runnable> c : commands.entrySet())
        {
            server.createContext(c.getKey(), exchange -> command(exchange, c.getKey(), c.getValue()));
        }
        thread = Executors.newSingleThreadExecutor(r ->
        {
            final Thread t = new Thread(r, "prometheus-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(thread);
        server.start();
        LOG.info("Prometheus metrics on http://{}:{}/metrics, health on /health", host, port());
        return this;
    }

    /** The bound port (the free one chosen when configured with 0). */
    public int port()
    {
        return server.getAddress().getPort();
    }

    @Override
    public void close()
    {
        if (server != null)
        {
            server.stop(0);
            thread.shutdownNow();
        }
    }

    /** The whole exposition, in the text format 0.0.4. */
    String scrape()
    {
        final StringBuilder s = new StringBuilder(4096);
        counter(s, "signals_published_total", "Signals published to the primary signals stream.", signalsPublished.getAsLong());
        histogram(s, "publish_latency_ms", "Receive to published (handed to Redis) latency of each signal, milliseconds.");
        head(s, "frames_total", "counter", "Frames the normalize stage has seen, by channel.");
        for (int c = 0; c < Channel.COUNT; c++)
        {
            s.append("frames_total{channel=\"").append(Channel.name(c)).append("\"} ")
                .append(framesByChannel.applyAsLong(c)).append('\n');
        }
        counter(s, "checksum_failures_total", "Order book checksum mismatches.", checksumFailures.getAsLong());
        counter(s, "redis_publish_errors_total", "Redis commands that failed or were abandoned with a lost connection.",
            redisWriteErrors.getAsLong());
        counter(s, "redis_entries_written_total", "Stream entries written to Redis.", total(redisWrittenByStream));
        counter(s, "redis_entries_shed_total", "Market-data entries the Redis writer shed while its bound was full.",
            total(redisShedByStream));
        head(s, "redis_connected", "gauge", "1 while the link to Redis is up.");
        s.append("redis_connected ").append(redisConnected.getAsBoolean() ? 1 : 0).append('\n');
        return s.toString();
    }

    private void health(final HttpExchange exchange) throws IOException
    {
        if (redisConnected.getAsBoolean())
        {
            respond(exchange, 200, "text/plain; charset=utf-8", "ok\n");
        }
        else
        {
            respond(exchange, 503, "text/plain; charset=utf-8", "redis not connected\n");
        }
    }

    /** Buckets are cumulative; the count is their sum, so +Inf always equals _count within one scrape. */
    private void histogram(final StringBuilder s, final String name, final String help)
    {
        head(s, name, "histogram", help);
        long cumulative = 0;
        for (int b = 0; b < LatencyHistogram.bucketCount(); b++)
        {
            cumulative += publishLatency.count(b);
            s.append(name).append("_bucket{le=\"").append(millis(LatencyHistogram.upperBoundMicros(b))).append("\"} ")
                .append(cumulative).append('\n');
        }
        cumulative += publishLatency.count(LatencyHistogram.bucketCount());
        s.append(name).append("_bucket{le=\"+Inf\"} ").append(cumulative).append('\n');
        s.append(name).append("_sum ").append(millis(publishLatency.sumMicros())).append('\n');
        s.append(name).append("_count ").append(cumulative).append('\n');
    }

    private static void counter(final StringBuilder s, final String name, final String help, final long value)
    {
        head(s, name, "counter", help);
        s.append(name).append(' ').append(value).append('\n');
    }

    private static void head(final StringBuilder s, final String name, final String type, final String help)
    {
        s.append("# HELP ").append(name).append(' ').append(help).append('\n');
        s.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private static long total(final IntToLongFunction byStream)
    {
        long total = 0;
        for (int stream = 0; stream < StreamCatalog.COUNT; stream++)
        {
            total += byStream.applyAsLong(stream);
        }
        return total;
    }

    private static String millis(final long micros)
    {
        return BigDecimal.valueOf(micros, 3).stripTrailingZeros().toPlainString();
    }

    private void command(final HttpExchange exchange, final String path, final Runnable action) throws IOException
    {
        try (exchange)
        {
            if (!"POST".equals(exchange.getRequestMethod()) || !path.equals(exchange.getRequestURI().getPath()))
            {
                exchange.getResponseHeaders().set("Allow", "POST");
                exchange.sendResponseHeaders("POST".equals(exchange.getRequestMethod()) ? 404 : 405, -1);
                return;
            }
            final String token = exchange.getRequestHeaders().getFirst("X-Operator-Token");
            if (exchange.getRequestHeaders().containsKey("Origin") || token == null
                || !java.security.MessageDigest.isEqual(operatorToken, token.getBytes(StandardCharsets.UTF_8)))
            {
                LOG.warn("operator command {} refused from {}", path, exchange.getRemoteAddress());
                exchange.sendResponseHeaders(403, -1);
                return;
            }
            action.run();
            LOG.warn("operator command {} from {}", path, exchange.getRemoteAddress());
            final byte[] bytes = "accepted: applied at the next event\n".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            exchange.sendResponseHeaders(202, bytes.length);
            try (OutputStream out = exchange.getResponseBody())
            {
                out.write(bytes);
            }
        }
    }

    private static void respond(final HttpExchange exchange, final int status, final String type, final String body)
        throws IOException
    {
        try (exchange)
        {
            if (!"GET".equals(exchange.getRequestMethod()))
            {
                exchange.getResponseHeaders().set("Allow", "GET");
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            final byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody())
            {
                out.write(bytes);
            }
        }
    }
}
