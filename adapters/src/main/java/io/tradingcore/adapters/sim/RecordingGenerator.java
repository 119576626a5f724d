package io.tradingcore.adapters.sim;

import io.tradingcore.core.kraken.Channel;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a synthetic Kraken v2 session as a recording (JSON Lines, one frame per line, gzip when
 * the name ends in .gz) in the order a live session has: status, the instrument ack and snapshot,
 * then per channel one ack per symbol and the snapshots, then the market's updates and heartbeats.
 * The same arguments always give the same bytes, and the file replays with no checksum failure.
 */
public final class RecordingGenerator
{
    static final int DEFAULT_FRAMES = 120_000;
    static final long DEFAULT_SEED = 42;
    static final int DEFAULT_DEPTH = 10;

    private static final String USAGE = String.join(System.lineSeparator(),
        "usage: RecordingGenerator --out PATH [--frames N] [--seed S] [--depth D] [--symbols A,B,C] [--event-gap-ms M]",
        "  --out PATH        recording to write (JSON Lines; gzip when PATH ends in .gz)",
        "  --frames N        frames to write, default " + DEFAULT_FRAMES,
        "  --seed S          market seed, default " + DEFAULT_SEED + " (same seed, same bytes)",
        "  --depth D         book depth: 10, 25, 100, 500 or 1000, default " + DEFAULT_DEPTH,
        "  --symbols A,B,C   pairs, default " + String.join(",", SyntheticMarket.defaultSymbols()),
        "                    known: " + String.join(",", SyntheticMarket.knownSymbols()),
        "  --event-gap-ms M  mean market time between events, default " + SyntheticMarket.DEFAULT_EVENT_GAP_MICROS / 1000
            + " (larger spans more hours of market in the same frames)",
        "  --help            this text");

    private RecordingGenerator()
    {
    }

    public static void main(final String[] args)
    {
        System.exit(run(args, System.out, System.err));
    }

    /** The command line without the exit: 0 written, 2 bad arguments, 1 the file could not be written. */
    static int run(final String[] args, final PrintStream out, final PrintStream err)
    {
        Path path = null;
        int frames = DEFAULT_FRAMES;
        long seed = DEFAULT_SEED;
        int depth = DEFAULT_DEPTH;
        List<String> symbols = SyntheticMarket.defaultSymbols();
        long eventGapMicros = SyntheticMarket.DEFAULT_EVENT_GAP_MICROS;
        try
        {
            for (int i = 0; i < args.length; i++)
            {
                final String option = args[i];
                if ("--help".equals(option))
                {
                    out.println(USAGE);
                    return 0;
                }
                if (i + 1 == args.length)
                {
                    return badArguments(err, option.startsWith("--") ? option + " needs a value" : "unknown argument " + option);
                }
                final String value = args[++i];
                switch (option)
                {
                    case "--out" -> path = Path.of(value);
                    case "--frames" -> frames = Integer.parseInt(value);
                    case "--seed" -> seed = Long.parseLong(value);
                    case "--depth" -> depth = Integer.parseInt(value);
                    case "--symbols" -> symbols = Arrays.asList(value.split(","));
                    case "--event-gap-ms" -> eventGapMicros = Math.round(Double.parseDouble(value) * 1000);
                    default ->
                    {
                        return badArguments(err, "unknown option " + option);
                    }
                }
            }
        }
        catch (final NumberFormatException ex)
        {
            return badArguments(err, "not a number: " + ex.getMessage());
        }
        if (path == null)
        {
            return badArguments(err, "--out PATH is required");
        }
        if (frames <= 0)
        {
            return badArguments(err, "--frames must be > 0");
        }
        final SyntheticMarket market;
        try
        {
            market = new SyntheticMarket(seed, depth, symbols, eventGapMicros);
        }
        catch (final IllegalArgumentException ex)
        {
            return badArguments(err, ex.getMessage());
        }
        try
        {
            final long written = generate(path, market, frames);
            out.println("wrote " + written + " frames to " + path);
            return 0;
        }
        catch (final IOException | UncheckedIOException ex)
        {
            err.println("cannot write " + path + ": " + ex.getMessage());
            return 1;
        }
    }

