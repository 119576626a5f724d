package io.tradingcore.run;

import io.tradingcore.adapters.config.ConfigException;
import io.tradingcore.adapters.config.FeedSettings;
import io.tradingcore.adapters.config.RingSettings;
import io.tradingcore.adapters.config.TradingConfig;
import io.tradingcore.adapters.kraken.auth.KrakenOrderClient;
import io.tradingcore.adapters.kraken.auth.WebSocketTokenClient;
import io.tradingcore.adapters.kraken.KrakenFeedClient;
import io.tradingcore.adapters.metrics.MonitoringServer;
import io.tradingcore.adapters.redis.RedisConnector;
import io.tradingcore.adapters.redis.RedisStreamWriter;
import io.tradingcore.adapters.redis.RedisWriterOptions;
import io.tradingcore.adapters.replay.DamagedRecordingException;
import io.tradingcore.adapters.replay.FrameRecorder;
import io.tradingcore.adapters.replay.ReplayFeed;
import io.tradingcore.adapters.state.RiskStateFile;
import io.tradingcore.adapters.state.RiskStateKeeper;
import io.tradingcore.adapters.replay.ReplayProgress;
import io.tradingcore.adapters.report.BacktestReport;
import io.tradingcore.adapters.report.FillCapture;
import io.tradingcore.adapters.report.LatencyLog;
import io.tradingcore.adapters.report.PersistLatency;
import io.tradingcore.core.ring.FrameSink;
import io.tradingcore.core.book.ResyncRequests;
import io.tradingcore.core.market.Instruments;
import io.tradingcore.core.market.SymbolTable;
import io.tradingcore.core.ring.RingFrameSink;
import io.tradingcore.core.ring.Topology;
import io.tradingcore.core.ring.TradingPipeline;
import io.tradingcore.core.ring.WaitStrategies;
import io.tradingcore.core.portfolio.Portfolio;
import io.tradingcore.core.risk.RiskState;
import io.tradingcore.core.stage.ExecutionFeedback;
import io.tradingcore.core.stage.ExecutionStage;
import io.tradingcore.core.stage.NormalizeStage;
import io.tradingcore.core.stage.RiskStage;
import io.tradingcore.core.stage.SignalStage;
import io.tradingcore.core.strategy.StrategyId;
import io.tradingcore.core.strategy.StrategyParameters;
import io.tradingcore.core.stream.EntryWriter;
import io.tradingcore.core.stream.Fields;
import io.tradingcore.core.stream.Outbox;
import io.tradingcore.core.stream.StreamCatalog;
import io.tradingcore.core.time.EventClock;
import io.tradingcore.core.time.MicrosClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static io.tradingcore.core.stream.EntryWriter.ascii;

/**
 * The composition root: builds the symbol table, the stream catalog, the outbox and the Redis
 * adapter thread, the ring and its stages, and the feed; runs until the feed ends or a stop is
 * asked; then drains the ring, flushes Redis and prints the run summary.
 */
