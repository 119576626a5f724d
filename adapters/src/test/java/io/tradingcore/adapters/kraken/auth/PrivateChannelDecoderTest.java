package io.tradingcore.adapters.kraken.auth;

import io.tradingcore.core.kraken.Channel;
import io.tradingcore.core.kraken.ParseError;
import io.tradingcore.core.kraken.Side;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Executions and balances messages read from their bytes into typed rows. */
class PrivateChannelDecoderTest
{
    private static final String TRADE_ROW = "{\"order_id\":\"OK4GJX-KSTLS-7DZZO5\",\"exec_id\":\"TGBB7L-HT5LX-J3BZ4A\","
        + "\"exec_type\":\"trade\",\"trade_id\":62887576,\"symbol\":\"BTC/USD\",\"side\":\"sell\",\"last_qty\":0.005,"
        + "\"last_price\":26599.9,\"liquidity_ind\":\"t\",\"cost\":132.9995,\"order_status\":\"partially_filled\","
        + "\"fees\":[{\"asset\":\"USD\",\"qty\":0.3458}],\"timestamp\":\"2023-09-22T10:33:05.709950Z\"}";

    private final PrivateChannelDecoder decoder = new PrivateChannelDecoder();
    private final List<String> seen = new ArrayList<>();
    private final PrivateChannelDecoder.Handler recorder = new PrivateChannelDecoder.Handler()
    {
        @Override
        public void onExecution(final ExecutionRow r, final boolean snapshot)
        {
            seen.add((snapshot ? "snapshot " : "update ") + r.execType + " " + r.orderId + " " + r.orderStatus + " "
                + (r.isTrade() ? r.lastQty.at(8) + "@" + r.lastPrice.at(1) + " fee " + r.fee.at(4) + " " + r.feeAsset : "-"));
        }

        @Override
        public void onExecutionsEnd(final boolean snapshot)
        {
            seen.add("end executions");
        }

        @Override
        public void onBalance(final BalanceRow r, final boolean snapshot)
        {
            seen.add((snapshot ? "snapshot " : "update ") + r.asset + " " + r.balance.unscaled() + "e-" + r.balance.scale()
                + (r.amount.present() ? " amount " + r.amount.unscaled() + " " + r.ledgerType : ""));
        }

        @Override
        public void onBalancesEnd(final boolean snapshot)
        {
            seen.add("end balances");
        }

        @Override
        public void onRejected(final int error, final int channel, final int position, final DirectBuffer frame,
            final int offset, final int length)
        {
            seen.add("rejected " + ParseError.name(error) + " " + Channel.name(channel) + " at " + position);
        }
    };

    private int decode(final String text)
    {
        final byte[] bytes = ("  " + text + " ").getBytes(StandardCharsets.UTF_8);
        return decoder.decode(new UnsafeBuffer(bytes), 2, bytes.length - 3, recorder);
    }

    private ExecutionRow onlyRow(final String row)
    {
        final ExecutionRow[] kept = new ExecutionRow[1];
        final byte[] bytes = ("{\"channel\":\"executions\",\"type\":\"update\",\"data\":[" + row + "]}")
            .getBytes(StandardCharsets.UTF_8);
        assertEquals(Channel.EXECUTIONS, decoder.decode(new UnsafeBuffer(bytes), 0, bytes.length, new PrivateChannelDecoder.Handler()
        {
            @Override
            public void onExecution(final ExecutionRow r, final boolean snapshot)
            {
                kept[0] = r;
            }

            @Override
            public void onExecutionsEnd(final boolean snapshot)
            {
            }

            @Override
            public void onBalance(final BalanceRow r, final boolean snapshot)
            {
            }

            @Override
            public void onBalancesEnd(final boolean snapshot)
            {
            }

            @Override
            public void onRejected(final int error, final int channel, final int position, final DirectBuffer frame,
                final int offset, final int length)
            {
            }
        }));
        return kept[0];
    }

