package io.tradingcore.core.risk;

import io.tradingcore.core.stream.EntryWriter;

/** The risk rules as ints, with the names written to {@code risk:alerts:kraken}. */
public final class RiskRule
{
    /** Daily drawdown kill switch: value = drawdown today, limit = the maximum (USD). */
    public static final int KILL_SWITCH = 0;
    /** Exchange status forbids new orders: value = the {@code ExchangeStatus} code, limit = 0. */
    public static final int EXCHANGE_STATUS = 1;
    /** The book is marked invalid (awaiting resync) or empty: value = 0, limit = 0. */
    public static final int BOOK_INVALID = 2;
    /** The book is older than allowed in event time: value = age ms, limit = max ms. */
    public static final int BOOK_STALE = 3;
    /** value = spread bps, limit = max bps. */
    public static final int MAX_SPREAD = 4;
    /** Cool-down after a losing streak: value = losing round trips in a row, limit = streak that pauses. */
    public static final int LOSS_STREAK = 5;
    /** value = open orders, limit = max. */
    public static final int MAX_OPEN_ORDERS = 6;
    /** value = order notional, limit = max (USD). */
    public static final int MAX_ORDER_NOTIONAL = 7;
    /** value = |position notional| after the order, limit = max (USD). */
    public static final int MAX_POSITION = 8;
    /** Kraken's per-pair trading counter would reach its threshold: value = projected count, limit = threshold. */
    public static final int RATE_COUNTER = 9;
    /** The size rounds to zero quantity at the symbol's qty precision: value = size USD, limit = 0. */
    public static final int ORDER_TOO_SMALL = 10;

    /** Order entry is off for this process (production without the arming flag): value = 0, limit = 0. */
    public static final int ORDER_ENTRY_REFUSED = 11;
    /**
     * The pair is quoted in a currency other than USD and no valid {@code Q/USD} (or {@code USD/Q}) book is
     * known to convert the USD size and limits with: value = 0, limit = 0.
     */
    public static final int NO_USD_CONVERSION = 12;

    public static final int COUNT = 13;

    private static final String[] NAMES = {
        "kill_switch", "exchange_status", "book_invalid", "book_stale", "max_spread_bps", "loss_streak_cooldown",
        "max_open_orders", "max_order_notional", "max_position_notional", "rate_counter", "order_too_small",
        "order_entry_refused", "no_usd_conversion"};
    private static final byte[][] NAME_BYTES = new byte[COUNT][];

    static
    {
        for (int i = 0; i < COUNT; i++)
        {
            NAME_BYTES[i] = EntryWriter.ascii(NAMES[i]);
        }
    }

    private RiskRule()
    {
    }

    public static String name(final int rule)
    {
        return NAMES[rule];
    }

    public static byte[] nameBytes(final int rule)
    {
        return NAME_BYTES[rule];
    }
}
