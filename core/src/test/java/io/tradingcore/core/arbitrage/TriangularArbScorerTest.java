package io.tradingcore.core.arbitrage;

import io.tradingcore.core.indicator.TestBook;
import io.tradingcore.core.market.Instruments;
import io.tradingcore.core.strategy.StrategyParameters;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TriangularArbScorerTest
{
    private static final long ONE = 100_000_000L;
    private static final int BTC_USD = 0;
    private static final int ETH_USD = 1;
    private static final int ETH_BTC = 2;

    private final Instruments instruments = new Instruments();
    private final TestBook btcUsd = new TestBook().bids(500_000, ONE).asks(500_010, ONE);        // 50000.0 / 50001.0
    private final TestBook ethUsd = new TestBook().bids(250_000, 10 * ONE).asks(250_010, 10 * ONE); // 2500.00 / 2500.10

    private TriangularArbScorer scorer()
    {
        instruments.offer(BTC_USD, 1, 8, Instruments.SOURCE_CONFIG);
        instruments.offer(ETH_USD, 2, 8, Instruments.SOURCE_CONFIG);
        instruments.offer(ETH_BTC, 5, 8, Instruments.SOURCE_CONFIG);
        return new TriangularArbScorer(StrategyParameters.DEFAULTS, instruments, BTC_USD, ETH_USD, ETH_BTC);
    }

    @Test
    void aFairMarketHasNoOpportunity()
    {
        final TriangularArbScorer scorer = scorer();
        final TestBook ethBtc = new TestBook().bids(5_000, 10 * ONE).asks(5_001, 10 * ONE);   // 0.05000 / 0.05001
        assertFalse(scorer.score(btcUsd, ethUsd, ethBtc, 1));
        // Q->X->Y->Q: 2500.00 / (50001 x 0.05001)
        final double rate = 2500.00 / (50_001.0 * 0.05001);
        assertEquals((rate - 1) * 10_000, scorer.grossEdgeBps(TriangularArbScorer.Q_X_Y_Q), 1e-6);
        assertEquals((rate * Math.pow(0.996, 3) - 1) * 10_000, scorer.netEdgeBps(TriangularArbScorer.Q_X_Y_Q), 1e-6);
        assertTrue(scorer.netEdgeBps() < -100);
    }

    @Test
    void aMispricedCrossIsScoredNetOfFeesAndSizedByDepth()
    {
        final TriangularArbScorer scorer = scorer();
        // ETH rich in BTC: buy ETH with USD, sell it for BTC, sell BTC for USD
        final TestBook ethBtc = new TestBook().bids(5_150, ONE / 2).asks(5_151, 10 * ONE);
        assertTrue(scorer.score(btcUsd, ethUsd, ethBtc, 1));
        assertEquals(TriangularArbScorer.Q_Y_X_Q, scorer.bestDirection());
        final double rate = 0.0515 * 50_000.0 / 2500.10;
        assertEquals((rate - 1) * 10_000, scorer.grossEdgeBps(), 1e-6);
        assertEquals((rate * Math.pow(0.996, 3) - 1) * 10_000, scorer.netEdgeBps(), 1e-6);
        // legs: 10 ETH x 2500.10 USD; 0.5 ETH x 0.0515 BTC x 50000 USD; 1 BTC x 50000 USD
        assertEquals(0.5 * 0.0515 * 50_000, scorer.notionalQuote(), 1e-6);
        assertTrue(scorer.netEdgeBps(TriangularArbScorer.Q_X_Y_Q) < 0);
    }

    @Test
    void eachLegPaysTheAccountsTakerFee()
    {
        instruments.offer(BTC_USD, 1, 8, Instruments.SOURCE_CONFIG);
        instruments.offer(ETH_USD, 2, 8, Instruments.SOURCE_CONFIG);
        instruments.offer(ETH_BTC, 5, 8, Instruments.SOURCE_CONFIG);
        final StrategyParameters tier = (section, name, def) -> "fees".equals(section) && "taker_bps".equals(name) ? 10 : def;
        final TriangularArbScorer scorer = new TriangularArbScorer(tier, instruments, BTC_USD, ETH_USD, ETH_BTC);
        final TestBook ethBtc = new TestBook().bids(5_150, ONE / 2).asks(5_151, 10 * ONE);
        assertTrue(scorer.score(btcUsd, ethUsd, ethBtc, 1));
        final double rate = 0.0515 * 50_000.0 / 2500.10;
        assertEquals((rate * Math.pow(0.999, 3) - 1) * 10_000, scorer.netEdgeBps(), 1e-6);
    }

    @Test
    void anEmptyBookScoresNothing()
    {
        final TriangularArbScorer scorer = scorer();
        assertFalse(scorer.score(btcUsd, ethUsd, new TestBook().bids(5_000, ONE), 1));
        assertTrue(Double.isNaN(scorer.netEdgeBps()));
    }
}
