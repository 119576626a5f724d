package io.tradingcore.adapters.sim;

import io.tradingcore.adapters.kraken.ControlJson;
import io.tradingcore.core.time.Rfc3339;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulated account behind {@link KrakenPrivateEndpoint}: open orders, the fills (the last 50
 * replayed in an executions snapshot), balances, and the matching against the synthetic market.
 * Market orders fill at once at the best opposite price; limit orders fill at once if they cross
 * (taker), else rest and fill at their price when the market crosses them (maker). Every change is
 * handed to the endpoint as Kraken v2 executions and balances rows. Simulator thread only.
 */
final class KrakenPrivateAccount
{
    /** Where the account's rows go: the endpoint broadcasts them to subscribed sessions. */
    interface Reports
    {
        void execution(String row);

        void balance(String row);
    }

    private static final int SNAPSHOT_TRADES = 50;
    private static final BigDecimal TAKER_FEE = new BigDecimal("0.0040");
    private static final BigDecimal MAKER_FEE = new BigDecimal("0.0025");
    private static final BigDecimal START_QUOTE = new BigDecimal("100000");
    private static final BigDecimal START_BASE = new BigDecimal("10");

    /** An order on the book (or about to be). */
    static final class Order
    {
        String orderId;
        String clOrdId;
        String symbol;
        String side;
        String orderType;
        BigDecimal qty;
        BigDecimal limitPrice;
        boolean postOnly;
        int pricePrecision;
        int qtyPrecision;
    }

    private final SyntheticMarket market;
    private final Reports reports;
    private final Map<String, Order> open = new LinkedHashMap<>();
    private final List<String> trades = new ArrayList<>();
    private final Map<String, BigDecimal> balances = new LinkedHashMap<>();
    private final StringBuilder text = new StringBuilder(512);
    private long orders;
    private long executions;
    private long tradeId = 40_000_000;
    private long ledger;

    KrakenPrivateAccount(final SyntheticMarket market, final Reports reports)
    {
        this.market = market;
        this.reports = reports;
        for (final String symbol : market.symbols())
        {
            final InstrumentCatalogue.Pair pair = InstrumentCatalogue.pair(symbol);
            balances.putIfAbsent(pair.quote(), START_QUOTE);
            balances.putIfAbsent(pair.base(), START_BASE);
        }
    }

    /** A new order id, Kraken-shaped ({@code OABCDE-FGHIJ-KLMNOP}). */
    String nextOrderId()
    {
        return krakenId('O', ++orders);
    }

    boolean clOrdIdOpen(final String clOrdId)
    {
        for (final Order o : open.values())
        {
            if (clOrdId.equals(o.clOrdId))
            {
                return true;
            }
        }
        return false;
    }

    /** Accepts a validated order: pending_new, new, then a fill if it takes liquidity now. */
    void place(final Order o)
    {
        final InstrumentCatalogue.Pair pair = InstrumentCatalogue.pair(o.symbol);
        o.pricePrecision = pair.pricePrecision();
        o.qtyPrecision = pair.qtyPrecision();
        reports.execution(pendingNewRow(o));
        reports.execution(statusRow(o, "new", "new", null));
        final BigDecimal takePrice = takePrice(o);
        if (takePrice == null)
        {
            open.put(o.orderId, o);
            return;
        }
        if (o.postOnly)
        {
            reports.execution(statusRow(o, "canceled", "canceled", "Post only order"));
            return;
        }
        fill(o, takePrice, true);
    }

    /** Cancels an open order by id or client id; false when none is open. */
    boolean cancel(final String orderId, final String clOrdId, final String reason)
    {
        for (final Order o : open.values())
        {
            if (o.orderId.equals(orderId) || (clOrdId != null && clOrdId.equals(o.clOrdId)))
            {
                open.remove(o.orderId);
                reports.execution(statusRow(o, "canceled", "canceled", reason));
                return true;
            }
        }
        return false;
    }

    /** The order {@link #cancel} would cancel, or null. */
    Order find(final String orderId, final String clOrdId)
    {
        for (final Order o : open.values())
        {
            if (o.orderId.equals(orderId) || (clOrdId != null && clOrdId.equals(o.clOrdId)))
            {
                return o;
            }
        }
        return null;
    }

    int cancelAll(final String reason)
    {
        final List<Order> all = new ArrayList<>(open.values());
        for (final Order o : all)
        {
            cancel(o.orderId, null, reason);
        }
        return all.size();
    }

