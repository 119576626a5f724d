package io.tradingcore.core.execution;

import io.tradingcore.core.indicator.TestBook;
import io.tradingcore.core.kraken.Side;
import io.tradingcore.core.risk.OrderIntent;
import io.tradingcore.core.strategy.StrategyParameters;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class PaperFillSimulatorTest
{
    private static final long T0 = 1_764_086_400_000_000L;
    private static final long ONE = 100_000_000L;
    private static final double EPS = 1e-9;

    private final Map<String, Double> overrides = new HashMap<>();
    private final StrategyParameters parameters = (section, name, def) -> overrides.getOrDefault(section + "." + name, def);
    private final TestBook book = new TestBook()
        .bids(9_990, ONE, 9_980, ONE)
        .asks(10_000, ONE / 2, 10_010, ONE / 2, 10_020, ONE);
    private final OrderIntent intent = new OrderIntent();

    private PaperFillSimulator simulator(final double slippageBps)
    {
        overrides.put("paper.slippage_bps", slippageBps);
        return new PaperFillSimulator(parameters);
    }

    private void order(final int side, final int type, final long limitPrice, final long qty)
    {
        intent.id = 7;
        intent.signalId = 3;
        intent.strategyId = 2;
        intent.symbolId = 0;
        intent.side = side;
        intent.orderType = type;
        intent.postOnly = false;
        intent.limitPrice = limitPrice;
        intent.qty = qty;
        intent.decisionPrice = 10_000;
        intent.pricePrecision = 1;
        intent.qtyPrecision = 8;
    }

    @Test
    void marketOrderWalksLevelsAtTheirVwap()
    {
        final PaperFillSimulator sim = simulator(0);
        order(Side.BUY, OrderIntent.MARKET, 0, ONE);
        assertEquals(2, sim.submit(intent, book, T0));
        assertEquals(ExecutionReport.CONFIRMATION, sim.report(0).kind);
        assertEquals(ExecutionReport.ACCEPTED, sim.report(0).status);
        final ExecutionReport fill = sim.report(1);
        assertEquals(ExecutionReport.FILL, fill.kind);
        assertEquals(ExecutionReport.FILLED, fill.status);
        assertEquals(10_005, fill.price);                  // (0.5 x 1000.0 + 0.5 x 1001.0) / 1
        assertEquals(ONE, fill.qty);
        assertEquals(ExecutionReport.TAKER, fill.liquidity);
        assertEquals(1000.5 * 40 / 10_000, fill.fee, EPS);  // taker 40 bps
        assertEquals(5.0, fill.slippageBps, EPS);           // 1000.5 against a decision at 1000.0
        assertEquals(7, fill.orderId);
        assertEquals(3, fill.signalId);
        assertEquals(1, fill.fillId);
    }

    @Test
    void feesAreTheAccountsTierOfTheOneSchedule()
    {
        overrides.put("fees.taker_bps", 24.0);
        final PaperFillSimulator sim = simulator(0);
        order(Side.BUY, OrderIntent.MARKET, 0, ONE);
        sim.submit(intent, book, T0);
        assertEquals(1000.5 * 24 / 10_000, sim.report(1).fee, EPS);
    }

    @Test
    void slippageMovesTheFillAgainstTheTaker()
    {
        final PaperFillSimulator sim = simulator(10);
        order(Side.BUY, OrderIntent.MARKET, 0, ONE);
        sim.submit(intent, book, T0);
        assertEquals(Math.round(10_005 * 1.001), sim.report(1).price); // 1001.5005 -> 1001.5
        order(Side.SELL, OrderIntent.MARKET, 0, ONE / 2);
        sim.submit(intent, book, T0);
        final ExecutionReport fill = sim.report(1);
        assertEquals(Math.round(9_990 * 0.999), fill.price);           // 998.001 -> 998.0
        assertEquals((10_000 - 9_980) / 10_000.0 * 10_000, fill.slippageBps, EPS); // sold 20 bps below the decision
    }

    @Test
    void shortDepthFillsPartlyAndCancelsTheRest()
    {
        final PaperFillSimulator sim = simulator(0);
        order(Side.SELL, OrderIntent.MARKET, 0, 3 * ONE);
        assertEquals(3, sim.submit(intent, book, T0));
        final ExecutionReport fill = sim.report(1);
        assertEquals(ExecutionReport.PARTIALLY_FILLED, fill.status);
        assertEquals(2 * ONE, fill.qty);
        assertEquals(9_985, fill.price);
        assertEquals(ONE, fill.remainingQty);
        final ExecutionReport canceled = sim.report(2);
        assertEquals(ExecutionReport.CANCELED, canceled.status);
        assertEquals(2 * ONE, canceled.cumQty);
        assertEquals(ONE, canceled.remainingQty);
        assertArrayEquals(PaperFillSimulator.INSUFFICIENT_DEPTH, canceled.reason);
    }

    @Test
    void marketOrderOnAnEmptySideIsRejected()
    {
        final PaperFillSimulator sim = simulator(0);
        order(Side.BUY, OrderIntent.MARKET, 0, ONE);
        assertEquals(1, sim.submit(intent, new TestBook().bids(9_990, ONE), T0));
        assertEquals(ExecutionReport.REJECTED, sim.report(0).status);
        assertArrayEquals(PaperFillSimulator.NO_LIQUIDITY, sim.report(0).reason);
    }

    @Test
    void limitOrderRestsThenFillsWhenTradedThrough()
    {
        final PaperFillSimulator sim = simulator(10);
        order(Side.BUY, OrderIntent.LIMIT, 9_990, ONE);
        assertEquals(1, sim.submit(intent, book, T0));
        assertEquals(ExecutionReport.ACCEPTED, sim.report(0).status);
        assertNull(sim.report(0).reason);
        assertEquals(1, sim.restingOrders());

        assertEquals(0, sim.onTrade(0, 9_990, ONE, T0 + 1));   // at the limit: not through
        assertEquals(0, sim.onTrade(1, 9_000, ONE, T0 + 1));   // another symbol
        assertEquals(1, sim.onTrade(0, 9_989, ONE * 4 / 10, T0 + 2));
        ExecutionReport fill = sim.report(0);
        assertEquals(ExecutionReport.PARTIALLY_FILLED, fill.status);
        assertEquals(9_990, fill.price);                        // at the limit, no slippage for a maker
        assertEquals(ONE * 4 / 10, fill.qty);
        assertEquals(ExecutionReport.MAKER, fill.liquidity);
        assertEquals(999.0 * 0.4 * 25 / 10_000, fill.fee, EPS);
        assertEquals(T0, fill.orderMicros);

        assertEquals(1, sim.onTrade(0, 9_900, 5 * ONE, T0 + 3));
        fill = sim.report(0);
        assertEquals(ExecutionReport.FILLED, fill.status);
        assertEquals(ONE * 6 / 10, fill.qty);
        assertEquals(ONE, fill.cumQty);
        assertEquals(0, sim.restingOrders());
    }

    @Test
    void crossingLimitTakesUpToItsPriceAndRestsTheRest()
    {
        final PaperFillSimulator sim = simulator(0);
        order(Side.BUY, OrderIntent.LIMIT, 10_000, ONE);
        assertEquals(2, sim.submit(intent, book, T0));
        assertEquals(ONE / 2, sim.report(1).qty);
        assertEquals(10_000, sim.report(1).price);
        assertEquals(ExecutionReport.PARTIALLY_FILLED, sim.report(1).status);
        assertEquals(1, sim.restingOrders());
        assertEquals(1, sim.onTrade(0, 9_999, ONE, T0 + 1));
        assertEquals(ONE / 2, sim.report(0).qty);
        assertEquals(ExecutionReport.FILLED, sim.report(0).status);
    }

    @Test
    void postOnlyThatWouldCrossIsRejected()
    {
        final PaperFillSimulator sim = simulator(0);
        order(Side.SELL, OrderIntent.LIMIT, 9_990, ONE);
        intent.postOnly = true;
        assertEquals(1, sim.submit(intent, book, T0));
        assertEquals(ExecutionReport.REJECTED, sim.report(0).status);
        assertArrayEquals(PaperFillSimulator.POST_ONLY_WOULD_CROSS, sim.report(0).reason);
        assertEquals(0, sim.restingOrders());
    }

    @Test
    void cancelRemovesARestingOrderAndRejectsAnUnknownOne()
    {
        final PaperFillSimulator sim = simulator(0);
        order(Side.SELL, OrderIntent.LIMIT, 10_050, ONE);
        sim.submit(intent, book, T0);
        assertEquals(1, sim.cancel(7, T0 + 5));
        assertEquals(ExecutionReport.CANCELED, sim.report(0).status);
        assertEquals(ONE, sim.report(0).remainingQty);
        assertEquals(0, sim.restingOrders());
        assertEquals(1, sim.cancel(7, T0 + 6));
        assertEquals(ExecutionReport.REJECTED, sim.report(0).status);
        assertArrayEquals(PaperFillSimulator.UNKNOWN_ORDER, sim.report(0).reason);
        assertEquals(0, sim.onTrade(0, 10_100, ONE, T0 + 7));
    }
}
