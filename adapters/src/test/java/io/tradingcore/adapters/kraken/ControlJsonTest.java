package io.tradingcore.adapters.kraken;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ControlJsonTest
{
    @Test
    void aStatusFrameAsMapsListsAndExactNumbers()
    {
        final Map<String, Object> frame = ControlJson.parseObject("{\"channel\":\"status\",\"type\":\"update\",\"data\":[{"
            + "\"api_version\":\"v2\",\"connection_id\":18446744073709551615,\"system\":\"online\",\"version\":\"2.0.0\"}],"
            + "\"rate\":1.50,\"ok\":true,\"none\":null,\"text\":\"a\\\"b\\u00e9\"}");
        final Map<String, Object> data = ControlJson.asObject(ControlJson.asArray(frame.get("data")).get(0));
        assertEquals(new BigDecimal("18446744073709551615"), data.get("connection_id"), "beyond a signed long, exact");
        assertEquals(-1, ControlJson.integer(data, "connection_id", -1), "not a long: absent");
        assertEquals(new BigDecimal("1.50"), frame.get("rate"), "the scale as written");
        assertTrue(ControlJson.bool(frame, "ok", false));
        assertTrue(frame.containsKey("none") && frame.get("none") == null);
        assertEquals("a\"bé", ControlJson.string(frame, "text"));
        assertEquals(List.of("channel", "type", "data", "rate", "ok", "none", "text"), List.copyOf(frame.keySet()), "in order");
        assertEquals(List.of("BTC/USD", "ETH/USD"),
            ControlJson.strings(ControlJson.parseObject("{\"symbol\":[\"BTC/USD\",1,\"ETH/USD\"]}"), "symbol"));
    }

    @Test
    void malformedInputNamesTheOffset()
    {
        for (final String bad : Arrays.asList("{\"a\":1,\"a\":2}", "{\"a\":1} x", "{\"a\":", "", "[1,]", "{'a':1}"))
        {
            final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> ControlJson.parse(bad), bad);
            assertTrue(ex.getMessage().startsWith("malformed JSON at offset "), ex.getMessage());
            assertNull(ControlJson.parseObject(bad), bad);
        }
        assertNull(ControlJson.parseObject("[1]"), "not an object");
    }
}