    /** Resting limit orders the market now crosses fill at their limit price. */
    void match()
    {
        if (open.isEmpty())
        {
            return;
        }
        for (final Order o : new ArrayList<>(open.values()))
        {
            if (takePrice(o) != null)
            {
                open.remove(o.orderId);
                fill(o, o.limitPrice, false);
            }
        }
    }

    int openOrders()
    {
        return open.size();
    }

    /** The executions snapshot rows: open orders and the last fills. */
    List<String> snapshotRows(final boolean orders, final boolean fills)
    {
        final List<String> rows = new ArrayList<>();
        if (orders)
        {
            for (final Order o : open.values())
            {
                rows.add(openOrderRow(o));
            }
        }
        if (fills)
        {
            rows.addAll(trades);
        }
        return rows;
    }

    List<String> balanceSnapshotRows()
    {
        final List<String> rows = new ArrayList<>();
        for (final Map.Entry<String, BigDecimal> e : balances.entrySet())
        {
            text.setLength(0);
            text.append("{\"asset\":\"").append(e.getKey()).append("\",\"asset_class\":\"currency\",\"balance\":")
                .append(e.getValue().toPlainString()).append(",\"wallets\":[{\"type\":\"spot\",\"id\":\"main\",\"balance\":")
                .append(e.getValue().toPlainString()).append("}]}");
            rows.add(text.toString());
        }
        return rows;
    }

    /** The price a taker gets now, or null if {@code o} would rest (a market order always takes). */
    private BigDecimal takePrice(final Order o)
    {
        final Map<String, Object> ticker = ControlJson.parseObject(market.tickerSnapshot(o.symbol));
        @SuppressWarnings("unchecked")
        final Map<String, Object> top = (Map<String, Object>)((List<?>)ticker.get("data")).get(0);
        final boolean buy = "buy".equals(o.side);
        final BigDecimal opposite = (BigDecimal)top.get(buy ? "ask" : "bid");
        if ("market".equals(o.orderType))
        {
            return opposite;
        }
        final int crossed = o.limitPrice.compareTo(opposite);
        return buy ? (crossed >= 0 ? opposite : null) : (crossed <= 0 ? opposite : null);
    }

    private void fill(final Order o, final BigDecimal price, final boolean taker)
    {
        final BigDecimal qty = o.qty;
        final BigDecimal cost = price.multiply(qty).setScale(o.pricePrecision + o.qtyPrecision, RoundingMode.HALF_EVEN)
            .stripTrailingZeros();
        final BigDecimal fee = cost.multiply(taker ? TAKER_FEE : MAKER_FEE).setScale(8, RoundingMode.HALF_EVEN);
        final InstrumentCatalogue.Pair pair = InstrumentCatalogue.pair(o.symbol);
        final String execId = krakenId('T', ++executions);
        final long trade = ++tradeId;
        final String micros = Rfc3339.formatMicros(market.clockMicros());
        text.setLength(0);
        text.append("{\"order_id\":\"").append(o.orderId).append('"');
        clOrdId(o);
        // last_price and cost as strings, like the docs' own example: a client must read both forms
        text.append(",\"exec_id\":\"").append(execId).append("\",\"exec_type\":\"trade\",\"trade_id\":").append(trade)
            .append(",\"symbol\":\"").append(o.symbol).append("\",\"side\":\"").append(o.side)
            .append("\",\"last_qty\":").append(qty.toPlainString())
            .append(",\"last_price\":\"").append(price.toPlainString())
            .append("\",\"liquidity_ind\":\"").append(taker ? 't' : 'm')
            .append("\",\"cost\":\"").append(cost.toPlainString())
            .append("\",\"order_status\":\"filled\",\"order_type\":\"").append(o.orderType)
            .append("\",\"cum_qty\":").append(qty.toPlainString())
            .append(",\"cum_cost\":").append(cost.toPlainString())
            .append(",\"avg_price\":").append(price.toPlainString())
            .append(",\"fee_usd_equiv\":").append(fee.toPlainString())
            .append(",\"fees\":[{\"asset\":\"").append(pair.quote()).append("\",\"qty\":").append(fee.toPlainString())
            .append("}],\"timestamp\":\"").append(micros).append("\"}");
        final String row = text.toString();
        trades.add(row);
        if (trades.size() > SNAPSHOT_TRADES)
        {
            trades.remove(0);
        }
        reports.execution(row);
        final boolean buy = "buy".equals(o.side);
        ledger(pair.base(), buy ? qty : qty.negate(), BigDecimal.ZERO, trade, micros);
        ledger(pair.quote(), buy ? cost.negate().subtract(fee) : cost.subtract(fee), fee, trade, micros);
    }

