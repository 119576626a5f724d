package io.tradingcore.core.execution;

import io.tradingcore.core.book.BookView;
import io.tradingcore.core.indicator.Scaled;
import io.tradingcore.core.kraken.Side;
import io.tradingcore.core.market.FeeSchedule;
import io.tradingcore.core.risk.OrderIntent;
import io.tradingcore.core.strategy.StrategyParameters;
import io.tradingcore.core.stream.EntryWriter;

/**
 * Simulated execution for the paper modes, at the account's maker and taker fees ({@link FeeSchedule}).
 * Parameters (section {@code paper}): {@code slippage_bps} (2), {@code max_resting_orders} (64).
 * <ul>
 * <li>A market order walks the opposite side of the book level by level; it fills at the VWAP of the
 *     levels it took, moved {@code slippage_bps} against it, as one taker fill. What the book cannot
 *     fill is canceled ({@code insufficient_depth}); an empty side rejects it ({@code no_liquidity}).</li>
 * <li>A limit order that crosses takes liquidity like a market order up to its limit price; a
 *     post-only one that would cross is rejected ({@code post_only_would_cross}). The rest rests.</li>
 * <li>A resting order fills, as maker at its limit price, when a trade prints through it (strictly
 *     below a buy limit, above a sell limit), up to the printed quantity (shared by the resting
 *     orders in arrival order).</li>
 * </ul>
 * Each call overwrites the records it returns the count of ({@link #report(int)}). Single-threaded,
 * allocation-free.
 */
public final class PaperFillSimulator
{
    public static final byte[] NO_LIQUIDITY = EntryWriter.ascii("no_liquidity");
    public static final byte[] INSUFFICIENT_DEPTH = EntryWriter.ascii("insufficient_depth");
    public static final byte[] POST_ONLY_WOULD_CROSS = EntryWriter.ascii("post_only_would_cross");
    public static final byte[] RESTING_FULL = EntryWriter.ascii("resting_orders_full");
    public static final byte[] UNKNOWN_ORDER = EntryWriter.ascii("unknown_order");
    public static final byte[] CANCELED_BY_USER = EntryWriter.ascii("user_requested");

    private final double makerFeeBps;
    private final double takerFeeBps;
    private final double slippageBps;
    private final PaperOrder incoming = new PaperOrder();
    private final PaperOrder[] resting;
    private final ExecutionReport[] reports;
    private int restingCount;
    private int reportCount;
    private long nextFillId = 1;

    /** Result of the last book walk. */
    private long walkQty;
    private double walkCost;

    public PaperFillSimulator(final StrategyParameters parameters)
    {
        makerFeeBps = FeeSchedule.makerBps(parameters);
        takerFeeBps = FeeSchedule.takerBps(parameters);
        slippageBps = parameters.get("paper", "slippage_bps", 2);
        final int maxResting = parameters.getInt("paper", "max_resting_orders", 64);
        resting = new PaperOrder[maxResting];
        for (int i = 0; i < maxResting; i++)
        {
            resting[i] = new PaperOrder();
        }
        reports = new ExecutionReport[maxResting + 4];
        for (int i = 0; i < reports.length; i++)
        {
            reports[i] = new ExecutionReport();
        }
    }

    /** The most reports one call ({@link #submit} or {@link #onTrade}) can make. */
    public int reportCapacity()
    {
        return reports.length;
    }

    /** Executes {@code intent} against {@code book} (the intent's symbol) at event time {@code nowMicros}. */
    public int submit(final OrderIntent intent, final BookView book, final long nowMicros)
    {
        reportCount = 0;
        final PaperOrder order = incoming;
        order.set(intent, nowMicros);
        final boolean buy = intent.side == Side.BUY;
        final int takeSide = buy ? Side.ASK : Side.BID;
        final boolean limit = intent.orderType == OrderIntent.LIMIT;
        final boolean crosses = book.levels(takeSide) > 0
            && (!limit || (buy ? book.price(takeSide, 0) <= intent.limitPrice : book.price(takeSide, 0) >= intent.limitPrice));

        if (!limit && !crosses)
        {
            confirmation(order, ExecutionReport.REJECTED, NO_LIQUIDITY, nowMicros);
            return reportCount;
        }
        if (limit && crosses && intent.postOnly)
        {
            confirmation(order, ExecutionReport.REJECTED, POST_ONLY_WOULD_CROSS, nowMicros);
            return reportCount;
        }
        if (limit && restingCount == resting.length)
        {
            confirmation(order, ExecutionReport.REJECTED, RESTING_FULL, nowMicros);
            return reportCount;
        }
        confirmation(order, ExecutionReport.ACCEPTED, null, nowMicros);

        if (crosses)
        {
            walk(book, takeSide, order.remaining, limit ? intent.limitPrice : (buy ? Long.MAX_VALUE : Long.MIN_VALUE), buy);
            if (walkQty > 0)
            {
                final double vwap = walkCost / walkQty;
                final long price = Math.round(vwap * (buy ? 1.0 + slippageBps / 10_000.0 : 1.0 - slippageBps / 10_000.0));
                fill(order, price, walkQty, takerFeeBps, ExecutionReport.TAKER, nowMicros);
            }
        }
        if (order.remaining > 0)
        {
            if (limit)
            {
                resting[restingCount++].copyFrom(order);
            }
            else
            {
                confirmation(order, ExecutionReport.CANCELED, INSUFFICIENT_DEPTH, nowMicros);
            }
        }
        return reportCount;
    }

