package io.tradingcore.adapters.kraken.auth;

import io.tradingcore.core.kraken.Side;
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
    };

    private boolean decode(final String text)
    {
        final byte[] bytes = ("  " + text + " ").getBytes(StandardCharsets.UTF_8);
        return decoder.decode(new UnsafeBuffer(bytes), 2, bytes.length - 3, recorder);
    }

    private ExecutionRow onlyRow(final String row)
    {
        final ExecutionRow[] kept = new ExecutionRow[1];
        final byte[] bytes = ("{\"channel\":\"executions\",\"type\":\"update\",\"data\":[" + row + "]}")
            .getBytes(StandardCharsets.UTF_8);
        assertTrue(decoder.decode(new UnsafeBuffer(bytes), 0, bytes.length, new PrivateChannelDecoder.Handler()
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
        assertTrue(decode("{\"channel\":\"executions\",\"data\":[" + TRADE_ROW + ",{\"order_id\":\"O3\",\"exec_type\":\"new\","
            + "\"order_status\":\"new\"}],\"type\":\"snapshot\",\"sequence\":1}"));
        assertEquals(List.of("snapshot trade OK4GJX-KSTLS-7DZZO5 partially_filled 500000@265999 fee 3458 USD",
            "snapshot new O3 new -", "end executions"), seen);
    }

    @Test
    void balanceSnapshotsAndLedgerUpdatesAreRead()
    {
        assertTrue(decode("{\"channel\":\"balances\",\"type\":\"snapshot\",\"data\":[{\"asset\":\"BTC\",\"asset_class\":"
            + "\"currency\",\"balance\":10.01000000,\"wallets\":[{\"type\":\"spot\",\"balance\":10.01}]},"
            + "{\"asset\":\"USD\",\"balance\":100000}]}"));
        assertTrue(decode("{\"channel\":\"balances\",\"type\":\"update\",\"data\":[{\"ledger_id\":\"L1\",\"type\":\"trade\","
            + "\"asset\":\"BTC\",\"amount\":-0.01,\"fee\":0,\"balance\":10.00000000,\"timestamp\":\"2026-11-25T16:39:36.123456Z\"}]}"));
        assertEquals(List.of("snapshot BTC 1001000000e-8", "snapshot USD 100000e-0", "end balances",
            "update BTC 1000000000e-8 amount -1 trade", "end balances"), seen);
    }

    @Test
    void otherMessagesAreLeftToTheCaller()
    {
        assertFalse(decode("{\"method\":\"subscribe\",\"success\":true,\"result\":{\"channel\":\"executions\"}}"));
        assertFalse(decode("{\"channel\":\"status\",\"type\":\"update\",\"data\":[{\"system\":\"online\"}]}"));
        assertFalse(decode("{\"channel\":\"executions\",\"type\":\"update\""));
        assertFalse(decode("{\"channel\":\"executions\",\"type\":\"update\",\"data\":[" + TRADE_ROW
            + ",{\"order_id\":\"O4\",\"order_status\":new}]}"), "a broken row: no row of the message is handed on");
        assertTrue(seen.isEmpty());
    }
}
