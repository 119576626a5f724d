package io.tradingcore.run;

import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Info;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.tradingcore.adapters.kraken.KrakenFeedClient;
import io.tradingcore.adapters.kraken.auth.KrakenOrderClient;
import io.tradingcore.adapters.metrics.LatencyHistogramMetric;
import io.tradingcore.adapters.redis.RedisStreamWriter;
import io.tradingcore.core.kraken.Channel;
import io.tradingcore.core.kraken.ParseError;
import io.tradingcore.core.market.SymbolTable;
import io.tradingcore.core.portfolio.Portfolio;
import io.tradingcore.core.ring.TradingPipeline;
import io.tradingcore.core.stage.ExecutionStage;
import io.tradingcore.core.stage.FeedCounters;
import io.tradingcore.core.stage.NormalizeStage;
import io.tradingcore.core.stage.RiskStage;
import io.tradingcore.core.stage.SignalStage;
import io.tradingcore.core.strategy.StrategyId;
import io.tradingcore.core.stream.Outbox;
import io.tradingcore.core.stream.StreamCatalog;

import java.util.List;
import java.util.function.DoubleSupplier;
import java.util.function.IntFunction;
import java.util.function.IntToDoubleFunction;
import java.util.function.IntToLongFunction;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Every metric of the process, as callbacks that read at scrape time what the stages, the feed and
 * the Redis writer already count: nothing on the hot path calls the Prometheus client, and nothing
 * here touches a ring slot. A scrape reads single-writer counters racily (untorn, possibly one event
 * old), which is all a metric needs.
 */
final class CoreMetrics
{
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final int[] symbolIds;
    private final String[] symbolNames;

