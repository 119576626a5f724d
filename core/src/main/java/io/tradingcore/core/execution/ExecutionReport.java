package io.tradingcore.core.execution;

import io.tradingcore.core.stream.EntryWriter;

/**
 * A confirmation or a fill of a paper order, for {@code exec:paper:confirms}; a reusable flyweight.
 * A {@link #FILL} carries the order's status after it ({@link #PARTIALLY_FILLED} or {@link #FILLED}).
 * Prices and quantities are scaled at {@link #pricePrecision} / {@link #qtyPrecision}; the fee is
 * in quote currency.
 */
public final class ExecutionReport
{
    public static final int CONFIRMATION = 0;
    public static final int FILL = 1;

    public static final int ACCEPTED = 0;
    public static final int REJECTED = 1;
    public static final int PARTIALLY_FILLED = 2;
    public static final int FILLED = 3;
    public static final int CANCELED = 4;

    public static final int TAKER = 0;
    public static final int MAKER = 1;

    private static final byte[][] KIND_NAMES = {EntryWriter.ascii("confirmation"), EntryWriter.ascii("fill")};
    private static final byte[][] STATUS_NAMES = {
        EntryWriter.ascii("accepted"), EntryWriter.ascii("rejected"), EntryWriter.ascii("partially_filled"),
        EntryWriter.ascii("filled"), EntryWriter.ascii("canceled")};
    private static final byte[][] LIQUIDITY_NAMES = {EntryWriter.ascii("taker"), EntryWriter.ascii("maker")};

    public int kind;
    public int status;
    public long orderId;
    public long signalId;
    public int strategyId;
    public int symbolId;
    public int side;
    public int orderType;
    /** When the order was accepted (event time, µs): its age decides a cancel's rate-counter cost. */
    public long orderMicros;
    /** Fill fields, set when {@link #kind} is {@link #FILL}. */
    public long fillId;
    public long price;
    public long qty;
    public double fee;
    public int liquidity;
    /** Adverse slippage of the fill price against the decision price, in bps (negative = better). */
    public double slippageBps;
    /** Filled so far and still open, after this record. */
    public long cumQty;
    public long remainingQty;
    /** Why it was rejected or canceled; null otherwise. */
    public byte[] reason;
    public int pricePrecision;
    public int qtyPrecision;
    public long micros;

    public static byte[] kindName(final int kind)
    {
        return KIND_NAMES[kind];
    }

    public static byte[] statusName(final int status)
    {
        return STATUS_NAMES[status];
    }

    public static byte[] liquidityName(final int liquidity)
    {
        return LIQUIDITY_NAMES[liquidity];
    }

    /** Whether the order is done after this record (no further records will follow for it). */
    public boolean terminal()
    {
        return status == REJECTED || status == FILLED || status == CANCELED;
    }
}