    @Test
    void decimalsAreReadAsNumbersOrStringsAtTheirTextsScale()
    {
        final String asStrings = TRADE_ROW.replace("\"last_price\":26599.9", "\"last_price\":\"26599.9\"")
            .replace("\"cost\":132.9995", "\"cost\":\"132.9995\"").replace("\"qty\":0.3458", "\"qty\":\"0.3458\"");
        for (final String row : new String[] {TRADE_ROW, asStrings})
        {
            final ExecutionRow r = onlyRow(row);
            assertTrue(r.isTrade());
            assertFalse(r.isTerminal());
            assertEquals(Side.SELL, r.sideCode());
            assertEquals(265_999L, r.lastPrice.at(1));
            assertEquals(500_000L, r.lastQty.at(8));
            assertEquals(1_329_995L, r.cost.unscaled());
            assertEquals(4, r.cost.scale());
            assertEquals(3458L, r.fee.unscaled());
            assertEquals("USD", r.feeAsset);
            assertEquals("62887576", r.tradeId);
            assertEquals(1_695_378_785_709_950L, r.micros(-1));
        }
    }

    @Test
    void aShortStatusRowLeavesTheRestAbsent()
    {
        final ExecutionRow r = onlyRow("{\"order_id\":\"O1\",\"exec_type\":\"canceled\",\"order_status\":\"canceled\","
            + "\"cancel_reason\":\"User requested\",\"timestamp\":\"bad\"}");
        assertFalse(r.isTrade());
        assertTrue(r.isTerminal());
        assertNull(r.symbol);
        assertFalse(r.fee.present());
        assertFalse(r.lastQty.present());
        assertEquals("User requested", r.reason);
        assertEquals(-1, r.sideCode());
        assertEquals(42, r.micros(42), "an unreadable time falls back");
    }

    @Test
    void feesAddUpAndTheUsdEquivalentStandsInWhenThereAreNone()
    {
        final ExecutionRow two = onlyRow(TRADE_ROW.replace("[{\"asset\":\"USD\",\"qty\":0.3458}]",
            "[{\"asset\":\"USD\",\"qty\":0.3458},{\"asset\":\"USD\",\"qty\":0.01}]"));
        assertEquals(3558L, two.fee.at(4));
        final ExecutionRow none = onlyRow(TRADE_ROW.replace("\"fees\":[{\"asset\":\"USD\",\"qty\":0.3458}]",
            "\"fee_usd_equiv\":0.5"));
        assertEquals(5L, none.fee.unscaled());
        assertEquals(1, none.fee.scale());
    }

    @Test
    void unknownMembersAndValuesOfOtherTypesAreSkipped()
    {
        final ExecutionRow r = onlyRow("{\"order_id\":\"O2\",\"extra\":{\"a\":[1,2,{\"b\":null}]},\"last_qty\":null,"
            + "\"limit_price\":true,\"order_qty\":\"n/a\",\"symbol\":\"ETH/USD\",\"order_status\":\"new\"}");
        assertEquals("O2", r.orderId);
        assertEquals("ETH/USD", r.symbol);
        assertFalse(r.lastQty.present());
        assertFalse(r.limitPrice.present());
        assertFalse(r.orderQty.present());
        assertEquals("new", r.orderStatus);
    }

    @Test
    void theMessageTypeMayFollowItsRowsAndEveryRowThenItsEndIsHandedOn()
    {
        assertEquals(Channel.EXECUTIONS, decode("{\"channel\":\"executions\",\"data\":[" + TRADE_ROW + ",{\"order_id\":\"O3\",\"exec_type\":\"new\","
            + "\"order_status\":\"new\"}],\"type\":\"snapshot\",\"sequence\":1}"));
        assertEquals(List.of("snapshot trade OK4GJX-KSTLS-7DZZO5 partially_filled 500000@265999 fee 3458 USD",
            "snapshot new O3 new -", "end executions"), seen);
    }

    @Test
    void balanceSnapshotsAndLedgerUpdatesAreRead()
    {
        assertEquals(Channel.BALANCES, decode("{\"channel\":\"balances\",\"type\":\"snapshot\",\"data\":[{\"asset\":\"BTC\",\"asset_class\":"
            + "\"currency\",\"balance\":10.01000000,\"wallets\":[{\"type\":\"spot\",\"balance\":10.01}]},"
            + "{\"asset\":\"USD\",\"balance\":100000}]}"));
        assertEquals(Channel.BALANCES, decode("{\"channel\":\"balances\",\"type\":\"update\",\"data\":[{\"ledger_id\":\"L1\",\"type\":\"trade\","
            + "\"asset\":\"BTC\",\"amount\":-0.01,\"fee\":0,\"balance\":10.00000000,\"timestamp\":\"2026-11-25T16:39:36.123456Z\"}]}"));
        assertEquals(List.of("snapshot BTC 1001000000e-8", "snapshot USD 100000e-0", "end balances",
            "update BTC 1000000000e-8 amount -1 trade", "end balances"), seen);
    }