    /**
     * {@code feed} answers the live feed client, or null (a replay, or before the feed started); {@code orders}
     * is the LIVE order client, or null.
     */
    CoreMetrics(
        final BuildInfo build, final List<String> symbols, final SymbolTable table, final StreamCatalog catalog,
        final NormalizeStage normalize, final SignalStage signal, final RiskStage risk, final ExecutionStage execution,
        final TradingPipeline pipeline, final Outbox outbox, final RedisStreamWriter writer,
        final Supplier<KrakenFeedClient> feed, final KrakenOrderClient orders, final StageFaults faults)
    {
        symbolNames = symbols.toArray(new String[0]);
        symbolIds = new int[symbolNames.length];
        for (int i = 0; i < symbolNames.length; i++)
        {
            symbolIds[i] = table.intern(symbolNames[i]);
        }
        Info.builder().name("build_info").help("The version and git commit of the running jar.")
            .labelNames("version", "commit").register(registry).addLabelValues(build.version(), build.commit());
        JvmMetrics.builder().register(registry);

        final FeedCounters feedCounters = normalize.counters();
        counter("signals_published_total", "Signals published to the primary signals stream.", signal::signals);
        counters("strategy_signals_total", "Signals published, by strategy.", "strategy", StrategyId.COUNT,
            StrategyId::name, signal::signals);
        registry.register(new LatencyHistogramMetric("publish_latency_ms",
            "Receive to published (handed to Redis) latency of each signal, milliseconds.", signal.publishLatency(), 1e3));
        registry.register(new LatencyHistogramMetric("tick_to_decision_seconds",
            "Normalize stage taking a frame that changed a book or traded to the execution stage's decision.",
            execution.tickToDecisionBuckets(), 1e9));
        counter("stage_faults_total", "Exceptions thrown by a ring stage.", faults::faults);

        counters("frames_total", "Frames the normalize stage has seen, by channel.", "channel", Channel.COUNT,
            Channel::name, feedCounters::frames);
        counters("checksum_failures_total", "Order book checksum mismatches, by symbol.", "symbol", symbolIds.length,
            i -> symbolNames[i], i -> feedCounters.checksumsFailed(symbolIds[i]));
        bySymbolGauge("book_valid", "1 while the symbol's book is valid (checksum verified, not crossed).",
            id -> normalize.bookValid(id) ? 1 : 0);
        counter("kraken_reconnects_total", "Reconnects of the Kraken feed.",
            () -> feed.get() == null ? 0 : feed.get().metrics().reconnects());
        counter("kraken_resyncs_total", "Book resyncs (unsubscribe + subscribe) the feed sent.",
            () -> feed.get() == null ? 0 : feed.get().metrics().resyncs());
        counters("kraken_order_frames_rejected_total", "Frames of the order connection it could not use, each on "
            + "kraken:errors, by reason (none: well-formed, of no channel or request it knows).", "reason", ParseError.COUNT,
            ParseError::name, reason -> orders == null ? 0 : orders.framesRejected(reason));
        gauge("feed_silence_seconds", "Seconds since the feed's last frame (0 without a live feed).",
            () -> feed.get() == null ? 0 : feed.get().silentForNanos(System.nanoTime()) / 1e9);

        counter("redis_publish_errors_total", "Redis commands that failed or were abandoned with a lost connection.",
            writer::writeErrors);
        counters("redis_entries_written_total", "Stream entries written to Redis, by stream.", "stream",
            StreamCatalog.COUNT, catalog::template, writer::written);
        counters("redis_entries_shed_total", "Market-data entries shed (hand-off or Redis writer full), by stream.",
            "stream", StreamCatalog.COUNT, catalog::template, s -> writer.shed(s) + outbox.shed(s));
        counter("redis_reconnects_total", "Reconnects of the Redis writer.", writer::reconnects);
        counter("redis_spilled_total", "Entries spilled to the local journal while Redis was away or slow.", writer::spilled);
        gauge("redis_connected", "1 while the link to Redis is up.", () -> writer.connected() ? 1 : 0);
        gauge("redis_backlog_bytes", "Entries the Redis writer holds, not yet acknowledged, in bytes.", writer::backlogBytes);
        gauge("redis_backlog_capacity_bytes", "The Redis writer's in-memory bound.", writer::backlogCapacity);
        gauge("handoff_occupancy_bytes", "Bytes waiting in the stages-to-Redis-writer hand-off.", outbox::size);
        gauge("handoff_capacity_bytes", "The hand-off's capacity.", outbox::capacity);
        gauge("ring_occupancy_slots", "Ring slots published and not yet through the last stage.", pipeline::occupancy);
        gauge("ring_capacity_slots", "Slots of the inbound ring.", pipeline::capacity);

        final Portfolio portfolio = risk.portfolio();
        gauge("kill_switch_tripped", "1 while the daily-drawdown kill switch refuses new orders.",
            () -> risk.killSwitchTripped() ? 1 : 0);
        gauge("open_orders", "Orders approved and not yet filled or closed.", risk::openOrders);
        bySymbolGauge("position_quantity", "Signed position, base currency.", portfolio::positionQty);
        bySymbolGauge("position_exposure_usd", "Position value at the mark, USD.", portfolio::exposure);
        gauge("pnl_realized_usd", "Realized PnL since the start, USD.", portfolio::totalRealizedPnl);
        gauge("pnl_unrealized_usd", "Unrealized PnL at the marks, USD.", portfolio::totalUnrealizedPnl);
        gauge("fees_usd", "Fees paid since the start, USD.", portfolio::totalFees);
        gauge("equity_usd", "Realized - fees + unrealized, relative to the start, USD.", portfolio::equity);
        gauge("drawdown_daily_usd", "Largest peak-to-trough fall of equity in the current UTC day, USD.",
            portfolio::dailyDrawdown);
    }

    PrometheusRegistry registry()
    {
        return registry;
    }

    private void counter(final String name, final String help, final LongSupplier value)
    {
        CounterWithCallback.builder().name(name).help(help).callback(c -> c.call(value.getAsLong())).register(registry);
    }

    private void gauge(final String name, final String help, final DoubleSupplier value)
    {
        GaugeWithCallback.builder().name(name).help(help).callback(c -> c.call(value.getAsDouble())).register(registry);
    }

    /** One series a label value: {@code label} = {@code labelOf(i)} counts {@code value(i)}, i in [0, count). */
    private void counters(
        final String name, final String help, final String label, final int count, final IntFunction<String> labelOf,
        final IntToLongFunction value)
    {
        CounterWithCallback.builder().name(name).help(help).labelNames(label).callback(c ->
        {
            for (int i = 0; i < count; i++)
            {
                c.call(value.applyAsLong(i), labelOf.apply(i));
            }
        }).register(registry);
    }

    private void bySymbolGauge(final String name, final String help, final IntToDoubleFunction value)
    {
        GaugeWithCallback.builder().name(name).help(help).labelNames("symbol").callback(c ->
        {
            for (int i = 0; i < symbolIds.length; i++)
            {
                c.call(value.applyAsDouble(symbolIds[i]), symbolNames[i]);
            }
        }).register(registry);
    }
}
