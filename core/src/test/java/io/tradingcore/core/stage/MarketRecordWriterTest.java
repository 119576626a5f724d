package io.tradingcore.core.stage;

import io.tradingcore.core.kraken.Side;
import io.tradingcore.core.kraken.TradePrint;
import io.tradingcore.core.market.SymbolTable;
import io.tradingcore.core.stage.OutboxEntries.Entry;
import io.tradingcore.core.stream.Outbox;
import io.tradingcore.core.stream.StreamCatalog;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The stage hands binary records to the outbox; the drain renders them into every sibling stream. */
class MarketRecordWriterTest
{
    private static final long MICROS = 1_764_000_000_123_456L;

    private final SymbolTable symbols = new SymbolTable();
    private final StreamCatalog catalog = new StreamCatalog();
    private final int btc = symbols.intern("BTC/USD");
    private final TradePrint trade = new TradePrint();

    MarketRecordWriterTest()
    {
        trade.symbolId = btc;
        trade.side = Side.BID;
        trade.price = 4_528_350;
        trade.qty = 1_000;
        trade.ordType = TradePrint.ORD_TYPE_MARKET;
        trade.tradeId = 77;
    }

    @Test
    void oneTradeRecordRendersOnceIntoEachEnabledSiblingStream()
    {
        catalog.enabled(StreamCatalog.KRAKEN_TRADES, false);
        final Outbox outbox = new Outbox(catalog, 1 << 16, 50);
        new MarketRecordWriter(outbox).trade(trade, symbols.nameBytes(btc), 2, 8, MICROS, MICROS + 5);

        final List<Entry> entries = new OutboxEntries(outbox, symbols).drain();
        assertEquals(List.of("md:trades", "md:trades:BTC/USD"), entries.stream().map(Entry::key).toList());
        assertEquals(entries.get(0).fields(), entries.get(1).fields());
        final Entry e = entries.get(0);
        assertEquals("45283.50", e.get("price"));
        assertEquals("0.00001000", e.get("qty"));
        assertEquals("buy", e.get("side"));
        assertEquals("market", e.get("ord_type"));
        assertEquals("77", e.get("trade_id"));
        assertEquals("BTC/USD", e.get("symbol"));
        assertEquals("2025-11-24T16:00:00.123456Z", e.get("timestamp"));
        assertEquals("2025-11-24T16:00:00.123461Z", e.get("received_at"));
        assertEquals(1, outbox.offered(StreamCatalog.MD_TRADES));
        assertEquals(0, outbox.offered(StreamCatalog.KRAKEN_TRADES));
    }

    @Test
    void aRecordAboveTheHighWaterMarkIsShedWholeAndCountedOnEachStream()
    {
        final Outbox outbox = new Outbox(catalog, 4096, 50);
        final MarketRecordWriter records = new MarketRecordWriter(outbox);
        int written = 0;
        while (outbox.shed(StreamCatalog.MD_TRADES) == 0)
        {
            records.trade(trade, symbols.nameBytes(btc), 2, 8, MICROS, MICROS);
            written++;
        }
        assertTrue(outbox.size() <= 4096 / 2 + 256, "nothing claimed past the mark: " + outbox.size());
        assertEquals(1, outbox.shed(StreamCatalog.MD_TRADES_SYMBOL));
        assertEquals(1, outbox.shed(StreamCatalog.KRAKEN_TRADES));
        final List<Entry> entries = new OutboxEntries(outbox, symbols).drain();
        assertEquals(3 * (written - 1), entries.size(), "every record taken renders into its three streams");
        assertEquals(written, outbox.offered(StreamCatalog.MD_TRADES));
    }
}
