package io.tradingcore.core.market;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UsdConversionTest
{
    private static final double EPS = 1e-12;

    private final SymbolTable symbols = new SymbolTable();
    private final Instruments instruments = new Instruments();
    private final UsdConversion usd = new UsdConversion(symbols, instruments);

    private int symbol(final String name, final int pricePrecision)
    {
        final int id = symbols.intern(name);
        instruments.offer(id, pricePrecision, 8, Instruments.SOURCE_CONFIG);
        return id;
    }

    @Test
    void usdAndStablecoinQuotesConvertAtOneWithoutABook()
    {
        assertEquals(1.0, usd.usdPerQuote(symbol("BTC/USD", 1)), EPS);
        assertEquals(1.0, usd.usdPerQuote(symbol("ETH/USDT", 2)), EPS);
        assertEquals(1.0, usd.lastUsdPerQuote(symbol("SOL/USDC", 2)), EPS);
    }

    @Test
    void aQuoteCurrencyConvertsAtTheMidOfItsUsdBookWhileThatBookIsValid()
    {
        final int ethBtc = symbol("ETH/BTC", 5);
        assertTrue(Double.isNaN(usd.usdPerQuote(ethBtc)), "no BTC/USD symbol yet");
        final int btcUsd = symbol("BTC/USD", 1);
        assertTrue(Double.isNaN(usd.usdPerQuote(ethBtc)), "no BTC/USD book yet");
        assertTrue(Double.isNaN(usd.lastUsdPerQuote(ethBtc)));
        usd.onBook(btcUsd, 599_990, 600_010, true);
        assertEquals(60_000.0, usd.usdPerQuote(ethBtc), EPS);
        usd.onBook(btcUsd, 0, 0, false);
        assertTrue(Double.isNaN(usd.usdPerQuote(ethBtc)), "invalid book");
        assertEquals(60_000.0, usd.lastUsdPerQuote(ethBtc), EPS);
        usd.onBook(btcUsd, 610_000, 610_000, true);
        assertEquals(61_000.0, usd.usdPerQuote(ethBtc), EPS);
    }

    @Test
    void aQuoteWithOnlyAUsdBaseBookConvertsAtTheInverseMid()
    {
        final int usdCad = symbol("USD/CAD", 4);
        final int btcCad = symbol("BTC/CAD", 1);
        usd.onBook(usdCad, 12_500, 12_500, true);
        assertEquals(0.8, usd.usdPerQuote(btcCad), EPS);
        assertEquals(0.8, usd.usdPerQuote(usdCad), EPS);
    }

    @Test
    void aSymbolWithoutAQuoteNeverConverts()
    {
        assertTrue(Double.isNaN(usd.usdPerQuote(symbol("BTCUSD", 1))));
        assertTrue(Double.isNaN(usd.usdPerQuote(symbol("/USD", 1))));
        assertTrue(Double.isNaN(usd.usdPerQuote(7)), "an id not interned");
    }
}
