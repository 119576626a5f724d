package io.tradingcore.adapters.sim;

import io.tradingcore.core.book.BookView;
import io.tradingcore.core.kraken.Side;
import io.tradingcore.core.kraken.TradePrint;

/**
 * One pair of the synthetic market: its book follows a fair value the market sets, liquidity
 * providers add, resize and pull levels near the top, and takers trade at the best bid or ask.
 */
final class SyntheticPair
{
    /**
     * Share of random quote changes that pull a level. Pulls of quotes fair value moved through and
     * levels taken by trades add to it; with the level each deletion brings into view, about 24% of
     * the levels on the wire are deletions, as measured on Kraken (KRAKEN.md §6).
     */
    private static final int DELETE_PERCENT = 12;
    private static final int MODIFY_PERCENT = 38;

    final InstrumentCatalogue.Pair spec;
    final String symbol;
    final SyntheticBook book;
    final TradeTape tape;
    final CandleSeries minute = new CandleSeries(1);
    final CandleSeries fiveMinutes = new CandleSeries(5);
    final double priceScale;
    final double qtyScale;
    /** Base asset index and quote asset index into the market's USD values. */
    final int base;
    final int quote;
    /** Relative deviation of a cross from its triangle (0 for USD pairs): what an arbitrage scorer finds. */
    double mispricing;
    long bookMicros;

    private double fair;
    private int tradesThisStep;

    SyntheticPair(
        final InstrumentCatalogue.Pair spec, final int base, final int quote, final int depth, final double fair,
        final MarketRandom random)
    {
        this.spec = spec;
        this.symbol = spec.symbol();
        this.base = base;
        this.quote = quote;
        this.fair = fair;
        priceScale = Math.pow(10, spec.pricePrecision());
        qtyScale = Math.pow(10, spec.qtyPrecision());
        book = new SyntheticBook(depth);

        final long last = fairTicks();
        final long open = Math.round(last * (1 + 0.02 * (random.nextDouble() - 0.5)));
        final long volume = Math.round(spec.dailyVolume() * random.lognormal(0.2) * qtyScale);
        final long range = Math.round(last * 0.006 * (1 + random.nextDouble()));
        tape = new TradeTape(
            1 + random.nextInt(90_000_000), open, last, Math.min(open, last) - range, Math.max(open, last) + range, volume);

        final long[] desired = new long[2];
        desiredQuotes(desired);
        book.apply(Side.BID, desired[Side.BID], levelQty(random));
        book.apply(Side.ASK, desired[Side.ASK], levelQty(random));
        refill(random);
        book.publish(random, 0);
    }

    void fair(final double fair)
    {
        this.fair = fair;
    }

    long fairTicks()
    {
        return Math.round(fair * priceScale);
    }

    int tradesThisStep()
    {
        return tradesThisStep;
    }

    /** One to three quote changes near the top of the book. */
    void quoteEvent(final MarketRandom random)
    {
        final int changes = random.percent(65) ? 1 : random.percent(70) ? 2 : 3;
        final long[] desired = new long[2];
        desiredQuotes(desired);
        for (int i = 0; i < changes; i++)
        {
            quoteChange(random, random.nextBoolean() ? Side.BID : Side.ASK, desired);
        }
        refill(random);
    }

    /**
     * A taker order against the best level, biased toward the side fair value points to. Fills one
     * level, or sweeps into the next; each fill is recorded on the tape and the candles.
     */
    void takerTrade(final MarketRandom random, final long epochMicros)
    {
        final BookView venue = book.venue();
        final long mid = (book.bestBid() + book.bestAsk()) / 2;
        final double pressure = (fairTicks() - mid) / (double)(4L * spec.spacingTicks() + spec.spreadTicks());
        final double buyProbability = 0.5 + Math.max(-0.4, Math.min(0.4, 0.25 * pressure));
        final int takerSide = random.nextDouble() < buyProbability ? Side.BUY : Side.SELL;
        final int bookSide = takerSide == Side.BUY ? Side.ASK : Side.BID;
        final boolean sweep = random.percent(8);
        final int ordType = sweep || random.percent(35) ? TradePrint.ORD_TYPE_MARKET : TradePrint.ORD_TYPE_LIMIT;
        long size = sweep
            ? venue.qty(bookSide, 0) + Math.max(1, (long)(venue.qty(bookSide, 1) * random.nextDouble()))
            : Math.max(1, Math.min(venue.qty(bookSide, 0), Math.round(levelQty(random) * 0.4)));
        tradesThisStep = 0;
        while (size > 0 && tradesThisStep < 3)
        {
            final long price = venue.price(bookSide, 0);
            final long available = venue.qty(bookSide, 0);
            final long fill = Math.min(size, available);
            book.apply(bookSide, price, available - fill);
            tape.record(takerSide, price, fill, ordType, epochMicros);
            minute.onTrade(epochMicros, price, fill);
            fiveMinutes.onTrade(epochMicros, price, fill);
            size -= fill;
            tradesThisStep++;
        }
        refill(random);
    }

