package io.tradingcore.adapters.kraken.auth;

import io.tradingcore.core.kraken.ParseError;
import io.tradingcore.core.kraken.Side;
import io.tradingcore.core.stream.StreamCatalog;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Frames the simulator's private endpoint sends that the order client cannot use: each is counted and
 * written once to kraken:errors with its head, and the connection goes on (a later fill is processed).
 */
class OrderConnectionRejectsTest
{
    private static final String TRADE_ROW = "{\"order_id\":\"OX1\",\"exec_id\":\"TX1\",\"exec_type\":\"trade\","
        + "\"symbol\":\"BTC/USD\",\"side\":\"buy\",\"last_qty\":0.01,\"last_price\":62000.0,\"order_status\":\"filled\"}";

    @Test
    void textThatIsNotJsonIsReportedOnceAndTheConnectionGoesOn()
    {
        try (PrivateSession s = new PrivateSession())
        {
            // no object where the frame must be one: the reason the public feed gives such text too
            final Map<String, String> error = rejectOne(s, "this is not json", ParseError.WRONG_TYPE);
            assertEquals("parse_error", error.get("error"));
            assertEquals("wrong_type", error.get("reason"));
            assertEquals("unknown", error.get("channel"));
            assertEquals("this is not json", error.get("frame"));
        }
    }

    @Test
    void aBrokenExecutionsMessageIsReportedOnceAndTheConnectionGoesOn()
    {
        try (PrivateSession s = new PrivateSession())
        {
            final String cut = "{\"channel\":\"executions\",\"type\":\"update\",\"data\":[{\"order_id\":\"OX1\",\"exec_type\":\"tr";
            final Map<String, String> error = rejectOne(s, cut, ParseError.TRUNCATED);
            assertEquals("parse_error", error.get("error"));
            assertEquals("executions", error.get("channel"));
            assertEquals(cut, error.get("frame"));
        }
    }

    @Test
    void aBrokenBalancesMessageIsReportedOnceAndTheNextBalanceUpdateIsStillRead()
    {
        try (PrivateSession s = new PrivateSession())
        {
            final String broken = "{\"channel\":\"balances\",\"type\":\"update\",\"data\":[{\"asset\":\"BTC\",\"balance\":}]}";
            final Map<String, String> error = rejectOne(s, broken, ParseError.SYNTAX);
            assertEquals("balances", error.get("channel"));
            assertEquals(broken.indexOf(":}") + 1, Integer.parseInt(error.get("position")));
            s.await(StreamCatalog.KRAKEN_BALANCE, f -> "BTC".equals(f.get("asset")) && "false".equals(f.get("snapshot")));
        }
    }

    @Test
    void aFillWithoutItsQuantityIsRejectedWhileTheOtherRowsOfItsMessageAreRead()
    {
        try (PrivateSession s = new PrivateSession())
        {
            final String rows = "{\"channel\":\"executions\",\"type\":\"update\",\"data\":["
                + TRADE_ROW.replace("\"last_qty\":0.01,", "") + ",{\"order_id\":\"OX2\",\"exec_type\":\"canceled\","
                + "\"order_status\":\"canceled\",\"cl_ord_id\":\"elsewhere-2\",\"symbol\":\"BTC/USD\"}]}";
            final Map<String, String> error = rejectOne(s, rows, ParseError.MISSING_FIELD);
            assertEquals("executions", error.get("channel"));
            assertEquals(rows.indexOf("{\"order_id\""), Integer.parseInt(error.get("position")), "the row's start");
            s.await(StreamCatalog.KRAKEN_ORDERS, f -> "OX2".equals(f.get("order_id")));
            assertTrue(s.entries(StreamCatalog.KRAKEN_FILLS).stream().noneMatch(f -> "OX1".equals(f.get("order_id"))));
        }
    }

    @Test
    void aFillOfANegativeQuantityIsRejected()
    {
        try (PrivateSession s = new PrivateSession())
        {
            final String negative = "{\"channel\":\"executions\",\"type\":\"update\",\"data\":["
                + TRADE_ROW.replace("0.01", "-0.01") + "]}";
            assertEquals("value_out_of_range", rejectOne(s, negative, ParseError.VALUE_OUT_OF_RANGE).get("reason"));
            assertTrue(s.entries(StreamCatalog.KRAKEN_FILLS).stream().noneMatch(f -> "OX1".equals(f.get("order_id"))));
        }
    }

