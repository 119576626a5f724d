package io.tradingcore.adapters.sim;

import io.tradingcore.core.book.BookView;
import io.tradingcore.core.kraken.Side;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The subscriber's book, built only from published updates, must equal the venue's top after every event, at every depth. */
class SyntheticBookTest
{
    @Test
    void subscriberTracksTheVenueTopThroughEveryEvent()
    {
        for (final int depth : new int[] {10, 100, 1000})
        {
            final MarketRandom random = new MarketRandom(depth);
            final SyntheticPair pair = new SyntheticPair(InstrumentCatalogue.pair("ETH/USD"), 1, 0, depth, 3_412.0, random);
            assertInSync(pair.book, depth);
            int published = 0;
            for (int event = 0; event < 4_000; event++)
            {
                // drift fair value so quotes get pulled and improved, not only reshuffled
                pair.fair(3_412.0 * (1 + 0.004 * Math.sin(event / 300.0)));
                if (random.percent(15))
                {
                    pair.takerTrade(random, event);
                }
                else
                {
                    pair.quoteEvent(random);
                }
                published += pair.book.publish(random, 4) > 0 ? 1 : 0;
                assertInSync(pair.book, depth);
            }
            assertTrue(published > 3_000, "events that changed the visible book: " + published);
        }
    }

    private static void assertInSync(final SyntheticBook book, final int depth)
    {
        final BookView venue = book.venue();
        final BookView subscriber = book.subscriber();
        for (int side = Side.BID; side <= Side.ASK; side++)
        {
            assertEquals(Math.min(depth, venue.levels(side)), subscriber.levels(side), "levels");
            for (int i = 0; i < subscriber.levels(side); i++)
            {
                assertEquals(venue.price(side, i), subscriber.price(side, i), "price at " + i);
                assertEquals(venue.qty(side, i), subscriber.qty(side, i), "qty at " + i);
            }
        }
    }
}