    private void quoteChange(final MarketRandom random, final int side, final long[] desired)
    {
        final BookView venue = book.venue();
        final long best = side == Side.BID ? book.bestBid() : book.bestAsk();
        // > 0: the best quote sits through where fair value now puts it; < 0: it lags behind
        final long through = side == Side.BID ? best - desired[Side.BID] : desired[Side.ASK] - best;
        final long tolerance = 2L * spec.spacingTicks();
        if (through > tolerance)
        {
            book.apply(side, best, 0);
            return;
        }
        if (through < -tolerance)
        {
            final long step = 1 + random.nextInt(spec.spacingTicks());
            final long improved = side == Side.BID
                ? Math.min(best + step, Math.min(desired[Side.BID], book.bestAsk() - 1))
                : Math.max(best - step, Math.max(desired[Side.ASK], book.bestBid() + 1));
            if (side == Side.BID ? improved > best : improved < best)
            {
                book.apply(side, improved, levelQty(random));
            }
            return;
        }
        final int index = nearTop(random, Math.min(book.depth(), venue.levels(side)));
        final long price = venue.price(side, index);
        final int roll = random.nextInt(100);
        if (roll < DELETE_PERCENT)
        {
            book.apply(side, price, 0);
        }
        else if (roll < DELETE_PERCENT + MODIFY_PERCENT)
        {
            book.apply(side, price, levelQty(random));
        }
        else
        {
            final long gap = 1 + random.nextInt(spec.spacingTicks());
            final long added = side == Side.BID ? price - gap : price + gap;
            if (added > 0)
            {
                book.apply(side, added, levelQty(random));
            }
        }
    }

    /** Tops each side of the venue back up at its far end, out of the subscriber's view. */
    private void refill(final MarketRandom random)
    {
        final BookView venue = book.venue();
        for (int side = Side.BID; side <= Side.ASK; side++)
        {
            int levels = venue.levels(side);
            while (levels < book.venueTarget())
            {
                final long worst = venue.price(side, levels - 1);
                final long gap = 1 + random.nextInt(2 * spec.spacingTicks());
                final long price = side == Side.BID ? worst - gap : worst + gap;
                if (price <= 0)
                {
                    break;
                }
                book.apply(side, price, levelQty(random));
                levels++;
            }
        }
    }

    private void desiredQuotes(final long[] desired)
    {
        final long fairTicks = fairTicks();
        final long bid = fairTicks - spec.spreadTicks() / 2;
        desired[Side.BID] = Math.max(1, bid);
        desired[Side.ASK] = Math.max(1, bid) + Math.max(1, spec.spreadTicks());
    }

    /** A level size: log-normal around the pair's usual size, often rounded like a human order. */
    private long levelQty(final MarketRandom random)
    {
        final double qty = spec.typicalQty() * random.lognormal(0.9);
        final long lot = random.percent(30) ? Math.max(1, (long)(qtyScale / 1_000)) : 1;
        return Math.max(1, Math.round(qty * qtyScale / lot)) * lot;
    }

    /** An index near the top: 0 most often, rarely deep. */
    private static int nearTop(final MarketRandom random, final int levels)
    {
        int index = 0;
        while (index < levels - 1 && random.percent(55))
        {
            index++;
        }
        return index;
    }
}
