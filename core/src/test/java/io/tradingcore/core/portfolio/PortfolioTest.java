package io.tradingcore.core.portfolio;

import io.tradingcore.core.kraken.Side;
import io.tradingcore.core.market.Instruments;
import io.tradingcore.core.market.SymbolTable;
import io.tradingcore.core.market.UsdConversion;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PortfolioTest
{
    private static final long DAY = 86_400_000_000L;
    private static final long T0 = 20_000 * DAY + 3_600_000_000L;
    private static final long ONE = 100_000_000L; // 1.0 at qty precision 8
    private static final double EPS = 1e-9;

    private final SymbolTable symbols = new SymbolTable();
    private final Instruments instruments = new Instruments();
    private final UsdConversion usd = new UsdConversion(symbols, instruments);

    @Test
    void aSymbolWhosePrecisionIsNotKnownYetHoldsNothing()
    {
        symbols.intern("SOL/USD");
        final Portfolio p = new Portfolio(instruments, usd, 2);
        assertEquals(0.0, p.positionQty(0), EPS); // read by the metrics endpoint before the first update arrives
    }

    /** BTC/USD at price precision 1, a trade-by-trade path: each step below starts where the one before ended. */
    private Portfolio btc()
    {
        symbols.intern("BTC/USD");
        instruments.offer(0, 1, 8, Instruments.SOURCE_CONFIG);
        return new Portfolio(instruments, usd, 2);
    }

    private Portfolio longTwoAt105()
    {
        final Portfolio p = btc();
        p.onFill(0, Side.BUY, 1000, ONE, 0.4, T0);              // buy 1 @ 100.0
        p.onFill(0, Side.BUY, 1100, ONE, 0.44, T0 + 1);         // add 1 @ 110.0
        return p;
    }

    private Portfolio markedAt120()
    {
        final Portfolio p = longTwoAt105();
        p.mark(0, 1190, 1210, T0 + 2);                          // mid 120.0
        return p;
    }

    private Portfolio partlyClosed()
    {
        final Portfolio p = markedAt120();
        p.onFill(0, Side.SELL, 1200, ONE / 2, 0.24, T0 + 3);    // partial close 0.5 @ 120.0
        return p;
    }

    private Portfolio flippedShort()
    {
        final Portfolio p = partlyClosed();
        p.onFill(0, Side.SELL, 1000, 7 * ONE / 2, 1.4, T0 + 4); // sell 3.5 @ 100.0: close 1.5, flip to -2
        return p;
    }

    private Portfolio covered()
    {
        final Portfolio p = flippedShort();
        p.onFill(0, Side.BUY, 900, 2 * ONE, 0.72, T0 + 5);      // cover 2 @ 90.0
        return p;
    }

    @Test
    void addingToALongAveragesItsEntryPriceAndMarksAtTheFirstFill()
    {
        final Portfolio p = longTwoAt105();
        assertEquals(2 * ONE, p.position(0));
        assertEquals(105.0, p.averagePrice(0), EPS);
        assertEquals(-10.0, p.unrealizedPnl(0), EPS);           // marked at the first fill, 100.0
    }

    @Test
    void aMarkRevaluesTheLongAtTheMid()
    {
        final Portfolio p = markedAt120();
        assertEquals(30.0, p.unrealizedPnl(0), EPS);
        assertEquals(240.0, p.exposure(0), EPS);
    }

    @Test
    void aPartialCloseRealizesItsShareAndKeepsTheAveragePrice()
    {
        final Portfolio p = partlyClosed();
        assertEquals(7.5, p.realizedPnl(0), EPS);
        assertEquals(105.0, p.averagePrice(0), EPS);
        assertEquals(22.5, p.unrealizedPnl(0), EPS);
        assertEquals(0, p.wins() + p.losses(), "the round trip is still open");
    }

    @Test
    void aSellBeyondTheLongFlipsItShortAtTheSellPrice()
    {
        final Portfolio p = flippedShort();
        assertEquals(-2 * ONE, p.position(0));
        assertEquals(0.0, p.realizedPnl(0), EPS);               // 7.5 - 1.5 * 5
        assertEquals(100.0, p.averagePrice(0), EPS);
        assertEquals(-40.0, p.unrealizedPnl(0), EPS);           // short 2 marked at 120
        assertEquals(-42.48, p.equity(), EPS);
    }

    @Test
    void aFlipClosesTheLongsRoundTripAsALossWithItsShareOfTheFees()
    {
        final Portfolio p = flippedShort();
        assertEquals(1, p.losses());
        assertEquals(1, p.lossStreak());
        assertEquals(T0 + 4, p.lastLossMicros());
        // round trip: -0.84 entry fees + 7.5 - 0.24 - 7.5 - 1.4 * 1.5 / 3.5
        assertEquals(-1.68, p.lastRoundTripResult(), EPS);
    }

    @Test
    void coveringTheShortRealizesItAndClosesTheRoundTripAsAWin()
    {
        final Portfolio p = covered();
        assertEquals(0, p.position(0));
        assertEquals(20.0, p.realizedPnl(0), EPS);
        assertEquals(0.0, p.unrealizedPnl(0), EPS);
        assertEquals(3.2, p.totalFees(), EPS);
        assertEquals(16.8, p.equity(), EPS);
        assertEquals(18.48, p.lastRoundTripResult(), EPS);      // -0.8 (its share of the flip fee) + 20 - 0.72
        assertEquals(1, p.wins());
        assertEquals(0, p.lossStreak(), "a win ends the loss streak");
        assertEquals(0.5, p.winRate(), EPS);
    }

    @Test
    void theDailyDrawdownIsTheDaysPeakToTroughOfEquity()
    {
        // equity: -0.4, -10.84, 29.16 (peak), 28.92, -42.48 (trough), 16.8
        assertEquals(29.16 + 42.48, covered().dailyDrawdown(), EPS);
    }

    @Test
    void aNewUtcDayResetsTheDrawdown()
    {
        final Portfolio p = covered();
        p.onTime(T0 + DAY);
        assertEquals(0.0, p.dailyDrawdown(), EPS);
        assertEquals(Portfolio.utcDay(T0) + 1, p.day());
    }

    @Test
    void positionsAreKeptPerSymbol()
    {
        symbols.intern("BTC/USD");
        symbols.intern("ETH/USDT");
        instruments.offer(0, 1, 8, Instruments.SOURCE_CONFIG);
        instruments.offer(1, 2, 8, Instruments.SOURCE_CONFIG);
        final Portfolio p = new Portfolio(instruments, usd, 2);
        p.onFill(0, Side.BUY, 1000, ONE, 0, T0);
        p.onFill(1, Side.SELL, 25_000, 2 * ONE, 0, T0);
        p.mark(0, 1100, 1100, T0);
        p.mark(1, 24_000, 24_000, T0);
        assertEquals(10.0, p.unrealizedPnl(0), EPS);
        assertEquals(20.0, p.unrealizedPnl(1), EPS);
        assertEquals(30.0, p.totalUnrealizedPnl(), EPS);
        assertEquals(110.0 + 480.0, p.totalExposure(), EPS);
        assertTrue(Double.isNaN(new Portfolio(instruments, usd, 1).winRate()));
    }

    @Test
    void aBtcQuotedPositionReportsUsd()
    {
        final int btcUsd = symbols.intern("BTC/USD");
        final int ethBtc = symbols.intern("ETH/BTC");
        instruments.offer(btcUsd, 1, 8, Instruments.SOURCE_CONFIG);
        instruments.offer(ethBtc, 5, 8, Instruments.SOURCE_CONFIG);
        final Portfolio p = new Portfolio(instruments, usd, 2);
        usd.onBook(btcUsd, 599_990, 600_010, true);                 // 60,000 USD per BTC

        p.onFill(ethBtc, Side.BUY, 5_000, ONE, 0.0001, T0);         // 1 ETH @ 0.05 BTC, fee 0.0001 BTC
        assertEquals(ONE, p.position(ethBtc));
        assertEquals(0.05, p.averagePrice(ethBtc), EPS);            // prices stay in BTC
        assertEquals(6.0, p.fees(ethBtc), 1e-6);
        p.mark(ethBtc, 5_100, 5_100, T0 + 1);                       // +0.001 BTC
        assertEquals(0.051, p.markPrice(ethBtc), EPS);
        assertEquals(60.0, p.unrealizedPnl(ethBtc), 1e-6);
        assertEquals(3_060.0, p.exposure(ethBtc), 1e-6);
        assertEquals(3_060.0, p.totalExposure(), 1e-6);

        usd.onBook(btcUsd, 500_000, 500_000, true);                 // BTC falls to 50,000
        p.mark(btcUsd, 500_000, 500_000, T0 + 2);                   // the BTC/USD book alone revalues ETH/BTC
        assertEquals(50.0, p.unrealizedPnl(ethBtc), 1e-6);
        p.mark(ethBtc, 5_100, 5_100, T0 + 2);
        assertEquals(50.0, p.unrealizedPnl(ethBtc), 1e-6);
        usd.onBook(btcUsd, 500_000, 500_000, false);                // a resync keeps the last rate for marking
        p.onFill(ethBtc, Side.SELL, 5_200, ONE, 0, T0 + 3);         // +0.002 BTC at 50,000
        assertEquals(100.0, p.realizedPnl(ethBtc), 1e-6);
        assertEquals(0.0, p.unrealizedPnl(ethBtc), EPS);
        assertEquals(94.0, p.equity(), 1e-6);
        assertEquals(10.0, p.dailyDrawdown(), 1e-6);                // 54 -> 44 on the BTC move
        assertEquals(1, p.wins());
    }
}
