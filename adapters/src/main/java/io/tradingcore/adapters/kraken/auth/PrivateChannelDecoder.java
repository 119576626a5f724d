package io.tradingcore.adapters.kraken.auth;

import io.tradingcore.core.kraken.JsonCursor;
import io.tradingcore.core.time.Rfc3339;
import org.agrona.DirectBuffer;

import static io.tradingcore.core.stream.EntryWriter.ascii;

/**
 * Reads the authenticated connection's {@code executions} and {@code balances} messages straight from
 * the frame's bytes into typed, reused rows ({@link ExecutionRow}, {@link BalanceRow}): no JSON tree,
 * no BigDecimal. Kraken types decimals as numbers, but copies of its docs quote some as strings (the
 * simulator sends both): both are read. Members it does not know are skipped. Connection thread only.
 */
final class PrivateChannelDecoder
{
    /** What a decoded message's rows go to, in order, then its end. */
    interface Handler
    {
        void onExecution(ExecutionRow row, boolean snapshot);

        void onExecutionsEnd(boolean snapshot);

        void onBalance(BalanceRow row, boolean snapshot);

        void onBalancesEnd(boolean snapshot);
    }

    private static final byte[] CHANNEL = ascii("channel");
    private static final byte[] TYPE = ascii("type");
    private static final byte[] DATA = ascii("data");
    private static final byte[] EXECUTIONS = ascii("executions");
    private static final byte[] BALANCES = ascii("balances");
    private static final byte[] SNAPSHOT = ascii("snapshot");
    private static final byte[] ORDER_ID = ascii("order_id");
    private static final byte[] CL_ORD_ID = ascii("cl_ord_id");
    private static final byte[] EXEC_TYPE = ascii("exec_type");
    private static final byte[] ORDER_STATUS = ascii("order_status");
    private static final byte[] SYMBOL = ascii("symbol");
    private static final byte[] SIDE = ascii("side");
    private static final byte[] ORDER_TYPE = ascii("order_type");
    private static final byte[] ORDER_QTY = ascii("order_qty");
    private static final byte[] LIMIT_PRICE = ascii("limit_price");
    private static final byte[] EXEC_ID = ascii("exec_id");
    private static final byte[] TRADE_ID = ascii("trade_id");
    private static final byte[] LAST_QTY = ascii("last_qty");
    private static final byte[] LAST_PRICE = ascii("last_price");
    private static final byte[] COST = ascii("cost");
    private static final byte[] CUM_QTY = ascii("cum_qty");
    private static final byte[] AVG_PRICE = ascii("avg_price");
    private static final byte[] LIQUIDITY_IND = ascii("liquidity_ind");
    private static final byte[] CANCEL_REASON = ascii("cancel_reason");
    private static final byte[] REASON = ascii("reason");
    private static final byte[] TIMESTAMP = ascii("timestamp");
    private static final byte[] FEES = ascii("fees");
    private static final byte[] FEE_USD_EQUIV = ascii("fee_usd_equiv");
    private static final byte[] QTY = ascii("qty");
    private static final byte[] ASSET = ascii("asset");
    private static final byte[] BALANCE = ascii("balance");
    private static final byte[] AMOUNT = ascii("amount");
    private static final byte[] FEE = ascii("fee");

    private final JsonCursor cursor = new JsonCursor();
    private final JsonCursor quoted = new JsonCursor();
    private final ExecutionRow execution = new ExecutionRow();
    private final BalanceRow balance = new BalanceRow();
    private final KrakenDecimal feeItem = new KrakenDecimal();
    private final KrakenDecimal feeUsd = new KrakenDecimal();