final class TradingCore implements AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(TradingCore.class);
    private static final Duration REPLAY_REDIS_WAIT = Duration.ofSeconds(10);
    /** The operator's reset of the daily-drawdown kill switch (POST with the operator token). */
    private static final String KILL_SWITCH_RESET_PATH = "/risk/kill-switch/reset";
    /** The secret an operator command must carry (X-Operator-Token); without it no command is served. */
    private static final String OPERATOR_TOKEN_VARIABLE = "TRADING_OPERATOR_TOKEN";
    /** The live client's fills: it waits for the risk stage when they are not drained yet, so this only paces it. */
    private static final int FEEDBACK_BYTES = 1 << 20;
    private static final DateTimeFormatter RUN_ID =
        DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS");
    private static final byte[] START = ascii("start");
    private static final byte[] ORDER_ENTRY_REFUSED = ascii("order_entry_refused");
    private static final byte[] STATE_RESTORED = ascii("state_restored");

    private final TradingConfig config;
    private final Path home;
    private final SymbolTable symbols = new SymbolTable();
    private final Instruments instruments = new Instruments();
    private final StreamCatalog catalog = new StreamCatalog();
    private final ResyncRequests resync = new ResyncRequests();
    private final MicrosClock clock = new MicrosClock();
    private final Outbox outbox;
    private final EntryWriter control;
    private final RedisStreamWriter writer;
    private final NormalizeStage normalize;
    private final SignalStage signal;
    private final RiskStage risk;
    private final ExecutionStage execution;
    private final KrakenOrderClient orders;
    private final ExecutionFeedback liveFeedback;
    private final StageFaults faults = new StageFaults();
    private final TradingPipeline pipeline;
    private final RiskStateFile stateFile;
    private final RiskState restored;
    private RiskStateKeeper stateKeeper;
    private final BuildInfo build = BuildInfo.load();
    /** The socket feed's client while it runs, for metrics and readiness on the HTTP thread. */
    private volatile KrakenFeedClient feedClient;
    private MonitoringServer monitoring;
    private final String runId;
    private final PersistLatency persistLatency = new PersistLatency();
    /** The fills for the backtest report; null without --report. */
    private final FillCapture fills;
    private LatencyLog latencyLog;

    TradingCore(final TradingConfig config, final Path home) throws BadInputException
    {
        this.config = config;
        this.home = home;
        for (final String symbol : config.kraken().symbols())
        {
            final int id = symbols.intern(symbol);
            final int pp = config.kraken().pricePrecisionFallback(symbol);
            final int qp = config.kraken().qtyPrecisionFallback(symbol);
            if (pp >= 0 && qp >= 0)
            {
                instruments.offer(id, pp, qp, Instruments.SOURCE_CONFIG);
            }
        }
        config.streams().applyTo(catalog);
        outbox = new Outbox(catalog);
        fills = config.logs().reportDir().isEmpty() ? null : new FillCapture(config.environment().executionStream());
        control = new EntryWriter(outbox);

        final Path spill = home.resolve(config.redis().spillPath());
        final RedisWriterOptions options = new RedisWriterOptions()
            .queueBytes((int)Math.min(Integer.MAX_VALUE / 2, config.redis().pendingBoundBytes()))
            .journalFile(spill.resolve("redis-outbox.spill"))
            .batchSize(config.redis().batchSize())
            .ackReplicas(config.redis().ackReplicas())
            .acknowledged(fills == null ? persistLatency : (stream, entry, offset, length) ->
            {
                persistLatency.onAcknowledged(stream, entry, offset, length);
                fills.onAcknowledged(stream, entry, offset, length);
            });
        try
        {
            Files.createDirectories(spill);
        }
        catch (final IOException ex)
        {
            throw new BadInputException("cannot create the spill directory " + spill + ": " + ex.getMessage());
        }
        final String ca = config.redis().caFile();
        final Path caFile = ca.isEmpty() ? null : Path.of(ca);
        writer = new RedisStreamWriter(config.redis().cluster()
            ? RedisConnector.cluster(config.redis().url(), caFile, RedisConnector.DEFAULT_COMMAND_TIMEOUT)
            : new RedisConnector(config.redis().url(), caFile, RedisConnector.DEFAULT_COMMAND_TIMEOUT),
            outbox, symbols, config.environment(), options);

        runId = RUN_ID.format(ZonedDateTime.now(ZoneOffset.UTC));
        final StrategyParameters parameters = new ConfiguredParameters(config);
        // a replay's receive times are the replay's own: its clock is paced by the file instead
        final EventClock eventClock = new EventClock(config.kraken().clockMaxJumpMicros(),
            config.feed().source() != FeedSettings.Source.REPLAY);
        liveFeedback = new ExecutionFeedback(FEEDBACK_BYTES);
        orders = liveTrading() ? new KrakenOrderClient(config.kraken().orders(), config.environment(), config.liveArmed(), tokens(), symbols, outbox, liveFeedback) : null;
        final StageAssembly stages = new StageAssembly(config, parameters, symbols, instruments, resync, eventClock,
            outbox, runId, orders, config.orderEntryAllowed(), liveFeedback);
        normalize = stages.normalize;
        signal = stages.signal;
        risk = stages.risk;
        execution = stages.execution;
        stateFile = new RiskStateFile(home.resolve(config.stateDir()));
        restored = restoreState();
        final RingSettings ring = config.ring();
        final boolean pinned = ring.topology() == Topology.PINNED;
        pipeline = new TradingPipeline(
            ring.size(), ring.frameCapacityBytes(), ring.topology(), WaitStrategies.of(ring.waitStrategy()), new StageThreads(pinned, ring.cpus()), faults,
            stages.inOrder());
    }

    /** The state a previous run kept, taken back before the ring starts (so before any order can leave); null if none. */
    private RiskState restoreState() throws BadInputException
    {
        try
        {
            Files.createDirectories(stateFile.path().getParent());
            final RiskState saved = stateFile.read(symbols);
            if (saved != null)
            {
                risk.restore(saved);
                LOG.info("risk state restored from {}: {} fills so far, kill switch {}", stateFile.path(), saved.fills,
                    saved.killSwitchTripped ? "TRIPPED" : "armed");
            }
            return saved;
        }
        catch (final IOException ex)
        {
            throw new BadInputException(ex.getMessage() + " (--state-dir / state.dir)");
        }
    }

    /** Orders leave for Kraken only in production with the arming flag; then the order client is built. */
    private boolean liveTrading()
    {
        return config.environment().live() && config.orderEntryAllowed();
    }

    /** The token client for the authenticated API; reading the credentials here fails the start if they are missing. */
    private WebSocketTokenClient tokens() throws BadInputException
    {
        try
        {
            return WebSocketTokenClient.fromCredentials(config.kraken().orders().restBaseUrl(), config.krakenCredentials(),
                Duration.ofSeconds(10));
        }
        catch (final ConfigException | RuntimeException ex)
        {
            throw new BadInputException("LIVE trading is armed but the Kraken API credentials are unusable: "
                + ex.getMessage());
        }
    }

    /** Runs until the feed ends or {@code shutdown} is requested; returns the exit code. */
    int run(final ShutdownSignal shutdown, final PrintStream out) throws Exception
    {
        final long startNanos = System.nanoTime();
        latencyLog = new LatencyLog(config.logs().dir(home).resolve("latency-" + runId + ".hlog"))
            .series(LatencyLog.TICK_TO_DECISION, execution.tickToDecisionLog())
            .series(LatencyLog.RECEIVE_TO_PERSISTED, persistLatency.recorder())
            .start(Duration.ofSeconds(config.logs().latencyIntervalSeconds()));
        writer.start();
        if (config.metricsHttpPort() != 0)
        {
            startMonitoring();
        }
        if (config.feed().source() == FeedSettings.Source.REPLAY && !awaitRedis(REPLAY_REDIS_WAIT))
        {
            // a live feed keeps trading and spills while Redis is away; a replay has no reason to start
            throw new IOException("Redis at " + config.redis().maskedUrl() + " is not reachable after "
                + REPLAY_REDIS_WAIT.toSeconds() + " s: nothing replayed");
        }
        writeLifecycle(START);
        if (!config.orderEntryAllowed())
        {
            LOG.warn("order entry refused: {}", config.refusalReason());
            control.begin(StreamCatalog.EVENTS_BUS, -1, -1)
                .string(Fields.TYPE, Fields.TYPE_EVENT)
                .string(Fields.EVENT, ORDER_ENTRY_REFUSED)
                .string(Fields.REASON, config.refusalReason())
                .timestamp(Fields.TIMESTAMP, clock.epochMicros())
                .publish();
        }
        if (orders != null)
        {
            if (restored != null)
            {
                orders.reconcileWith(restored); // Kraken's first snapshots against the kept state
            }
            orders.start();
            LOG.warn("LIVE trading armed: orders go to {}", config.kraken().orders().endpoint());
        }
        if (restored != null)
        {
            control.begin(StreamCatalog.EVENTS_BUS, -1, -1)
                .string(Fields.TYPE, Fields.TYPE_EVENT)
                .string(Fields.EVENT, STATE_RESTORED)
                .integer(Fields.FILLS, restored.fills)
                .bool(Fields.KILL_SWITCH_TRIPPED, restored.killSwitchTripped)
                .timestamp(Fields.STATE_AS_OF, restored.eventMicros)
                .timestamp(Fields.TIMESTAMP, clock.epochMicros())
                .publish();
        }
        stateKeeper = new RiskStateKeeper(risk.state(), stateFile, symbols).start();
        if (config.feed().source() != FeedSettings.Source.REPLAY && config.ring().warmupFrames() > 0)
        {
            final long warmupStart = System.nanoTime();
            final long warmed = new StageWarmup(config, new ConfiguredParameters(config)).run(config.ring().warmupFrames());
            LOG.info("warm-up: {} synthetic frames through a throwaway copy of the stages in {} ms", warmed,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - warmupStart));
        }
        final RingFrameSink ring = pipeline.start();
        final FrameRecorder recorder = config.feed().recording()
            ? new FrameRecorder(home.resolve(config.feed().recordPath()), ring) : null;
        final FrameSink sink = recorder != null ? recorder : ring;
        long frames = 0;
        DamagedRecordingException damaged = null;
        switch (config.feed().source())
        {
            case REPLAY:
                final ReplayFeed replay = new ReplayFeed(Path.of(config.feed().replayPath()), config.ring().frameCapacityBytes());
                final ReplayProgress progress = new ReplayProgress(replay, ReplayProgress.period(), LOG::info);
                try
                {
                    frames = replay.run(sink, () -> !shutdown.requested(), () -> replayMayPublish(ring));
                }
                catch (final DamagedRecordingException ex)
                {
                    // what was read before the damage still goes through the ring, to Redis and into the summary
                    damaged = ex;
                    frames = replay.frames();
                }
                finally
                {
                    progress.close();
                }
                break;
            case SIM:
            case KRAKEN:
                runLive(sink, shutdown);
                frames = ring.published();
                break;
            default:
                throw new IllegalStateException("unknown feed " + config.feed().source());
        }
        final boolean interrupted = shutdown.requested();
        if (recorder != null)
        {
            recorder.close();
            LOG.info("recorded {} frames to {}", recorder.framesWritten(), config.feed().recordPath());
        }
        drainRing();
        if (orders != null)
        {
            orders.stop(); // disarms the dead-man switch (cancel_all_orders_after 0) and closes
        }
        risk.onStop();
        stateKeeper.close();
        writeLifecycle(Fields.STOP);
        // Redis away: no point waiting out the whole timeout, the journal keeps what must be kept
        final boolean flushed = writer.awaitDrained(writer.connected() ? StopBudget.REDIS_FLUSH : StopBudget.REDIS_AWAY_GRACE);
        writer.close();
        latencyLog.close();
        latencyLog = null;
        final int code = exitCode(flushed, interrupted);
        new RunSummary(normalize.counters(), writer, outbox, faults.faults(), frames, System.nanoTime() - startNanos,
            interrupted).latency(execution.tickToDecision(), execution.receiveToDecision(), execution.firstTicks()).trading(tradingSummary()).print(out);
        if (fills != null)
        {
            final Path dir = home.resolve(config.logs().reportDir());
            BacktestReport.write(fills, dir, "Backtest of " + config.feed().source().name().toLowerCase(Locale.ROOT)
                + (config.feed().replayPath().isEmpty() ? "" : " " + config.feed().replayPath()) + ", run " + runId);
            out.println("report         " + dir.resolve(BacktestReport.FIGURES) + ", " + BacktestReport.LEDGER + ", "
                + BacktestReport.EQUITY);
        }
        if (damaged != null)
        {
            throw damaged;
        }
        return code;
    }

    private void startMonitoring() throws IOException
    {
        final List<String> subscribed = config.kraken().symbols();
        final CoreMetrics metrics = new CoreMetrics(build, subscribed, symbols, catalog, normalize, signal, risk, execution,
            pipeline, outbox, writer, () -> feedClient, orders, faults);
        final Readiness readiness = new Readiness(subscribed, symbols, normalize, writer, () -> feedClient,
            config.feed().source() != FeedSettings.Source.REPLAY);
        monitoring = new MonitoringServer(config.metricsHttpHost(), config.metricsHttpPort(), metrics.registry(),
            () -> faults.faults() == 0, readiness);
        final String operatorToken = System.getenv(OPERATOR_TOKEN_VARIABLE);
        if (operatorToken != null && !operatorToken.isEmpty())
        {
            monitoring.command(KILL_SWITCH_RESET_PATH, operatorToken, risk::requestKillSwitchReset);
        }
        monitoring.start();
    }

    /**
     * 0 when Redis took everything; after a stop request also when what it could not take is safe in
     * the spill journal (replayed first at the next start). A replay that ends by itself promises every
     * entry in Redis, so there a leftover is a fault; so is any stage that threw.
     */
    private int exitCode(final boolean flushed, final boolean interrupted)
    {
        final long left = writer.leftInJournal();
        if (!flushed)
        {
            LOG.warn("Redis did not take every entry; {} kept entries wait in the spill journal for the next start", left);
        }
        if (faults.faults() > 0)
        {
            LOG.error("{} stage faults during the run (logged above)", faults.faults());
            return TradingCoreMain.EXIT_FAULT;
        }
        return flushed || interrupted ? TradingCoreMain.EXIT_OK : TradingCoreMain.EXIT_FAULT;
    }

    /** Streams from the socket feed until SIGTERM (or a stop request). */
    private void runLive(final FrameSink sink, final ShutdownSignal shutdown) throws InterruptedException
    {
        try (LiveFeed feed = new LiveFeed(config, config.feed().source() == FeedSettings.Source.SIM, symbols, sink,
            resync, outbox))
        {
            feed.start();
            feedClient = feed.client();
            LOG.info("streaming from {} until stopped (SIGTERM)", config.feed().source());
            shutdown.await(Long.MAX_VALUE, TimeUnit.DAYS);
            LOG.info("stop requested: closing the feed, draining the ring, flushing Redis");
        }
    }

    private boolean awaitRedis(final Duration timeout) throws InterruptedException
    {
        final long deadline = System.nanoTime() + timeout.toNanos();
        while (!writer.connected() && System.nanoTime() < deadline)
        {
            Thread.sleep(20);
        }
        return writer.connected();
    }

    /**
     * A replay waits while Redis is behind, so it never makes the writer shed market data, and while the
     * ring has no room for its next batch, so it sleeps instead of spinning in the ring's claim.
     */
    private boolean replayMayPublish(final RingFrameSink ring)
    {
        return ring.hasCapacity(ReplayFeed.PACING_BATCH) && outbox.size() < outbox.capacity() / 8
            && writer.backlogBytes() < writer.backlogCapacity() / 4;
    }

    private void drainRing()
    {
        final long deadline = System.nanoTime() + StopBudget.RING_DRAIN.toNanos();
        while (!pipeline.isDrained() && System.nanoTime() < deadline)
        {
            Thread.onSpinWait();
        }
        pipeline.stop(StopBudget.STAGE_THREADS_STOP.toMillis(), TimeUnit.MILLISECONDS);
    }

    private String tradingSummary()
    {
        final StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "signals        %,d (", signal.signals()));
        for (int id = 0; id < StrategyId.COUNT; id++)
        {
            s.append(id == 0 ? "" : ", ").append(StrategyId.name(id)).append(' ')
                .append(signal.signals(id));
        }
        final Portfolio p = risk.portfolio();
        s.append(String.format(Locale.ROOT, "); candles from history %,d; order intents %,d; risk alerts %,d; "
            + "confirmations %,d; fills %,d%n"
            + "portfolio      realized %.2f, unrealized %.2f, fees %.2f, exposure %.2f, round trips %d won / %d lost; "
            + "arbitrage opportunities %,d%n",
            signal.candlesSeeded(), risk.intents(), risk.alerts(), execution.confirmations(), execution.fills(),
            p.totalRealizedPnl(), p.totalUnrealizedPnl(), p.totalFees(), p.totalExposure(), p.wins(), p.losses(),
            signal.arbOpportunities()));
        if (liveFeedback.waits() > 0)
        {
            s.append(String.format(Locale.ROOT,
                "live fills waited for the risk stage %,d times (feedback ring full; none dropped)%n", liveFeedback.waits()));
        }
        return s.toString();
    }

    private void writeLifecycle(final byte[] event)
    {
        control.begin(StreamCatalog.EVENTS_BUS, -1, -1)
            .string(Fields.TYPE, Fields.TYPE_EVENT)
            .string(Fields.EVENT, event)
            .string(Fields.ENVIRONMENT, config.environment().id())
            .string(Fields.MODE, config.environment().mode())
            .string(Fields.FEED, config.feed().source().name().toLowerCase(Locale.ROOT))
            .bool(Fields.ORDER_ENTRY, config.orderEntryAllowed())
            .string(Fields.VERSION, build.version())
            .string(Fields.COMMIT, build.commit())
            .timestamp(Fields.TIMESTAMP, clock.epochMicros())
            .publish();
    }

    @Override
    public void close()
    {
        if (monitoring != null)
        {
            monitoring.close();
        }
        if (orders != null)
        {
            orders.close();
        }
        if (stateKeeper != null)
        {
            stateKeeper.close();
        }
        writer.close();
        if (latencyLog != null)
        {
            latencyLog.close();
        }
    }
}
