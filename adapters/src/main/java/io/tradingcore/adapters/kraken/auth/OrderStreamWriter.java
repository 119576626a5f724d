package io.tradingcore.adapters.kraken.auth;

import io.tradingcore.core.kraken.Side;
import io.tradingcore.core.risk.OrderIntent;
import io.tradingcore.core.stream.EntryWriter;
import io.tradingcore.core.stream.Fields;
import io.tradingcore.core.stream.StreamCatalog;

import static io.tradingcore.core.stream.EntryWriter.ascii;

/**
 * The order connection's entries: every execution report on {@code orders:confirmations}, order
 * state on {@code kraken:orders:{symbol}}, fills on {@code kraken:fills:{symbol}}, balances on
 * {@code kraken:balance} and positions on {@code kraken:positions}. Decimals are written as Kraken's
 * own text in plain notation. Per-symbol streams are skipped for a symbol the core does not hold.
 */
final class OrderStreamWriter
{
    private static final byte[] TYPE_ORDER = ascii("order");
    private static final byte[] TYPE_KRAKEN_FILL = ascii("fill");
    private static final byte[] TYPE_BALANCE = ascii("balance");
    private static final byte[] TYPE_POSITION = ascii("position");
    private static final byte[] EXEC_TYPE = ascii("exec_type");
    private static final byte[] CL_ORD_ID = ascii("cl_ord_id");
    private static final byte[] INTENT_ID = ascii("intent_id");
    private static final byte[] ORDER_STATUS = ascii("order_status");
    private static final byte[] ORDER_QTY = ascii("order_qty");
    private static final byte[] EXEC_ID = ascii("exec_id");
    private static final byte[] AVG_PRICE = ascii("avg_price");
    private static final byte[] COST = ascii("cost");
    private static final byte[] FEE_ASSET = ascii("fee_asset");
    private static final byte[] ASSET = ascii("asset");
    private static final byte[] BALANCE = ascii("balance");
    private static final byte[] AMOUNT = ascii("amount");
    private static final byte[] LEDGER_TYPE = ascii("ledger_type");
    private static final byte[] AUTH_ERROR = ascii("auth_error");
    private static final byte[] RECONCILE_DIFFERENCE = ascii("reconcile_difference");
    private static final byte[] DIFFERENCE = ascii("difference");
    private static final byte[] DELTA = ascii("delta");

    private final EntryWriter out;

    OrderStreamWriter(final EntryWriter out)
    {
        this.out = out;
    }

    /** orders:confirmations: one execution report; {@code intentId} is 0 for an order this run did not place. */
    void confirmation(final ExecutionRow r, final int symbolId, final long intentId, final long micros)
    {
        final boolean fill = r.isTrade();
        out.begin(StreamCatalog.ORDERS_CONFIRMATIONS, symbolId, -1)
            .string(Fields.TYPE, fill ? Fields.TYPE_FILL : Fields.TYPE_CONFIRMATION);
        text(Fields.STATUS, r.orderStatus);
        text(EXEC_TYPE, r.execType);
        text(Fields.ORDER_ID, r.orderId);
        text(CL_ORD_ID, r.clOrdId);
        if (intentId > 0)
        {
            out.integer(INTENT_ID, intentId);
        }
        text(Fields.SYMBOL, r.symbol);
        text(Fields.SIDE, r.side);
        text(Fields.ORDER_TYPE, r.orderType);
        decimal(Fields.QTY, fill ? r.lastQty : r.orderQty);
        decimal(Fields.PRICE, fill ? r.lastPrice : r.limitPrice);
        if (fill)
        {
            text(EXEC_ID, r.execId);
            decimal(Fields.FEE, r.fee);
            // the paper stream's words, so a consumer reads both modes alike
            text(Fields.LIQUIDITY, "t".equals(r.liquidity) ? "taker" : "m".equals(r.liquidity) ? "maker" : r.liquidity);
        }
        decimal(Fields.CUM_QTY, r.cumQty);
        decimal(AVG_PRICE, r.avgPrice);
        text(Fields.REASON, r.reason);
        out.string(Fields.EXCHANGE, Fields.KRAKEN).string(Fields.MODE, Fields.LIVE).timestamp(Fields.TIMESTAMP, micros).publish();
    }

    /**
     * orders:confirmations: an order that ended without a report of its own: {@code rejected} (add_order
     * failed, or it was never sent) or {@code closed} (not open any more after a reconnect).
     */
    void closed(final ClientOrder o, final String status, final String reason, final long micros)
    {
        out.begin(StreamCatalog.ORDERS_CONFIRMATIONS, o.symbolId, -1)
            .string(Fields.TYPE, Fields.TYPE_CONFIRMATION)
            .string(Fields.STATUS, status)
            .string(CL_ORD_ID, o.clOrdId)
            .integer(INTENT_ID, o.intentId)
            .string(Fields.SYMBOL, o.symbol)
            .string(Fields.SIDE, Side.tradeName(o.side))
            .string(Fields.ORDER_TYPE, OrderIntent.orderTypeName(o.orderType))
            .decimal(Fields.QTY, o.qty, o.qtyPrecision);
        if (o.orderId != null)
        {
            out.string(Fields.ORDER_ID, o.orderId);
        }
        out.string(Fields.REASON, reason).string(Fields.EXCHANGE, Fields.KRAKEN).string(Fields.MODE, Fields.LIVE)
            .timestamp(Fields.TIMESTAMP, micros).publish();
    }

