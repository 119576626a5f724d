package io.tradingcore.core.risk;

import io.tradingcore.core.indicator.TestBook;
import io.tradingcore.core.kraken.ExchangeStatus;
import io.tradingcore.core.kraken.Side;
import io.tradingcore.core.market.Instruments;
import io.tradingcore.core.market.SymbolTable;
import io.tradingcore.core.market.UsdConversion;
import io.tradingcore.core.portfolio.Portfolio;
import io.tradingcore.core.strategy.Signal;
import io.tradingcore.core.strategy.StrategyParameters;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RiskEngineTest
{
    private static final long S = 1_000_000L;
    private static final long DAY = 86_400 * S;
    private static final long T0 = 20_000 * DAY + 3_600 * S;
    private static final long ONE = 100_000_000L;

    private static final int BTC_USD = 0;
    private static final int ETH_BTC = 1;

    private final SymbolTable symbols = new SymbolTable();
    private final Instruments instruments = new Instruments();
    private final UsdConversion usd = new UsdConversion(symbols, instruments);
    private final Portfolio portfolio = new Portfolio(instruments, usd, 2);
    private final Map<String, Double> overrides = new HashMap<>();
    private final StrategyParameters parameters = (section, name, def) -> overrides.getOrDefault(section + "." + name, def);
    private final TestBook book = new TestBook().bids(10_000, ONE, 9_999, ONE).asks(10_002, ONE, 10_003, ONE);
    private final Signal signal = new Signal();
    private final OrderIntent intent = new OrderIntent();
    private final RiskAlert alert = new RiskAlert();
    private RiskEngine risk;

    private RiskEngine engine(final long bookMicros)
    {
        assertEquals(BTC_USD, symbols.intern("BTC/USD"));
        assertEquals(ETH_BTC, symbols.intern("ETH/BTC"));
        instruments.offer(BTC_USD, 1, 8, Instruments.SOURCE_CONFIG);
        instruments.offer(ETH_BTC, 6, 8, Instruments.SOURCE_CONFIG);
        risk = new RiskEngine(parameters, instruments, portfolio, usd, 2);
        risk.onBook(0, book, true, bookMicros);
        signal.reset();
        signal.id = 42;
        signal.strategyId = 1;
        signal.symbolId = 0;
        signal.side = Side.BUY;
        signal.price = 10_001;
        signal.sizeQuote = 100;
        return risk;
    }

    private void assertRejected(final int rule, final long now)
    {
        assertFalse(risk.check(signal, now, intent, alert), "expected " + RiskRule.name(rule));
        assertEquals(rule, alert.rule, RiskRule.name(alert.rule));
        assertEquals(42, alert.signalId);
        assertEquals(RiskRule.nameBytes(rule), alert.ruleName);
    }

    @Test
    void passesAMarketOrderSizedAtTheAsk()
    {
        engine(T0);
        assertTrue(risk.check(signal, T0, intent, alert));
        assertEquals(1, intent.id);
        assertEquals(42, intent.signalId);
        assertEquals(OrderIntent.MARKET, intent.orderType);
        assertFalse(intent.postOnly);
        assertEquals(0, intent.limitPrice);
        assertEquals((long)Math.floor(100 / 1000.2 * 1e8), intent.qty);
        assertEquals(10_001, intent.decisionPrice);
        assertEquals(1, risk.openOrders());
        assertEquals(1.0, risk.rateCounter().count(0, T0), 1e-9);
    }

    @Test
    void killSwitchTripsStaysAndResetsOnANewUtcDay()
    {
        overrides.put("risk.max_daily_drawdown_quote", 20.0);
        engine(T0);
        portfolio.onFill(0, Side.BUY, 10_000, ONE / 10, 0, T0);
        portfolio.mark(0, 7_000, 7_000, T0);                       // -30
        assertRejected(RiskRule.KILL_SWITCH, T0);
        assertTrue(alert.trip);
        assertEquals(30.0, alert.value, 1e-9);
        assertEquals(20.0, alert.limit, 1e-9);
        portfolio.mark(0, 10_000, 10_002, T0 + S);                 // back up: still tripped
        assertRejected(RiskRule.KILL_SWITCH, T0 + S);
        assertFalse(alert.trip);
        risk.reset();                                              // the day's drawdown is still 30: trips again
        assertRejected(RiskRule.KILL_SWITCH, T0 + 2 * S);
        assertTrue(alert.trip);

        final long tomorrow = T0 + DAY;
        risk.onBook(0, book, true, tomorrow);
        portfolio.onTime(tomorrow);
        assertTrue(risk.check(signal, tomorrow, intent, alert));
        assertFalse(risk.tripped());
    }

    @Test
    void killSwitchReportsATripOutsideASignal()
    {
        overrides.put("risk.max_daily_drawdown_quote", 20.0);
        engine(T0);
        portfolio.onFill(0, Side.BUY, 10_000, ONE / 10, 0, T0);
        assertFalse(risk.killSwitch(T0, alert));
        portfolio.mark(0, 7_000, 7_000, T0);
        assertTrue(risk.killSwitch(T0, alert));
        assertTrue(alert.trip);
        assertFalse(risk.killSwitch(T0, alert), "reported once");
    }

    @Test
    void exchangeStatusGatesNewOrders()
    {
        engine(T0);
        risk.onExchangeStatus(ExchangeStatus.MAINTENANCE);
        assertRejected(RiskRule.EXCHANGE_STATUS, T0);
        assertEquals(ExchangeStatus.MAINTENANCE, (int)alert.value);
        risk.onExchangeStatus(ExchangeStatus.CANCEL_ONLY);
        assertRejected(RiskRule.EXCHANGE_STATUS, T0);
        risk.onExchangeStatus(ExchangeStatus.POST_ONLY);
        assertTrue(risk.check(signal, T0, intent, alert));
        assertEquals(OrderIntent.LIMIT, intent.orderType);
        assertTrue(intent.postOnly);
        assertEquals(10_000, intent.limitPrice, "a buy rests at the bid");
        risk.onExchangeStatus(ExchangeStatus.ONLINE);
        assertTrue(risk.check(signal, T0, intent, alert));
        assertEquals(OrderIntent.MARKET, intent.orderType);
    }

    @Test
    void invalidOrStaleBooksBlockOrders()
    {
        engine(T0);
        risk.onBook(0, book, false, T0);
        assertRejected(RiskRule.BOOK_INVALID, T0);
        risk.onBook(0, book, true, T0);
        assertRejected(RiskRule.BOOK_STALE, T0 + 6 * S);
        assertEquals(6000.0, alert.value, 1e-9);
        assertEquals(5000.0, alert.limit, 1e-9);
        assertTrue(risk.check(signal, T0 + 5 * S, intent, alert));
        risk.onBook(0, new TestBook().bids(10_000, ONE), true, T0);
        assertRejected(RiskRule.BOOK_INVALID, T0);
    }

    @Test
    void wideSpreadBlocksOrders()
    {
        engine(T0);
        risk.onBook(0, new TestBook().bids(10_000, ONE).asks(10_050, ONE), true, T0);
        assertRejected(RiskRule.MAX_SPREAD, T0);
        assertTrue(alert.value > 25);
        risk.onBook(0, book, true, T0);
        assertTrue(risk.check(signal, T0, intent, alert));
    }

    @Test
    void aLosingStreakPausesOrders()
    {
        engine(T0);
        for (int i = 0; i < 3; i++)
        {
            portfolio.onFill(0, Side.BUY, 10_000, ONE / 100, 0, T0 + i);
            portfolio.onFill(0, Side.SELL, 9_990, ONE / 100, 0, T0 + i);
        }
        assertEquals(3, portfolio.lossStreak());
        assertRejected(RiskRule.LOSS_STREAK, T0 + S);
        assertEquals(3.0, alert.value, 1e-9);
        final long later = T0 + 2 + 900 * S;
        risk.onBook(0, book, true, later);
        assertTrue(risk.check(signal, later, intent, alert));
    }

    @Test
    void openOrdersAreCapped()
    {
        engine(T0);
        for (int i = 0; i < 4; i++)
        {
            assertTrue(risk.check(signal, T0, intent, alert));
        }
        assertRejected(RiskRule.MAX_OPEN_ORDERS, T0);
        risk.onOrderClosed(0, intent.side, intent.qty);
        assertTrue(risk.check(signal, T0, intent, alert));
    }

    @Test
    void orderNotionalPlusItsFeeIsCapped()
    {
        engine(T0);
        signal.sizeQuote = 300;
        assertRejected(RiskRule.MAX_ORDER_NOTIONAL, T0);
        assertEquals(300 * 1.004, alert.value, 1e-9);          // a market order pays the 40 bps taker fee
        signal.sizeQuote = 250;
        assertRejected(RiskRule.MAX_ORDER_NOTIONAL, T0);
        signal.sizeQuote = 249;
        assertTrue(risk.check(signal, T0, intent, alert));
        overrides.put("fees.taker_bps", 0.0);                   // a tier without fees
        engine(T0);
        signal.sizeQuote = 250;
        assertTrue(risk.check(signal, T0, intent, alert));
    }

    @Test
    void positionIsCappedUnlessTheOrderReducesIt()
    {
        engine(T0);
        portfolio.onFill(0, Side.BUY, 10_000, 95 * ONE / 100, 0, T0);   // 950 long
        assertRejected(RiskRule.MAX_POSITION, T0);
        assertTrue(alert.value > 1000);
        signal.side = Side.SELL;
        assertTrue(risk.check(signal, T0, intent, alert));
    }

    @Test
    void ordersInFlightCountAgainstThePositionUntilTheyFillOrClose()
    {
        overrides.put("risk.max_open_orders", 100.0);
        overrides.put("fees.taker_bps", 0.0);
        engine(T0);
        signal.sizeQuote = 250;
        for (int i = 0; i < 4; i++)
        {
            assertTrue(risk.check(signal, T0, intent, alert), "order " + i + " of 1000 USD");
        }
        assertRejected(RiskRule.MAX_POSITION, T0);                // no fill back yet: 1250 USD would be reserved
        final long unfilled = intent.qty;
        risk.onOrderClosed(0, Side.BUY, unfilled);                // one closes unfilled: room again
        assertTrue(risk.check(signal, T0, intent, alert));
        risk.onFill(0, Side.BUY, intent.qty);                     // a fill moves its quantity to the position
        portfolio.onFill(0, Side.BUY, 10_000, intent.qty, 0, T0);
        assertRejected(RiskRule.MAX_POSITION, T0);
    }

    @Test
    void rateCounterStopsBeforeTheThresholdAndDecays()
    {
        overrides.put("risk.rate_threshold", 10.0);
        overrides.put("risk.rate_decay_per_s", 1.0);
        overrides.put("risk.max_open_orders", 100.0);
        engine(T0);
        int accepted = 0;
        while (risk.check(signal, T0, intent, alert))
        {
            risk.onOrderClosed(0, intent.side, intent.qty);
            accepted++;
        }
        assertEquals(9, accepted);
        assertEquals(RiskRule.RATE_COUNTER, alert.rule);
        assertEquals(10.0, alert.value, 1e-9);
        assertEquals(10.0, alert.limit, 1e-9);
        risk.onBook(0, book, true, T0 + 2 * S);
        assertTrue(risk.check(signal, T0 + 2 * S, intent, alert));
    }

    @Test
    void restingOrdersKeepRoomToCancel()
    {
        overrides.put("risk.rate_threshold", 20.0);
        overrides.put("risk.order_type", 1.0);
        engine(T0);
        assertTrue(risk.check(signal, T0, intent, alert));     // 0 + 1 + 8 < 20
        assertEquals(OrderIntent.LIMIT, intent.orderType);
        assertEquals(10_000, intent.limitPrice);
        assertTrue(risk.check(signal, T0, intent, alert));     // 1 + 1 + 2 x 8 < 20
        assertRejected(RiskRule.RATE_COUNTER, T0);              // 2 + 1 + 3 x 8 is not
        assertEquals(27.0, alert.value, 1e-9);
        risk.onOrderClosed(0, intent.side, intent.qty);
        assertTrue(risk.canCancel(0, 0, T0));
        risk.onCancel(0, 0, T0);                                // a young order's cancel costs 8
        assertEquals(10.0, risk.rateCounter().count(0, T0), 1e-9);
    }

    @Test
    void tooSmallASizeIsRejected()
    {
        engine(T0);
        signal.sizeQuote = 0.000001;
        assertRejected(RiskRule.ORDER_TOO_SMALL, T0);
    }

    @Test
    void aPairQuotedInBtcIsSizedInUsdAtTheBtcUsdMid()
    {
        engine(T0);
        risk.onBook(BTC_USD, new TestBook().bids(599_990, ONE).asks(600_010, ONE), true, T0);       // mid 60,000
        risk.onBook(ETH_BTC, new TestBook().bids(49_999, ONE).asks(50_001, ONE), true, T0);         // 0.05 BTC
        signal.symbolId = ETH_BTC;
        assertTrue(risk.check(signal, T0, intent, alert));
        assertEquals(100.0, intent.sizeQuote, 1e-9);
        assertEquals(0.0333, intent.qty / 1e8, 1e-4);                                              // not 2,000 ETH
        assertEquals((long)Math.floor(100 / (0.050001 * 60_000) * 1e8), intent.qty);
        assertEquals(6, intent.pricePrecision);
    }

    @Test
    void aPairWithoutAValidUsdConversionBookIsRejected()
    {
        engine(T0);
        risk.onBook(ETH_BTC, new TestBook().bids(49_999, ONE).asks(50_001, ONE), true, T0);
        risk.onBook(BTC_USD, new TestBook().bids(599_990, ONE).asks(600_010, ONE), false, T0);      // awaiting resync
        signal.symbolId = ETH_BTC;
        assertRejected(RiskRule.NO_USD_CONVERSION, T0);
        assertEquals("no_usd_conversion", RiskRule.name(RiskRule.NO_USD_CONVERSION));
        risk.onBook(BTC_USD, new TestBook().bids(599_990, ONE).asks(600_010, ONE), true, T0);
        assertTrue(risk.check(signal, T0, intent, alert));
    }

    @Test
    void thePositionLimitOfABtcQuotedPairIsInUsd()
    {
        engine(T0);
        risk.onBook(BTC_USD, new TestBook().bids(599_990, ONE).asks(600_010, ONE), true, T0);
        risk.onBook(ETH_BTC, new TestBook().bids(49_999, ONE).asks(50_001, ONE), true, T0);
        portfolio.onFill(ETH_BTC, Side.BUY, 50_000, 3 * ONE / 10, 0, T0);                         // 0.3 ETH = 900 USD
        signal.symbolId = ETH_BTC;
        assertRejected(RiskRule.MAX_POSITION, T0);                                                  // 0.015 BTC in quote terms
        assertEquals(0.3 * 0.050001 * 60_000 + 100, alert.value, 1e-6);
        assertEquals(1000.0, alert.limit, 1e-9);
        signal.sizeQuote = 90;
        assertTrue(risk.check(signal, T0, intent, alert));
    }

    @Test
    void theKillSwitchComparesAUsdDrawdown()
    {
        overrides.put("risk.max_daily_drawdown_quote", 20.0);
        engine(T0);
        risk.onBook(BTC_USD, new TestBook().bids(599_990, ONE).asks(600_010, ONE), true, T0);
        portfolio.onFill(ETH_BTC, Side.BUY, 50_000, ONE, 0, T0);
        portfolio.mark(ETH_BTC, 49_700, 49_700, T0);                                               // -0.00003 BTC = -18 USD
        assertFalse(risk.killSwitch(T0, alert));
        portfolio.mark(ETH_BTC, 49_600, 49_600, T0);                                               // -24 USD
        assertTrue(risk.killSwitch(T0, alert));
        assertEquals(24.0, alert.value, 1e-6);
    }
}