    private void ledger(final String asset, final BigDecimal amount, final BigDecimal fee, final long trade,
        final String micros)
    {
        final BigDecimal balance = balances.getOrDefault(asset, BigDecimal.ZERO).add(amount);
        balances.put(asset, balance);
        text.setLength(0);
        text.append("{\"ledger_id\":\"").append(krakenId('L', ++ledger)).append("\",\"ref_id\":\"").append(trade)
            .append("\",\"timestamp\":\"").append(micros).append("\",\"type\":\"trade\",\"asset\":\"").append(asset)
            .append("\",\"asset_class\":\"currency\",\"category\":\"trade\",\"wallet_type\":\"spot\",\"wallet_id\":\"main\"")
            .append(",\"amount\":").append(amount.toPlainString()).append(",\"fee\":").append(fee.toPlainString())
            .append(",\"balance\":").append(balance.toPlainString()).append('}');
        reports.balance(text.toString());
    }

    private String pendingNewRow(final Order o)
    {
        text.setLength(0);
        text.append("{\"order_id\":\"").append(o.orderId).append('"');
        clOrdId(o);
        text.append(",\"symbol\":\"").append(o.symbol).append("\",\"order_qty\":").append(o.qty.toPlainString())
            .append(",\"cum_cost\":0.0,\"time_in_force\":\"GTC\",\"exec_type\":\"pending_new\",\"side\":\"").append(o.side)
            .append("\",\"order_type\":\"").append(o.orderType).append('"');
        if (o.limitPrice != null)
        {
            text.append(",\"limit_price_type\":\"static\",\"limit_price\":").append(o.limitPrice.toPlainString());
        }
        if (o.postOnly)
        {
            text.append(",\"post_only\":true");
        }
        return text.append(",\"order_status\":\"pending_new\",\"timestamp\":\"")
            .append(Rfc3339.formatMicros(market.clockMicros())).append("\"}").toString();
    }

    /** Kraken's short transition rows carry ids, status and time only. */
    private String statusRow(final Order o, final String execType, final String status, final String reason)
    {
        text.setLength(0);
        text.append("{\"order_id\":\"").append(o.orderId).append('"');
        clOrdId(o);
        text.append(",\"exec_type\":\"").append(execType).append("\",\"order_status\":\"").append(status).append('"');
        if (reason != null)
        {
            text.append(",\"cancel_reason\":\"").append(reason).append('"');
        }
        return text.append(",\"timestamp\":\"").append(Rfc3339.formatMicros(market.clockMicros())).append("\"}").toString();
    }

    private String openOrderRow(final Order o)
    {
        text.setLength(0);
        text.append("{\"order_id\":\"").append(o.orderId).append('"');
        clOrdId(o);
        text.append(",\"symbol\":\"").append(o.symbol).append("\",\"order_qty\":").append(o.qty.toPlainString())
            .append(",\"side\":\"").append(o.side).append("\",\"order_type\":\"").append(o.orderType).append('"');
        if (o.limitPrice != null)
        {
            text.append(",\"limit_price\":").append(o.limitPrice.toPlainString());
        }
        return text.append(",\"cum_qty\":0,\"order_status\":\"new\",\"timestamp\":\"")
            .append(Rfc3339.formatMicros(market.clockMicros())).append("\"}").toString();
    }

    private void clOrdId(final Order o)
    {
        if (o.clOrdId != null)
        {
            text.append(",\"cl_ord_id\":\"").append(o.clOrdId).append('"');
        }
    }

    /** {@code prefix} then three dash-separated groups, derived from {@code n}: unique and Kraken-shaped. */
    static String krakenId(final char prefix, final long n)
    {
        final String digits = Long.toUnsignedString(0x5DEECE66DL * n + 0xB, 36).toUpperCase();
        final StringBuilder id = new StringBuilder(20).append(prefix);
        final String padded = "0000000000000000".substring(Math.min(16, digits.length())) + digits;
        final String tail = padded.substring(padded.length() - 16);
        return id.append(tail, 0, 5).append('-').append(tail, 5, 10).append('-').append(tail, 10, 16).toString();
    }
}