    @Test
    void aBalanceRowWithoutItsBalanceIsRejected()
    {
        try (PrivateSession s = new PrivateSession())
        {
            final String noBalance = "{\"channel\":\"balances\",\"type\":\"update\",\"data\":[{\"asset\":\"DOGE\",\"amount\":1}]}";
            assertEquals("balances", rejectOne(s, noBalance, ParseError.MISSING_FIELD).get("channel"));
            assertTrue(s.entries(StreamCatalog.KRAKEN_BALANCE).stream().noneMatch(f -> "DOGE".equals(f.get("asset"))));
        }
    }

    @Test
    void anUnknownChannelIsAnUnknownFrame()
    {
        try (PrivateSession s = new PrivateSession())
        {
            final String unknown = "{\"channel\":\"mystery\",\"type\":\"update\",\"data\":[]}";
            final Map<String, String> error = rejectOne(s, unknown, ParseError.NONE);
            assertEquals("unknown_frame", error.get("error"));
            assertEquals("none", error.get("reason"));
            assertEquals(unknown, error.get("frame"));
        }
    }

    @Test
    void anAnswerToARequestNeverSentIsAnUnknownFrame()
    {
        try (PrivateSession s = new PrivateSession())
        {
            final Map<String, String> error = rejectOne(s, "{\"method\":\"edit_order\",\"result\":{},\"success\":true}",
                ParseError.NONE);
            assertEquals("unknown_frame", error.get("error"));
            assertEquals("method", error.get("channel"));
        }
    }

    @Test
    void aStatusWithoutItsStatusIsRejected()
    {
        try (PrivateSession s = new PrivateSession())
        {
            final Map<String, String> error = rejectOne(s, "{\"channel\":\"status\",\"type\":\"update\",\"data\":[]}",
                ParseError.MISSING_FIELD);
            assertEquals("status", error.get("channel"));
        }
    }

    @Test
    void aSuccessNamingNoRequestIsAnUnknownFrame()
    {
        try (PrivateSession s = new PrivateSession())
        {
            assertEquals("unknown_frame", rejectOne(s, "{\"result\":{},\"success\":true}", ParseError.NONE).get("error"));
        }
    }

    @Test
    void bytesThatAreNotUtf8AreReportedWithTheirValidHead()
    {
        try (PrivateSession s = new PrivateSession())
        {
            s.awaitReady();
            final byte[] latin1 = "{\"channel\":\"executions\",\"type\":\"update\",\"data\":[{\"order_id\":\"O\u00e9\"}]}"
                .getBytes(StandardCharsets.ISO_8859_1); // é as one byte that is no UTF-8
            s.endpoint.sendFrame(latin1);
            final Map<String, String> error = awaitOneAfterAFill(s, ParseError.INVALID_UTF8);
            assertEquals("invalid_utf8", error.get("reason"));
            assertEquals("{\"channel\":\"executions\",\"type\":\"update\",\"data\":[{\"order_id\":\"O", error.get("frame"));
        }
    }

    /** Sends {@code frame} once the client is ready; its one kraken:errors entry, after a later order still filled. */
    private static Map<String, String> rejectOne(final PrivateSession s, final String frame, final int reason)
    {
        s.awaitReady();
        s.endpoint.sendFrame(frame.getBytes(StandardCharsets.UTF_8));
        return awaitOneAfterAFill(s, reason);
    }

    private static Map<String, String> awaitOneAfterAFill(final PrivateSession s, final int reason)
    {
        assertTrue(s.client.submit(s.intent(41, Side.BUY, 1_000_000, 0), 0), new String(s.client.refusal()));
        final String clOrdId = s.client.clientOrderId(41);
        s.await(StreamCatalog.ORDERS_CONFIRMATIONS, f -> clOrdId.equals(f.get("cl_ord_id")) && "filled".equals(f.get("status")));
        final List<Map<String, String>> errors = s.entries(StreamCatalog.KRAKEN_ERRORS).stream()
            .filter(f -> "parse_error".equals(f.get("error")) || "unknown_frame".equals(f.get("error")))
            .collect(Collectors.toList());
        assertEquals(1, errors.size(), errors.toString());
        assertEquals(1, s.client.framesRejected(reason));
        assertEquals(1, s.client.framesRejected());
        assertTrue(errors.get(0).containsKey("timestamp"));
        return errors.get(0);
    }
}
