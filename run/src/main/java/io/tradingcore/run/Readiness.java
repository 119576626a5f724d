package io.tradingcore.run;

import io.tradingcore.adapters.kraken.KrakenFeedClient;
import io.tradingcore.adapters.redis.RedisStreamWriter;
import io.tradingcore.core.market.SymbolTable;
import io.tradingcore.core.stage.NormalizeStage;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.function.Supplier;

/**
 * {@code /ready}: fit to trade when the feed is fresh within its connection watchdog, Redis takes
 * writes, and every subscribed book is valid. Answers what is unmet, empty when ready. A replay has
 * no watchdog: its feed counts as fresh while it runs.
 */
final class Readiness implements Supplier<List<String>>
{
    private final List<String> symbols;
    private final int[] symbolIds;
    private final NormalizeStage normalize;
    private final RedisStreamWriter writer;
    private final Supplier<KrakenFeedClient> feed;
    private final boolean socketFeed;

    Readiness(
        final List<String> symbols, final SymbolTable table, final NormalizeStage normalize, final RedisStreamWriter writer,
        final Supplier<KrakenFeedClient> feed, final boolean socketFeed)
    {
        this.symbols = List.copyOf(symbols);
        this.symbolIds = symbols.stream().mapToInt(table::intern).toArray();
        this.normalize = normalize;
        this.writer = writer;
        this.feed = feed;
        this.socketFeed = socketFeed;
    }

    @Override
    public List<String> get()
    {
        final List<String> unmet = new ArrayList<>(3);
        final KrakenFeedClient client = feed.get();
        final long now = System.nanoTime();
        if (socketFeed && (client == null || !client.fresh(now)))
        {
            unmet.add(client == null ? "feed not started" : String.format(Locale.ROOT,
                "feed stale: no frame for %.1f s (watchdog gives up after %.1f s)", client.silentForNanos(now) / 1e9,
                client.staleAfterNanos() / 1e9));
        }
        if (!writer.connected())
        {
            unmet.add("redis not writable: not connected");
        }
        final StringJoiner invalid = new StringJoiner(", ", "books not valid: ", "");
        invalid.setEmptyValue("");
        for (int i = 0; i < symbolIds.length; i++)
        {
            if (!normalize.bookValid(symbolIds[i]))
            {
                invalid.add(symbols.get(i));
            }
        }
        if (invalid.length() > 0)
        {
            unmet.add(invalid.toString());
        }
        return unmet;
    }
}
