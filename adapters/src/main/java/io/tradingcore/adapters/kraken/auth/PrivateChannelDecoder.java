package io.tradingcore.adapters.kraken.auth;

import io.tradingcore.core.kraken.Channel;
import io.tradingcore.core.kraken.JsonCursor;
import io.tradingcore.core.kraken.ParseError;
import io.tradingcore.core.kraken.Utf8;
import io.tradingcore.core.kraken.WordTable;
import io.tradingcore.core.time.Rfc3339;
import org.agrona.DirectBuffer;

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

        /**
         * A frame, or one row of it, that cannot be used: {@code error} a {@link ParseError}, {@code channel}
         * the {@link Channel} it was read as (unknown when it broke before saying), {@code position} where
         * it failed or its row starts, from the frame's start.
         */
        void onRejected(int error, int channel, int position, DirectBuffer frame, int offset, int length);
    }

    private static final int CHANNEL = 0;
    private static final int TYPE = 1;
    private static final int DATA = 2;
    private static final int EXECUTIONS = 3;
    private static final int BALANCES = 4;
    private static final int SNAPSHOT = 5;
    private static final int ORDER_ID = 6;
    private static final int CL_ORD_ID = 7;
    private static final int EXEC_TYPE = 8;
    private static final int ORDER_STATUS = 9;
    private static final int SYMBOL = 10;
    private static final int SIDE = 11;
    private static final int ORDER_TYPE = 12;
    private static final int ORDER_QTY = 13;
    private static final int LIMIT_PRICE = 14;
    private static final int EXEC_ID = 15;
    private static final int TRADE_ID = 16;
    private static final int LAST_QTY = 17;
    private static final int LAST_PRICE = 18;
    private static final int COST = 19;
    private static final int CUM_QTY = 20;
    private static final int AVG_PRICE = 21;
    private static final int LIQUIDITY_IND = 22;
    private static final int CANCEL_REASON = 23;
    private static final int REASON = 24;
    private static final int TIMESTAMP = 25;
    private static final int FEES = 26;
    private static final int FEE_USD_EQUIV = 27;
    private static final int QTY = 28;
    private static final int ASSET = 29;
    private static final int BALANCE = 30;
    private static final int AMOUNT = 31;
    private static final int FEE = 32;

    /** The members and values this decoder acts on, in the order of the codes above. */
    private static final WordTable WORDS = new WordTable(
        "channel", "type", "data", "executions", "balances", "snapshot", "order_id", "cl_ord_id", "exec_type",
        "order_status", "symbol", "side", "order_type", "order_qty", "limit_price", "exec_id", "trade_id",
        "last_qty", "last_price", "cost", "cum_qty", "avg_price", "liquidity_ind", "cancel_reason", "reason",
        "timestamp", "fees", "fee_usd_equiv", "qty", "asset", "balance", "amount", "fee");

    private final JsonCursor cursor = new JsonCursor();
    private final JsonCursor quoted = new JsonCursor();
    private final ExecutionRow execution = new ExecutionRow();
    private final BalanceRow balance = new BalanceRow();
    private final KrakenDecimal feeItem = new KrakenDecimal();
    private final KrakenDecimal feeUsd = new KrakenDecimal();

    /**
     * Decodes one message. An executions or balances message hands on its rows in order, then its end
     * ({@link Channel#EXECUTIONS}, {@link Channel#BALANCES}); a row it cannot use (not an object, missing
     * what it needs, a fill of no quantity or price) is rejected and the others still go. A frame that is
     * not UTF-8, or whose text is broken anywhere, hands on no row: the first pass over its members checks
     * the whole text first ({@link Channel#MALFORMED}). Every rejection goes to
     * {@link Handler#onRejected}. {@link Channel#UNKNOWN}: a well-formed message of another channel or
     * a method answer, left to the caller.
     */
    int decode(final DirectBuffer buffer, final int offset, final int length, final Handler handler)
    {
        final int valid = Utf8.validPrefix(buffer, offset, length, length);
        if (valid != length)
        {
            handler.onRejected(ParseError.INVALID_UTF8, Channel.UNKNOWN, valid, buffer, offset, length);
            return Channel.MALFORMED;
        }
        cursor.wrap(buffer, offset, length);
        int channel = Channel.UNKNOWN;
        boolean snapshot = false;
        int data = -1;
        if (cursor.beginObject())
        {
            for (int key = cursor.nextKey(WORDS); key >= WordTable.NONE; key = cursor.nextKey(WORDS))
            {
                if (key == CHANNEL && cursor.atString() && cursor.readString())
                {
                    final int name = cursor.string(WORDS);
                    channel = name == EXECUTIONS ? Channel.EXECUTIONS : name == BALANCES ? Channel.BALANCES : Channel.UNKNOWN;
                }
                else if (key == TYPE && cursor.atString() && cursor.readString())
                {
                    snapshot = cursor.string(WORDS) == SNAPSHOT;
                }
                else
                {
                    if (key == DATA)
                    {
                        data = cursor.position(); // the type may come after the rows: read them once it is known
                    }
                    cursor.skipValue();
                }
            }
        }
        if (cursor.failed() || !cursor.atEnd())
        {
            handler.onRejected(cursor.error(), channel, cursor.errorPosition() - offset, buffer, offset, length);
            return Channel.MALFORMED;
        }
        if (channel == Channel.UNKNOWN)
        {
            return Channel.UNKNOWN;
        }
        if (data < 0)
        {
            handler.onRejected(ParseError.MISSING_FIELD, channel, 0, buffer, offset, length);
            return Channel.MALFORMED;
        }
        cursor.position(data);
        if (!cursor.beginArray())
        {
            handler.onRejected(ParseError.WRONG_TYPE, channel, data - offset, buffer, offset, length);
            return Channel.MALFORMED;
        }
        for (int e = cursor.nextElement(); e == JsonCursor.VALUE; e = cursor.nextElement())
        {
            final int row = cursor.position();
            final int error = !cursor.atObject() ? notARow()
                : channel == Channel.EXECUTIONS ? readExecution(buffer) : readBalance(buffer);
            if (error != ParseError.NONE)
            {
                handler.onRejected(error, channel, row - offset, buffer, offset, length);
            }
            else if (channel == Channel.EXECUTIONS)
            {
                handler.onExecution(execution, snapshot);
            }
            else
            {
                handler.onBalance(balance, snapshot);
            }
        }
        if (channel == Channel.EXECUTIONS)
        {
            handler.onExecutionsEnd(snapshot);
        }
        else
        {
            handler.onBalancesEnd(snapshot);
        }
        return channel;
    }

    private int notARow()
    {
        cursor.skipValue();
        return ParseError.WRONG_TYPE;
    }

    /**
     * A {@link ParseError}: {@link ParseError#NONE} for a usable row, which names its order, and if it is a
     * fill, its id and a quantity and price above zero.
     */
    private int readExecution(final DirectBuffer buffer)
    {
        final ExecutionRow r = execution;
        r.clear();
        feeUsd.clear();
        String cancelReason = null;
        cursor.beginObject();
        for (int key = cursor.nextKey(WORDS); key >= WordTable.NONE; key = cursor.nextKey(WORDS))
        {
            if (key == ORDER_ID)
            {
                r.orderId = text(buffer);
            }
            else if (key == CL_ORD_ID)
            {
                r.clOrdId = text(buffer);
            }
            else if (key == EXEC_TYPE)
            {
                r.execType = text(buffer);
            }
            else if (key == ORDER_STATUS)
            {
                r.orderStatus = text(buffer);
            }
            else if (key == SYMBOL)
            {
                r.symbol = text(buffer);
            }
            else if (key == SIDE)
            {
                r.side = text(buffer);
            }
            else if (key == ORDER_TYPE)
            {
                r.orderType = text(buffer);
            }
            else if (key == EXEC_ID)
            {
                r.execId = text(buffer);
            }
            else if (key == TRADE_ID)
            {
                r.tradeId = text(buffer); // a number in Kraken's docs: its digits are the id
            }
            else if (key == LIQUIDITY_IND)
            {
                r.liquidity = text(buffer);
            }
            else if (key == CANCEL_REASON)
            {
                cancelReason = text(buffer);
            }
            else if (key == REASON)
            {
                r.reason = text(buffer);
            }
            else if (key == TIMESTAMP)
            {
                r.micros = micros(buffer);
            }
            else if (key == FEES)
            {
                readFees(buffer, r);
            }
            else if (!readDecimal(buffer, r, key))
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
        if (cursor.failed())
        {
            return cursor.error();
        }
        if (r.orderId == null || r.reportsTrade() && !r.isTrade())
        {
            return ParseError.MISSING_FIELD;
        }
        return r.isTrade() && (r.lastQty.unscaled() <= 0 || r.lastPrice.unscaled() <= 0)
            ? ParseError.VALUE_OUT_OF_RANGE : ParseError.NONE;
    }

    /** The row's decimal members; false when the current member is none of them. */
    private boolean readDecimal(final DirectBuffer buffer, final ExecutionRow r, final int key)
    {
        final KrakenDecimal target = key == ORDER_QTY ? r.orderQty : key == LIMIT_PRICE ? r.limitPrice
            : key == LAST_QTY ? r.lastQty : key == LAST_PRICE ? r.lastPrice : key == COST ? r.cost
            : key == CUM_QTY ? r.cumQty : key == AVG_PRICE ? r.avgPrice
            : key == FEE_USD_EQUIV ? feeUsd : null;
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
        for (int e = cursor.nextElement(); e == JsonCursor.VALUE; e = cursor.nextElement())
        {
            if (!cursor.atObject())
            {
                cursor.skipValue();
                continue;
            }
            cursor.beginObject();
            feeItem.clear();
            String asset = null;
            for (int key = cursor.nextKey(WORDS); key >= WordTable.NONE; key = cursor.nextKey(WORDS))
            {
                if (key == QTY)
                {
                    decimal(buffer, feeItem);
                }
                else if (key == ASSET)
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

    /** A {@link ParseError}: {@link ParseError#NONE} for a usable row, which names its asset and balance. */
    private int readBalance(final DirectBuffer buffer)
    {
        final BalanceRow r = balance;
        r.clear();
        cursor.beginObject();
        for (int key = cursor.nextKey(WORDS); key >= WordTable.NONE; key = cursor.nextKey(WORDS))
        {
            if (key == ASSET)
            {
                r.asset = text(buffer);
            }
            else if (key == BALANCE)
            {
                decimal(buffer, r.balance);
            }
            else if (key == AMOUNT)
            {
                decimal(buffer, r.amount);
            }
            else if (key == FEE)
            {
                decimal(buffer, r.fee);
            }
            else if (key == TYPE)
            {
                r.ledgerType = text(buffer);
            }
            else if (key == TIMESTAMP)
            {
                r.micros = micros(buffer);
            }
            else
            {
                cursor.skipValue();
            }
        }
        if (cursor.failed())
        {
            return cursor.error();
        }
        return r.asset == null || !r.balance.present() ? ParseError.MISSING_FIELD : ParseError.NONE;
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