    /** Writes {@code frames} frames of the market seeded {@code seed}; returns the frames written. */
    public static long generate(final Path out, final long seed, final int frames, final int depth, final List<String> symbols)
        throws IOException
    {
        return generate(out, new SyntheticMarket(seed, depth, symbols), frames);
    }

    /** Writes {@code frames} frames of {@code market}, session opening first. */
    public static long generate(final Path path, final SyntheticMarket market, final int frames) throws IOException
    {
        try (OutputStream file = Files.newOutputStream(path);
            OutputStream stream = path.toString().endsWith(".gz") ? new GZIPOutputStream(file, 1 << 16) : file;
            Writer writer = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.US_ASCII), 1 << 16))
        {
            final FrameLimit limit = new FrameLimit(writer, frames);
            session(market, limit);
            while (!limit.full())
            {
                market.step(limit);
            }
            return limit.written();
        }
    }

    /** What a client sees on connect: status, acks (one per symbol, echoing the request's req_id), snapshots. */
    public static void session(final SyntheticMarket market, final SyntheticMarket.MarketFrameSink limit)
    {
        long reqId = 1;
        limit.accept(Channel.STATUS, null, market.statusFrame("online"));
        limit.accept(Channel.METHOD_RESPONSE, null, market.subscribeAck("instrument", null, reqId++));
        limit.accept(Channel.INSTRUMENT, null, market.instrumentSnapshot());
        final List<String> symbols = market.symbols();
        for (final String channel : List.of("ticker", "trade", "book", "ohlc 1", "ohlc 5"))
        {
            final long id = reqId++;
            for (final String symbol : symbols)
            {
                limit.accept(Channel.METHOD_RESPONSE, symbol, switch (channel)
                {
                    case "ohlc 1" -> market.ohlcSubscribeAck(symbol, 1, id);
                    case "ohlc 5" -> market.ohlcSubscribeAck(symbol, 5, id);
                    default -> market.subscribeAck(channel, symbol, id);
                });
            }
            for (final String symbol : symbols)
            {
                switch (channel)
                {
                    case "ticker" -> limit.accept(Channel.TICKER, symbol, market.tickerSnapshot(symbol));
                    case "trade" -> limit.accept(Channel.TRADE, symbol, market.tradeSnapshot(symbol));
                    case "book" -> limit.accept(Channel.BOOK, symbol, market.bookSnapshot(symbol));
                    case "ohlc 1" -> limit.accept(Channel.OHLC, symbol, market.ohlcSnapshot(symbol, 1));
                    default -> limit.accept(Channel.OHLC, symbol, market.ohlcSnapshot(symbol, 5));
                }
            }
        }
    }

    private static int badArguments(final PrintStream err, final String message)
    {
        err.println("RecordingGenerator: " + message);
        err.println(USAGE);
        return 2;
    }

    /** Writes frames as lines until the limit; frames past it are dropped (the recording just ends). */
    private static final class FrameLimit implements SyntheticMarket.MarketFrameSink
    {
        private final Writer writer;
        private final long limit;
        private long written;

        FrameLimit(final Writer writer, final long limit)
        {
            this.writer = writer;
            this.limit = limit;
        }

        @Override
        public void accept(final int channel, final String symbol, final String frame)
        {
            if (written == limit)
            {
                return;
            }
            try
            {
                writer.write(frame);
                writer.write('\n');
            }
            catch (final IOException ex)
            {
                throw new UncheckedIOException(ex);
            }
            written++;
        }

        boolean full()
        {
            return written == limit;
        }

        long written()
        {
            return written;
        }
    }
}
