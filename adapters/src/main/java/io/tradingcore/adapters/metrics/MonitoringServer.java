package io.tradingcore.adapters.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.prometheus.metrics.config.PrometheusProperties;
import io.prometheus.metrics.exporter.httpserver.HttpErrorHandlingPolicy;
import io.prometheus.metrics.exporter.httpserver.MetricsHandler;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The process's HTTP side, on one thread of its own (the JDK's server): {@code GET /metrics} is the
 * Prometheus client's handler over a registry of callback metrics, {@code GET /health} says the
 * process is alive, {@code GET /ready} whether it is fit to trade (200, or 503 naming what is not).
 * Operator commands ({@link #command}) are POSTs that only raise a flag the owning stage acts on at
 * its next event; nothing here touches the ring. Bind it to loopback (the default) or a trusted network.
 */
public final class MonitoringServer implements AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(MonitoringServer.class);
    private static final String TEXT = "text/plain; charset=utf-8";

    private final String host;
    private final int port;
    private final PrometheusRegistry registry;
    private final BooleanSupplier alive;
    private final Supplier<List<String>> unmetReadiness;
    private final Map<String, Runnable> commands = new LinkedHashMap<>();
    private byte[] operatorToken;
    private HttpServer server;
    private ExecutorService thread;

    /**
     * @param port           the TCP port; 0 binds a free one (see {@link #port()})
     * @param alive          false once the process can no longer do its work (a stage fault): {@code /health} 503
     * @param unmetReadiness what keeps the process from being ready, empty when it is
     */
    public MonitoringServer(
        final String host, final int port, final PrometheusRegistry registry, final BooleanSupplier alive,
        final Supplier<List<String>> unmetReadiness)
    {
        this.host = host;
        this.port = port;
        this.registry = registry;
        this.alive = alive;
        this.unmetReadiness = unmetReadiness;
    }

    /**
     * {@code POST path} with header {@code X-Operator-Token: <token>} runs {@code action} (which must
     * only raise a flag) and answers 202. A wrong or missing token is 403, and so is any request a
     * browser made ({@code Origin} header): a web page must never reach an operator command. Before {@link #start}.
     */
    public MonitoringServer command(final String path, final String token, final Runnable action)
    {
        if (token == null || token.isEmpty())
        {
            throw new IllegalArgumentException("an operator command needs a token");
        }
        operatorToken = token.getBytes(StandardCharsets.UTF_8);
        commands.put(path, action);
        return this;
    }

    public MonitoringServer start() throws IOException
    {
        server = HttpServer.create(new InetSocketAddress(host, port), 0);
        // a metric that throws fails the scrape (500): say which, or an operator only sees a gap
        final MetricsHandler metrics = new MetricsHandler(PrometheusProperties.get(), registry,
            HttpErrorHandlingPolicy.builder().errorReporter(ex -> LOG.warn("scrape failed", ex)).build());
        server.createContext("/metrics", exchange ->
        {
            if (get(exchange))
            {
                metrics.handle(exchange);
            }
        });
        server.createContext("/health", exchange ->
        {
            if (get(exchange))
            {
                final boolean ok = alive.getAsBoolean();
                respond(exchange, ok ? 200 : 503, ok ? "alive\n" : "a stage failed\n");
            }
        });
        server.createContext("/ready", exchange ->
        {
            if (get(exchange))
            {
                final List<String> unmet = unmetReadiness.get();
                respond(exchange, unmet.isEmpty() ? 200 : 503, unmet.isEmpty() ? "ready\n" : String.join("\n", unmet) + "\n");
            }
        });
        for (final Map.Entry<String, Runnable> c : commands.entrySet())
        {
            server.createContext(c.getKey(), exchange -> command(exchange, c.getKey(), c.getValue()));
        }
        thread = Executors.newSingleThreadExecutor(r ->
        {
            final Thread t = new Thread(r, "monitoring-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(thread);
        server.start();
        LOG.info("metrics on http://{}:{}/metrics, liveness on /health, readiness on /ready", host, port());
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

    /** True for a GET of exactly the context's path; anything else is answered (405, 404) and closed here. */
    private static boolean get(final HttpExchange exchange) throws IOException
    {
        final boolean isGet = "GET".equals(exchange.getRequestMethod());
        if (isGet && exchange.getHttpContext().getPath().equals(exchange.getRequestURI().getPath()))
        {
            return true;
        }
        try (exchange)
        {
            exchange.getResponseHeaders().set("Allow", "GET");
            exchange.sendResponseHeaders(isGet ? 404 : 405, -1);
        }
        return false;
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
                || !MessageDigest.isEqual(operatorToken, token.getBytes(StandardCharsets.UTF_8)))
            {
                LOG.warn("operator command {} refused from {}", path, exchange.getRemoteAddress());
                exchange.sendResponseHeaders(403, -1);
                return;
            }
            action.run();
            LOG.warn("operator command {} from {}", path, exchange.getRemoteAddress());
            respond(exchange, 202, "accepted: applied at the next event\n");
        }
    }

    private static void respond(final HttpExchange exchange, final int status, final String body) throws IOException
    {
        try (exchange)
        {
            final byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", TEXT);
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody())
            {
                out.write(bytes);
            }
        }
    }
}
