package io.tradingcore.run;

import io.tradingcore.adapters.sim.SyntheticMarket;
import io.tradingcore.core.kraken.Channel;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A synthetic Kraken session written as a replay recording: status, instruments, each symbol's
 * book, ticker and trade snapshots, then the market's updates. The event gap stretches market time
 * so the 1-minute strategies see enough candles in few frames.
 */
final class TestRecording
{
    /** 30,000 frames 300 ms apart: about 1.5 hours of market, signals from all six strategies, under 3 s to replay. */
    static final int FRAMES = 30_000;
    static final long EVENT_GAP_MICROS = 300_000;
    static final long SEED = 42;
    private static final int DEPTH = 10;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TestRecording()
    {
    }

    static Path write(final Path file) throws IOException
    {
        return write(file, FRAMES, EVENT_GAP_MICROS);
    }

    static Path write(final Path file, final int frames, final long eventGapMicros) throws IOException
    {
        final SyntheticMarket market = new SyntheticMarket(SEED, DEPTH, SyntheticMarket.defaultSymbols(), eventGapMicros);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII))
        {
            final int[] written = {0};
            final SyntheticMarket.MarketFrameSink sink = (channel, symbol, frame) ->
            {
                if (written[0] < frames)
                {
                    try
                    {
                        out.write(frame);
                        out.write('\n');
                    }
                    catch (final IOException ex)
                    {
                        throw new UncheckedIOException(ex);
                    }
                    written[0]++;
                }
            };
            sink.accept(Channel.STATUS, null, market.statusFrame("online"));
            sink.accept(Channel.INSTRUMENT, null, market.instrumentSnapshot());
            for (final String symbol : market.symbols())
            {
                sink.accept(Channel.BOOK, symbol, market.bookSnapshot(symbol));
                sink.accept(Channel.TICKER, symbol, market.tickerSnapshot(symbol));
                sink.accept(Channel.TRADE, symbol, market.tradeSnapshot(symbol));
            }
            while (written[0] < frames)
            {
                market.step(sink);
            }
        }
        return file;
    }

    /** Trade prints per symbol in the recording: the items of every trade frame. */
    static Map<String, Long> tradePrints(final Path file) throws IOException
    {
        final Map<String, Long> prints = new HashMap<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.US_ASCII))
        {
            for (String line = in.readLine(); line != null; line = in.readLine())
            {
                if (line.startsWith("{\"channel\":\"trade\""))
                {
                    for (final JsonNode trade : JSON.readTree(line).get("data"))
                    {
                        prints.merge(trade.get("symbol").asString(), 1L, Long::sum);
                    }
                }
            }
        }
        return prints;
    }
}