    /**
     * Decodes one executions or balances message; false (nothing handed on) when it is neither or is not
     * well-formed JSON: the first pass over its members checks the whole text before any row is handed on.
     */
    boolean decode(final DirectBuffer buffer, final int offset, final int length, final Handler handler)
    {
        cursor.wrap(buffer, offset, length);
        if (!cursor.beginObject())
        {
            return false;
        }
        boolean executions = false;
        boolean balances = false;
        boolean snapshot = false;
        int data = -1;
        for (int m = cursor.nextMember(true); m == JsonCursor.VALUE; m = cursor.nextMember(false))
        {
            if (cursor.keyIs(CHANNEL) && cursor.atString() && cursor.readString())
            {
                executions = cursor.stringIs(EXECUTIONS);
                balances = cursor.stringIs(BALANCES);
            }
            else if (cursor.keyIs(TYPE) && cursor.atString() && cursor.readString())
            {
                snapshot = cursor.stringIs(SNAPSHOT);
            }
            else
            {
                if (cursor.keyIs(DATA))
                {
                    data = cursor.position(); // the type may come after the rows: read them once it is known
                }
                cursor.skipValue();
            }
        }
        if (cursor.failed() || data < 0 || !(executions || balances))
        {
            return false;
        }
        cursor.position(data);
        if (cursor.beginArray())
        {
            for (int e = cursor.nextElement(true); e == JsonCursor.VALUE && cursor.atObject(); e = cursor.nextElement(false))
            {
                if (executions ? !readExecution(buffer) : !readBalance(buffer))
                {
                    break;
                }
                if (executions)
                {
                    handler.onExecution(execution, snapshot);
                }
                else
                {
                    handler.onBalance(balance, snapshot);
                }
            }
        }
        if (executions)
        {
            handler.onExecutionsEnd(snapshot);
        }
        else
        {
            handler.onBalancesEnd(snapshot);
        }
        return true;
    }

    private boolean readExecution(final DirectBuffer buffer)
    {
        final ExecutionRow r = execution;
        r.clear();
        feeUsd.clear();
        String cancelReason = null;
        cursor.beginObject();
        for (int m = cursor.nextMember(true); m == JsonCursor.VALUE; m = cursor.nextMember(false))
        {
            if (cursor.keyIs(ORDER_ID))
            {
                r.orderId = text(buffer);
            }
            else if (cursor.keyIs(CL_ORD_ID))
            {
                r.clOrdId = text(buffer);
            }
            else if (cursor.keyIs(EXEC_TYPE))
            {
                r.execType = text(buffer);
            }
            else if (cursor.keyIs(ORDER_STATUS))
            {
                r.orderStatus = text(buffer);
            }
            else if (cursor.keyIs(SYMBOL))
            {
                r.symbol = text(buffer);
            }
            else if (cursor.keyIs(SIDE))
            {
                r.side = text(buffer);
            }
            else if (cursor.keyIs(ORDER_TYPE))
            {
                r.orderType = text(buffer);
            }
            else if (cursor.keyIs(EXEC_ID))
            {
                r.execId = text(buffer);
            }
            else if (cursor.keyIs(TRADE_ID))
            {
                r.tradeId = text(buffer); // a number in Kraken's docs: its digits are the id
            }
            else if (cursor.keyIs(LIQUIDITY_IND))
            {
                r.liquidity = text(buffer);
            }
            else if (cursor.keyIs(CANCEL_REASON))
            {
                cancelReason = text(buffer);
            }
            else if (cursor.keyIs(REASON))
            {
                r.reason = text(buffer);
            }
            else if (cursor.keyIs(TIMESTAMP))
            {
                r.micros = micros(buffer);
            }
            else if (cursor.keyIs(FEES))
            {
                readFees(buffer, r);
            }
            else if (!readDecimal(buffer, r))
            {
                cursor.skipValue();
            }
        }
        if (cancelReason != null)
        {
            r.reason = cancelReason;
        }
        if (!r.fee.present())
        {
            r.fee.set(feeUsd);
        }
        return !cursor.failed();
    }

    /** The row's decimal members; false when the current member is none of them. */
    private boolean readDecimal(final DirectBuffer buffer, final ExecutionRow r)
    {
        final KrakenDecimal target = cursor.keyIs(ORDER_QTY) ? r.orderQty : cursor.keyIs(LIMIT_PRICE) ? r.limitPrice
            : cursor.keyIs(LAST_QTY) ? r.lastQty : cursor.keyIs(LAST_PRICE) ? r.lastPrice : cursor.keyIs(COST) ? r.cost
            : cursor.keyIs(CUM_QTY) ? r.cumQty : cursor.keyIs(AVG_PRICE) ? r.avgPrice
            : cursor.keyIs(FEE_USD_EQUIV) ? feeUsd : null;
        if (target == null)
        {
            return false;
        }
        decimal(buffer, target);
        return true;
    }

