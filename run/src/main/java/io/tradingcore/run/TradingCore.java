package io.tradingcore.run;

import com.lmax.disruptor.EventHandler;
import io.tradingcore.adapters.config.FeedSettings;
import io.tradingcore.adapters.config.RingSettings;
import io.tradingcore.adapters.config.TradingConfig;
import io.tradingcore.adapters.redis.RedisConnector;
import io.tradingcore.adapters.redis.RedisStreamWriter;
import io.tradingcore.adapters.redis.RedisWriterOptions;
import io.tradingcore.adapters.replay.ReplayFeed;
import io.tradingcore.core.book.ResyncRequests;
import io.tradingcore.core.market.Instruments;
import io.tradingcore.core.market.SymbolTable;
import io.tradingcore.core.ring.FrameEvent;
import io.tradingcore.core.ring.RingFrameSink;
import io.tradingcore.core.ring.Topology;
import io.tradingcore.core.ring.TradingPipeline;
import io.tradingcore.core.ring.WaitStrategies;
import io.tradingcore.core.stage.NormalizeStage;
import io.tradingcore.core.stream.EntryWriter;
import io.tradingcore.core.stream.Fields;
import io.tradingcore.core.stream.Outbox;
import io.tradingcore.core.stream.StreamCatalog;
import io.tradingcore.core.time.MicrosClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(45);
    private static final int PUBLISHED_BOOK_LEVELS = 10;
    private static final byte[] START = ascii("start");
    private static final byte[] STOP = ascii("stop");
    private static final byte[] ORDER_ENTRY_REFUSED = ascii("order_entry_refused");
    private static final byte[] ENVIRONMENT = ascii("environment");
    private static final byte[] MODE = ascii("mode");
    private static final byte[] FEED = ascii("feed");
    private static final byte[] ORDER_ENTRY = ascii("order_entry");

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
    private final StageFaults faults = new StageFaults();
    private final TradingPipeline pipeline;

    TradingCore(final TradingConfig config, final Path home) throws BadInputException
    {
        this.config = config;
        this.home = home;
        if (config.feed().source() == FeedSettings.Source.REPLAY)
        {
            try
            {
                ReplayFeed.check(Path.of(config.feed().replayPath()));
            }
            catch (final java.io.IOException ex)
            {
                throw new BadInputException(ex.getMessage() + " (--feed replay:PATH)");
            }
        }
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
        control = new EntryWriter(outbox);

        final Path spill = home.resolve(config.redis().spillPath());
        final RedisWriterOptions options = new RedisWriterOptions()
            .queueBytes((int)Math.min(Integer.MAX_VALUE / 2, config.redis().pendingBoundBytes()))
            .journalFile(spill.resolve("redis-outbox.spill"))
            .batchSize(config.redis().batchSize());
        try
        {
            Files.createDirectories(spill);
        }
        catch (final java.io.IOException ex)
        {
            throw new BadInputException("cannot create the spill directory " + spill + ": " + ex.getMessage());
        }
        final String ca = config.redis().caFile();
        writer = new RedisStreamWriter(
            new RedisConnector(config.redis().url(), ca.isEmpty() ? null : Path.of(ca), RedisConnector.DEFAULT_COMMAND_TIMEOUT),
            outbox, symbols, config.environment(), options);

        normalize = new NormalizeStage(symbols, instruments, resync, new EntryWriter(outbox),
            config.kraken().bookDepth(), PUBLISHED_BOOK_LEVELS);
        final RingSettings ring = config.ring();
        final boolean pinned = ring.topology() == RingSettings.Topology.PINNED;
        pipeline = new TradingPipeline(
            ring.size(), ring.frameCapacityBytes(), pinned ? Topology.PINNED : Topology.COMPACT,
            WaitStrategies.of(ring.waitStrategy().id()), new StageThreads(pinned, ring.cpus()), faults,
            stages());
    }

    @SuppressWarnings("unchecked")
    private EventHandler<FrameEvent>[] stages()
    {
        final List<EventHandler<FrameEvent>> stages = new ArrayList<>();
        stages.add(normalize);
        return stages.toArray(new EventHandler[0]);
    }

    /** Runs until the feed ends or {@code shutdown} is requested; returns the exit code. */
    int run(final ShutdownSignal shutdown, final PrintStream out) throws Exception
    {
        final long startNanos = System.nanoTime();
        writer.start();
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
        final RingFrameSink sink = pipeline.start();
        long frames = 0;
        switch (config.feed().source())
        {
            case REPLAY:
                frames = new ReplayFeed(Path.of(config.feed().replayPath()))
                    .run(sink, () -> !shutdown.requested(), this::replayMayPublish);
                break;
            default:
                throw new BadInputException("feed " + config.feed().source() + " is not available in this build");
        }
        final boolean interrupted = shutdown.requested();
        drainRing();
        writeLifecycle(STOP);
        final boolean flushed = writer.awaitDrained(DRAIN_TIMEOUT);
        final int code = flushed ? TradingCoreMain.EXIT_OK : TradingCoreMain.EXIT_FAULT;
        if (!flushed)
        {
            LOG.error("Redis did not take every entry within {}; the rest is in the spill journal for the next start", DRAIN_TIMEOUT);
        }
        new RunSummary(normalize.counters(), writer, outbox, faults.faults(), frames, System.nanoTime() - startNanos,
            interrupted).print(out);
        shutdown.finished(code);
        return code;
    }

    /** A replay waits while Redis is behind, so it never makes the writer shed market data. */
    private boolean replayMayPublish()
    {
        return outbox.size() < outbox.capacity() / 8 && writer.backlogBytes() < writer.backlogCapacity() / 4;
    }

    private void drainRing()
    {
        final long deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
        while (!pipeline.isDrained() && System.nanoTime() < deadline)
        {
            Thread.onSpinWait();
        }
        pipeline.stop(1, TimeUnit.SECONDS);
    }

    private void writeLifecycle(final byte[] event)
    {
        control.begin(StreamCatalog.EVENTS_BUS, -1, -1)
            .string(Fields.TYPE, Fields.TYPE_EVENT)
            .string(Fields.EVENT, event)
            .string(ENVIRONMENT, config.environment().id())
            .string(MODE, config.environment().mode())
            .string(FEED, config.feed().source().name().toLowerCase(java.util.Locale.ROOT))
            .bool(ORDER_ENTRY, config.orderEntryAllowed())
            .timestamp(Fields.TIMESTAMP, clock.epochMicros())
            .publish();
    }

    @Override
    public void close()
    {
        writer.close();
    }
}