    /** kraken:orders:{symbol}: the order's state after this report. */
    void orderState(final ExecutionRow r, final int symbolId, final long micros)
    {
        if (symbolId < 0)
        {
            return;
        }
        out.begin(StreamCatalog.KRAKEN_ORDERS, symbolId, -1).string(Fields.TYPE, TYPE_ORDER);
        text(Fields.ORDER_ID, r.orderId);
        text(CL_ORD_ID, r.clOrdId);
        text(Fields.SYMBOL, r.symbol);
        text(Fields.SIDE, r.side);
        text(Fields.ORDER_TYPE, r.orderType);
        text(ORDER_STATUS, r.orderStatus);
        text(EXEC_TYPE, r.execType);
        decimal(ORDER_QTY, r.orderQty);
        decimal(Fields.LIMIT_PRICE, r.limitPrice);
        decimal(Fields.CUM_QTY, r.cumQty);
        decimal(AVG_PRICE, r.avgPrice);
        out.timestamp(Fields.TIMESTAMP, micros).publish();
    }

    /** kraken:fills:{symbol}: one fill (already de-duplicated). */
    void fill(final ExecutionRow r, final int symbolId, final long micros)
    {
        if (symbolId < 0)
        {
            return;
        }
        out.begin(StreamCatalog.KRAKEN_FILLS, symbolId, -1).string(Fields.TYPE, TYPE_KRAKEN_FILL);
        text(EXEC_ID, r.execId);
        text(Fields.TRADE_ID, r.tradeId);
        text(Fields.ORDER_ID, r.orderId);
        text(CL_ORD_ID, r.clOrdId);
        text(Fields.SYMBOL, r.symbol);
        text(Fields.SIDE, r.side);
        decimal(Fields.PRICE, r.lastPrice);
        decimal(Fields.QTY, r.lastQty);
        decimal(COST, r.cost);
        decimal(Fields.FEE, r.fee);
        text(FEE_ASSET, r.feeAsset);
        text(Fields.LIQUIDITY, r.liquidity);
        out.timestamp(Fields.TIMESTAMP, micros).publish();
    }

    /** kraken:balance: one asset's balance; the amount, fee and ledger type only on updates. */
    void balance(final BalanceRow r, final boolean snapshot, final long micros)
    {
        out.begin(StreamCatalog.KRAKEN_BALANCE, -1, -1).string(Fields.TYPE, TYPE_BALANCE);
        text(ASSET, r.asset);
        decimal(BALANCE, r.balance);
        if (!snapshot)
        {
            decimal(AMOUNT, r.amount);
            decimal(Fields.FEE, r.fee);
            text(LEDGER_TYPE, r.ledgerType);
        }
        out.bool(Fields.SNAPSHOT, snapshot).timestamp(Fields.TIMESTAMP, micros).publish();
    }

    /** kraken:positions: a symbol's net position from the fills (signed qty, average price of what is open). */
    void position(final String symbol, final FillLedger.Position p, final long micros)
    {
        out.begin(StreamCatalog.KRAKEN_POSITIONS, -1, -1).string(Fields.TYPE, TYPE_POSITION)
            .string(Fields.SYMBOL, symbol)
            .string(Fields.QTY, p.qty.toPlainString())
            .string(AVG_PRICE, p.averagePrice.toPlainString())
            .timestamp(Fields.TIMESTAMP, micros).publish();
    }

    /** events:bus: what Kraken's first snapshot says and the state kept across the restart does not. */
    void difference(final String difference, final ExecutionRow r, final long micros)
    {
        out.begin(StreamCatalog.EVENTS_BUS, -1, -1).string(Fields.TYPE, Fields.TYPE_EVENT)
            .string(Fields.EVENT, RECONCILE_DIFFERENCE).string(DIFFERENCE, difference);
        text(Fields.ORDER_ID, r.orderId);
        text(CL_ORD_ID, r.clOrdId);
        text(EXEC_ID, r.execId);
        text(Fields.SYMBOL, r.symbol);
        text(Fields.SIDE, r.side);
        text(ORDER_STATUS, r.orderStatus);
        decimal(ORDER_QTY, r.orderQty);
        decimal(Fields.PRICE, r.lastPrice);
        decimal(Fields.QTY, r.lastQty);
        out.timestamp(Fields.TIMESTAMP, r.micros(micros)).publish();
    }

    /**
     * events:bus: an asset whose balance in Kraken's first snapshot is not the position kept across the
     * restart; {@code delta} (balance minus position) at {@code scale}.
     */
    void balanceDifference(final String difference, final String asset, final KrakenDecimal position,
        final KrakenDecimal balance, final long delta, final int scale, final long micros)
    {
        out.begin(StreamCatalog.EVENTS_BUS, -1, -1).string(Fields.TYPE, Fields.TYPE_EVENT)
            .string(Fields.EVENT, RECONCILE_DIFFERENCE).string(DIFFERENCE, difference).string(ASSET, asset);
        decimal(Fields.POSITION, position);
        decimal(BALANCE, balance);
        out.decimal(DELTA, delta, scale).timestamp(Fields.TIMESTAMP, micros).publish();
    }

    /** kraken:errors: no token, so no connection (GetWebSocketsToken refused or unreachable). */
    void authError(final String reason, final long micros)
    {
        out.begin(StreamCatalog.KRAKEN_ERRORS, -1, -1).string(Fields.TYPE, Fields.TYPE_ERROR)
            .string(Fields.ERROR, AUTH_ERROR).string(Fields.REASON, reason).timestamp(Fields.TIMESTAMP, micros).publish();
    }

    private void text(final byte[] name, final String value)
    {
        if (value != null)
        {
            out.string(name, value);
        }
    }

    private void decimal(final byte[] name, final KrakenDecimal value)
    {
        if (value.present())
        {
            out.decimal(name, value.unscaled(), value.scale());
        }
    }
}