    @Test
    void otherMessagesAreLeftToTheCaller()
    {
        assertEquals(Channel.UNKNOWN, decode("{\"method\":\"subscribe\",\"success\":true,\"result\":{\"channel\":\"executions\"}}"));
        assertEquals(Channel.UNKNOWN, decode("{\"channel\":\"status\",\"type\":\"update\",\"data\":[{\"system\":\"online\"}]}"));
        assertTrue(seen.isEmpty());
    }

    @Test
    void aMessageCutShortHandsOnNoRowAndIsRejected()
    {
        final String cut = "{\"channel\":\"executions\",\"type\":\"update\"";
        assertEquals(Channel.MALFORMED, decode(cut));
        assertEquals(List.of("rejected truncated executions at " + cut.length()), seen);
    }

    @Test
    void aMessageWhoseTextIsBrokenAnywhereHandsOnNoRowAndIsRejected()
    {
        final String text = "{\"channel\":\"executions\",\"type\":\"update\",\"data\":[" + TRADE_ROW
            + ",{\"order_id\":\"O4\",\"order_status\":new}]}";
        assertEquals(Channel.MALFORMED, decode(text), "a broken row: no row of the message is handed on");
        // where the literal it starts like (null) stops matching
        assertEquals(List.of("rejected syntax executions at " + (text.indexOf(":new}") + 2)), seen);
    }

    @Test
    void textThatIsNotJsonIsRejectedOfNoChannel()
    {
        assertEquals(Channel.MALFORMED, decode("this is not json"));
        assertEquals(1, seen.size());
        assertTrue(seen.get(0).startsWith("rejected "), seen.get(0));
        assertTrue(seen.get(0).contains(" unknown at 0"), seen.get(0));
    }

    @Test
    void rowsThatCannotBeUsedAreRejectedAndTheOthersHandedOn()
    {
        final String text = "{\"channel\":\"executions\",\"type\":\"update\",\"data\":[42,{\"exec_type\":\"new\"},"
            + TRADE_ROW.replace("\"exec_id\":\"TGBB7L-HT5LX-J3BZ4A\",", "") + "," + TRADE_ROW.replace("0.005", "0") + ","
            + TRADE_ROW + "]}";
        assertEquals(Channel.EXECUTIONS, decode(text));
        final int rows = text.indexOf('[') + 1;
        assertEquals(List.of("rejected wrong_type executions at " + rows,
            "rejected missing_field executions at " + text.indexOf("{\"exec_type\":\"new\"}"),
            "rejected missing_field executions at " + text.indexOf("{\"order_id\""),
            "rejected value_out_of_range executions at " + text.indexOf("{\"order_id\"", text.indexOf("{\"order_id\"") + 1),
            "update trade OK4GJX-KSTLS-7DZZO5 partially_filled 500000@265999 fee 3458 USD", "end executions"), seen);
    }

    @Test
    void aBalanceRowWithoutItsAssetOrBalanceIsRejected()
    {
        final String text = "{\"channel\":\"balances\",\"type\":\"snapshot\",\"data\":[{\"balance\":1},"
            + "{\"asset\":\"BTC\"},{\"asset\":\"USD\",\"balance\":5}]}";
        assertEquals(Channel.BALANCES, decode(text));
        assertEquals(List.of("rejected missing_field balances at " + text.indexOf("{\"balance\""),
            "rejected missing_field balances at " + text.indexOf("{\"asset\":\"BTC\""), "snapshot USD 5e-0", "end balances"), seen);
    }

    @Test
    void bytesThatAreNotUtf8AreRejectedWhereTheyStart()
    {
        final String text = "{\"channel\":\"executions\",\"data\":[{\"order_id\":\"\u00e9\"}]}";
        final byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1); // é as one byte that is no UTF-8
        assertEquals(Channel.MALFORMED, decoder.decode(new UnsafeBuffer(bytes), 0, bytes.length, recorder));
        assertEquals(List.of("rejected invalid_utf8 unknown at " + text.indexOf('\u00e9')), seen);
    }
}
