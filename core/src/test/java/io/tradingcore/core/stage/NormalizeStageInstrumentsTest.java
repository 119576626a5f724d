package io.tradingcore.core.stage;

import io.tradingcore.core.kraken.ParseError;
import io.tradingcore.core.market.Instruments;
import io.tradingcore.core.market.SymbolTable;
import io.tradingcore.core.stage.OutboxEntries.Entry;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.tradingcore.core.stage.NormalizeStageRig.resource;
import static io.tradingcore.core.stage.OutboxEntries.one;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** What the normalize stage keeps of what the parser reports: the instrument channel's pairs, precisions taught by the wire. */
class NormalizeStageInstrumentsTest
{
    private final NormalizeStageRig rig = new NormalizeStageRig();
    private final SymbolTable symbols = rig.symbols;
    private final Instruments instruments = rig.instruments;

    @Test
    void aPrecisionTheWireTaughtIsKeptAtTheLowestRank()
    {
        final int algo = symbols.intern("ALGO/USD");
        // bid_qty 740.0 teaches qty precision 1; ask_qty 1361.44813783 then has more digits than that
        rig.frame(resource("ticker-snapshot"));
        assertEquals(5, instruments.pricePrecision(algo));
        assertEquals(1, instruments.qtyPrecision(algo));
        assertEquals(Instruments.SOURCE_WIRE, instruments.source(algo));
        assertEquals(1, rig.counters().errors(ParseError.PRECISION_EXCEEDED));
    }

    @Test
    void aRealBookUpdateTeachesBothPrecisions()
    {
        final int sol = symbols.intern("SOL/USD");
        rig.frame(resource("book-update-btc-real").replace("BTC/USD", "SOL/USD"));
        assertEquals(1, instruments.pricePrecision(sol));
        assertEquals(8, instruments.qtyPrecision(sol));
        assertEquals(Instruments.SOURCE_WIRE, instruments.source(sol));
    }

    @Test
    void aTradeWithoutQtyTeachesOnlyThePricePrecision()
    {
        final int sol = symbols.intern("SOL/USD");
        rig.frame("{\"channel\":\"book\",\"type\":\"update\",\"data\":[{\"symbol\":\"SOL/USD\",\"bids\":[],\"asks\":[]," +
            "\"checksum\":1}]}");
        rig.frame("{\"channel\":\"trade\",\"type\":\"update\",\"data\":[{\"symbol\":\"SOL/USD\",\"price\":2500.25}]}");
        assertEquals(2, instruments.pricePrecision(sol));
        assertEquals(Instruments.UNKNOWN, instruments.qtyPrecision(sol));
    }

    @Test
    void qtyPrecisionIsLearntWhenFirstSeenIfOnlyPriceIsKnown()
    {
        final int sol = symbols.intern("SOL/USD");
        rig.frame("{\"channel\":\"trade\",\"type\":\"update\",\"data\":[{\"symbol\":\"SOL/USD\",\"price\":2500.25}]}");
        final List<Entry> written = rig.frame("{\"channel\":\"trade\",\"type\":\"update\",\"data\":[{\"symbol\":\"SOL/USD\"," +
            "\"price\":2500.3,\"qty\":0.5000}]}");
        assertEquals("2500.30", one(written, "md:trades").get("price"));
        assertEquals("0.5000", one(written, "md:trades").get("qty"));
        assertEquals(4, instruments.qtyPrecision(sol));
    }

    @Test
    void theInstrumentChannelOutranksConfiguration()
    {
        rig.frame("{\"channel\":\"instrument\",\"type\":\"snapshot\",\"data\":{\"pairs\":[" + resource("instrument-pair-btc") +
            "]}}");
        assertEquals(1, instruments.pricePrecision(rig.btc));
        assertEquals(8, instruments.qtyPrecision(rig.btc));
        assertEquals(Instruments.SOURCE_INSTRUMENT, instruments.source(rig.btc));
    }

    @Test
    void instrumentPairsAreInternedWhileTheTableHasRoomThenOnlyKnownOnesUpdated()
    {
        final StringBuilder frame = new StringBuilder("{\"channel\":\"instrument\",\"type\":\"snapshot\",\"data\":{\"pairs\":[");
        for (int i = 0; i < SymbolTable.MAX_SYMBOLS + 10; i++)
        {
            frame.append(i == 0 ? "" : ",").append("{\"symbol\":\"P").append(i)
                .append("/USD\",\"qty_min\":5e-05,\"marginable\":false,\"price_precision\":3,\"qty_precision\":6}");
        }
        frame.append(",{\"symbol\":\"ETH/USD\",\"price_precision\":4,\"qty_precision\":8}]}}");
        rig.frame(frame.toString());
        assertEquals(SymbolTable.MAX_SYMBOLS, symbols.size());
        final int p1 = symbols.intern("P1/USD");
        assertEquals(3, instruments.pricePrecision(p1));
        assertEquals(6, instruments.qtyPrecision(p1));
        assertEquals(SymbolTable.NONE, symbols.intern("P" + (SymbolTable.MAX_SYMBOLS + 5) + "/USD"));
        assertEquals(4, instruments.pricePrecision(rig.eth));
        assertEquals(Instruments.SOURCE_INSTRUMENT, instruments.source(rig.eth));
    }
}