    private void readFees(final DirectBuffer buffer, final ExecutionRow r)
    {
        if (!cursor.beginArray())
        {
            return;
        }
        for (int e = cursor.nextElement(true); e == JsonCursor.VALUE; e = cursor.nextElement(false))
        {
            if (!cursor.atObject())
            {
                cursor.skipValue();
                continue;
            }
            cursor.beginObject();
            feeItem.clear();
            String asset = null;
            for (int m = cursor.nextMember(true); m == JsonCursor.VALUE; m = cursor.nextMember(false))
            {
                if (cursor.keyIs(QTY))
                {
                    decimal(buffer, feeItem);
                }
                else if (cursor.keyIs(ASSET))
                {
                    asset = text(buffer);
                }
                else
                {
                    cursor.skipValue();
                }
            }
            if (feeItem.present())
            {
                r.fee.add(feeItem);
                r.feeAsset = asset;
            }
        }
    }

    private boolean readBalance(final DirectBuffer buffer)
    {
        final BalanceRow r = balance;
        r.clear();
        cursor.beginObject();
        for (int m = cursor.nextMember(true); m == JsonCursor.VALUE; m = cursor.nextMember(false))
        {
            if (cursor.keyIs(ASSET))
            {
                r.asset = text(buffer);
            }
            else if (cursor.keyIs(BALANCE))
            {
                decimal(buffer, r.balance);
            }
            else if (cursor.keyIs(AMOUNT))
            {
                decimal(buffer, r.amount);
            }
            else if (cursor.keyIs(FEE))
            {
                decimal(buffer, r.fee);
            }
            else if (cursor.keyIs(TYPE))
            {
                r.ledgerType = text(buffer);
            }
            else if (cursor.keyIs(TIMESTAMP))
            {
                r.micros = micros(buffer);
            }
            else
            {
                cursor.skipValue();
            }
        }
        return !cursor.failed();
    }

    /** A string member's raw text, or a number's digits as written; null for anything else (skipped). */
    private String text(final DirectBuffer buffer)
    {
        if (cursor.atString())
        {
            return cursor.readString() ? buffer.getStringWithoutLengthUtf8(cursor.stringOffset(), cursor.stringLength()) : null;
        }
        final int start = cursor.position();
        final boolean number = atNumber(buffer);
        return cursor.skipValue() && number ? buffer.getStringWithoutLengthAscii(start, cursor.position() - start) : null;
    }

    /** A number, or a string holding one; the target is absent for anything else. */
    private void decimal(final DirectBuffer buffer, final KrakenDecimal target)
    {
        target.clear();
        if (cursor.atString())
        {
            if (cursor.readString())
            {
                quoted.wrap(buffer, cursor.stringOffset(), cursor.stringLength());
                if (quoted.readNumber() && quoted.atEnd())
                {
                    target.set(quoted.number());
                }
            }
        }
        else if (!atNumber(buffer))
        {
            cursor.skipValue(); // null, true, an object: the member is absent
        }
        else if (cursor.readNumber())
        {
            target.set(cursor.number());
        }
    }

    /** At a number value (after {@link JsonCursor#atString()} skipped the whitespace before it). */
    private boolean atNumber(final DirectBuffer buffer)
    {
        final int at = cursor.position();
        if (at >= cursor.end())
        {
            return false;
        }
        final byte c = buffer.getByte(at);
        return c == '-' || (c >= '0' && c <= '9');
    }

    private long micros(final DirectBuffer buffer)
    {
        if (cursor.atString() && cursor.readString())
        {
            return Rfc3339.parseMicros(buffer, cursor.stringOffset(), cursor.stringLength());
        }
        cursor.skipValue();
        return Rfc3339.INVALID;
    }
}