    /** A trade print of {@code symbolId}: fills resting orders it trades through. */
    public int onTrade(final int symbolId, final long price, final long qty, final long micros)
    {
        reportCount = 0;
        long available = qty;
        int i = 0;
        while (i < restingCount && available > 0)
        {
            final PaperOrder order = resting[i];
            final boolean through = order.symbolId == symbolId
                && (order.side == Side.BUY ? price < order.limitPrice : price > order.limitPrice);
            if (!through)
            {
                i++;
                continue;
            }
            final long take = Math.min(order.remaining, available);
            available -= take;
            fill(order, order.limitPrice, take, makerFeeBps, ExecutionReport.MAKER, micros);
            if (order.remaining == 0)
            {
                remove(i);
            }
            else
            {
                i++;
            }
        }
        return reportCount;
    }

    /** Cancels resting order {@code orderId}; an unknown id is rejected ({@code unknown_order}). */
    public int cancel(final long orderId, final long nowMicros)
    {
        reportCount = 0;
        for (int i = 0; i < restingCount; i++)
        {
            final PaperOrder order = resting[i];
            if (order.orderId == orderId)
            {
                confirmation(order, ExecutionReport.CANCELED, CANCELED_BY_USER, nowMicros);
                remove(i);
                return reportCount;
            }
        }
        final PaperOrder unknown = incoming;
        unknown.orderId = orderId;
        unknown.signalId = 0;
        unknown.strategyId = unknown.symbolId = -1;
        unknown.filled = unknown.remaining = 0;
        unknown.acceptedMicros = nowMicros;
        confirmation(unknown, ExecutionReport.REJECTED, UNKNOWN_ORDER, nowMicros);
        return reportCount;
    }

    public ExecutionReport report(final int index)
    {
        return reports[index];
    }

    public int restingOrders()
    {
        return restingCount;
    }

    private void walk(final BookView book, final int side, final long qty, final long limitPrice, final boolean buy)
    {
        long remaining = qty;
        double cost = 0;
        final int levels = book.levels(side);
        for (int i = 0; i < levels && remaining > 0; i++)
        {
            final long price = book.price(side, i);
            if (buy ? price > limitPrice : price < limitPrice)
            {
                break;
            }
            final long take = Math.min(remaining, book.qty(side, i));
            cost += (double)price * take;
            remaining -= take;
        }
        walkQty = qty - remaining;
        walkCost = cost;
    }

    private void confirmation(final PaperOrder order, final int status, final byte[] reason, final long micros)
    {
        final ExecutionReport r = record(order, ExecutionReport.CONFIRMATION, micros);
        r.status = status;
        r.reason = reason;
    }

    private void fill(
        final PaperOrder order,
        final long price,
        final long qty,
        final double feeBps,
        final int liquidity,
        final long micros)
    {
        order.filled += qty;
        order.remaining -= qty;
        final ExecutionReport r = record(order, ExecutionReport.FILL, micros);
        r.status = order.remaining == 0 ? ExecutionReport.FILLED : ExecutionReport.PARTIALLY_FILLED;
        r.fillId = nextFillId++;
        r.price = price;
        r.qty = qty;
        r.fee = Scaled.toDouble(price, order.pricePrecision) * Scaled.toDouble(qty, order.qtyPrecision) * feeBps / 10_000.0;
        r.liquidity = liquidity;
        r.slippageBps = order.decisionPrice == 0 ? 0.0
            : (price - order.decisionPrice) / (double)order.decisionPrice * 10_000.0 * (order.side == Side.BUY ? 1.0 : -1.0);
    }

    private ExecutionReport record(final PaperOrder order, final int kind, final long micros)
    {
        final ExecutionReport r = reports[reportCount++];
        r.kind = kind;
        r.orderId = order.orderId;
        r.signalId = order.signalId;
        r.strategyId = order.strategyId;
        r.symbolId = order.symbolId;
        r.side = order.side;
        r.orderType = order.orderType;
        r.pricePrecision = order.pricePrecision;
        r.qtyPrecision = order.qtyPrecision;
        r.orderMicros = order.acceptedMicros;
        r.cumQty = order.filled;
        r.remainingQty = order.remaining;
        r.fillId = 0;
        r.price = 0;
        r.qty = 0;
        r.fee = 0;
        r.liquidity = ExecutionReport.TAKER;
        r.slippageBps = 0;
        r.reason = null;
        r.micros = micros;
        return r;
    }

    private void remove(final int index)
    {
        final PaperOrder removed = resting[index];
        for (int i = index; i < restingCount - 1; i++)
        {
            resting[i] = resting[i + 1];
        }
        resting[--restingCount] = removed;
    }
}
