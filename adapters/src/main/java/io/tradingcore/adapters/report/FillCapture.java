package io.tradingcore.adapters.report;

import io.tradingcore.adapters.redis.AcknowledgedEntries;
import io.tradingcore.core.stream.EntryReader;
import io.tradingcore.core.stream.StreamCatalog;
import io.tradingcore.core.time.Rfc3339;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a backtest report is built from, taken from the entries Redis acknowledged (so the ledger is
 * what Redis holds, and no MAXLEN trimming loses a fill): the paper fills, each intent's strategy
 * (fills name the order, intents name the strategy), and the last trade price of every symbol, for
 * USD conversion and the run's time span. Runs on the Redis adapter thread and allocates: it is
 * attached only for {@code --report}. Read its results after the writer is closed (its thread joined).
 */
public final class FillCapture implements AcknowledgedEntries
{
    private static final String USD = "USD";

    private final int executionStream;
    private final EntryReader reader = new EntryReader();
    private final Map<String, String> fields = new HashMap<>();
    private final Map<String, String> strategyByOrder = new HashMap<>();
    private final Map<String, Double> lastTrade = new HashMap<>();
    private final List<Fill> fills = new ArrayList<>();
    private long firstMicros = Long.MAX_VALUE;
    private long lastMicros = Long.MIN_VALUE;

    /** {@code executionStream}: where the fills go ({@code exec:paper:confirms} in the paper modes). */
    public FillCapture(final int executionStream)
    {
        this.executionStream = executionStream;
    }

    @Override
    public void onAcknowledged(final int stream, final DirectBuffer entry, final int offset, final int length)
    {
        if (stream == StreamCatalog.MD_TRADES)
        {
            read(entry, offset, length);
            lastTrade.put(fields.get("symbol"), Double.parseDouble(fields.get("price")));
            span(micros());
        }
        else if (stream == StreamCatalog.ORDERS_REQUESTS)
        {
            read(entry, offset, length);
            strategyByOrder.put(fields.get("id"), fields.get("strategy"));
        }
        else if (stream == executionStream)
        {
            read(entry, offset, length);
            if ("execution.fill".equals(fields.get("type")))
            {
                final String symbol = fields.get("symbol");
                final long micros = micros();
                span(micros);
                fills.add(new Fill(micros, fields.get("fill_id"), fields.get("order_id"),
                    strategyByOrder.getOrDefault(fields.get("order_id"), "unknown"), symbol, fields.get("side"),
                    fields.get("price"), fields.get("qty"), fields.get("fee"), usdPerQuote(symbol)));
            }
        }
    }

    public List<Fill> fills()
    {
        return fills;
    }

    /** Event time of the first trade or fill seen, epoch µs; 0 when none was. */
    public long firstMicros()
    {
        return fills.isEmpty() && lastTrade.isEmpty() ? 0 : firstMicros;
    }

    /** Event time of the last trade or fill seen, epoch µs; 0 when none was. */
    public long lastMicros()
    {
        return fills.isEmpty() && lastTrade.isEmpty() ? 0 : lastMicros;
    }

    private double usdPerQuote(final String symbol)
    {
        final String quote = symbol.substring(symbol.indexOf('/') + 1);
        return USD.equals(quote) ? 1.0 : lastTrade.getOrDefault(quote + "/" + USD, Double.NaN);
    }

    private void span(final long micros)
    {
        firstMicros = Math.min(firstMicros, micros);
        lastMicros = Math.max(lastMicros, micros);
    }

    private long micros()
    {
        final byte[] text = fields.get("timestamp").getBytes(StandardCharsets.US_ASCII);
        return Rfc3339.parseMicros(new UnsafeBuffer(text), 0, text.length);
    }

    private void read(final DirectBuffer entry, final int offset, final int length)
    {
        fields.clear();
        reader.wrap(entry, offset, length);
        while (reader.next())
        {
            fields.put(reader.name(), reader.value());
        }
    }
}
