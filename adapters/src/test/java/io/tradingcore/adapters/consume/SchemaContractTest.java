package io.tradingcore.adapters.consume;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SchemaContractTest
{
    private static Map<String, String> signal()
    {
        final Map<String, String> fields = new LinkedHashMap<>();
        fields.put("type", "signal");
        fields.put("id", "sig-000001");
        fields.put("correlation_id", "BTC/USD-trade-4665846");
        fields.put("strategy", "mean_reversion");
        fields.put("symbol", "BTC/USD");
        fields.put("timeframe", "5m");
        fields.put("side", "buy");
        fields.put("confidence", "0.72");
        fields.put("exchange", "kraken");
        fields.put("source", "trading-core");
        fields.put("features", "{\"zscore\":-2.31,\"ema_fast\":62807.1,\"window\":[1,2]}");
        fields.put("risk", "{\"max_notional\":500.00,\"approved\":true}");
        fields.put("notes", "price 2.3 sigma under the mean");
        fields.put("timestamp", "2026-11-25T16:39:36.123456Z");
        return fields;
    }

    private static Map<String, String> orderIntent()
    {
        final Map<String, String> fields = new LinkedHashMap<>();
        fields.put("type", "order.intent");
        fields.put("id", "ord-000001");
        fields.put("signal_id", "sig-000001");
        fields.put("correlation_id", "BTC/USD-trade-4665846");
        fields.put("symbol", "BTC/USD");
        fields.put("side", "sell");
        fields.put("order_type", "limit");
        fields.put("size_quote_usd", "250.00");
        fields.put("limit_price", "62807.1");
        fields.put("timestamp", "2026-11-25T16:39:36.123789Z");
        return fields;
    }

    private static Map<String, String> metricsTick()
    {
        final Map<String, String> fields = new LinkedHashMap<>();
        fields.put("type", "metrics.tick");
        fields.put("pnl", "-12.5");
        fields.put("slippage_bps_p50", "1.8");
        fields.put("latency_ms_p95", "0.42");
        fields.put("win_rate_1h", "0.55");
        fields.put("drawdown_daily", "31.25");
        fields.put("errors_rate", "0");
        fields.put("timestamp", "2026-11-25T16:40:00.000000Z");
        return fields;
    }

    private static Map<String, String> with(final Map<String, String> fields, final String name, final String value)
    {
        final Map<String, String> changed = new LinkedHashMap<>(fields);
        if (value == null)
        {
            changed.remove(name);
        }
        else
        {
            changed.put(name, value);
        }
        return changed;
    }

    private static void assertInvalid(final Map<String, String> fields, final String mentioned)
    {
        final List<String> violations = SchemaContract.validateEntry(fields);
        assertFalse(violations.isEmpty(), "expected a violation about " + mentioned + " in " + fields);
        assertTrue(violations.toString().contains(mentioned), violations.toString());
    }

    @Test
    void rebuildTypesTheFieldsByTheStreamConventions()
    {
        final Map<String, String> fields = new LinkedHashMap<>();
        fields.put("price", "62807.10");
        fields.put("qty", "-0.00000100");
        fields.put("count", "3");
        fields.put("flag", "true");
        fields.put("object", "{\"a\":[1,\"x\"],\"b\":null}");
        fields.put("array", "[1.5,2]");
        fields.put("exponent", "1e5");
        fields.put("padded", "007");
        fields.put("broken", "{not json");
        fields.put("symbol", "BTC/USD");
        final ObjectNode document = StreamEntryDocuments.rebuild(fields);
        assertEquals(new BigDecimal("62807.10"), document.get("price").decimalValue());
        assertTrue(document.get("qty").isNumber());
        assertEquals(3, document.get("count").intValue());
        assertTrue(document.get("flag").isBoolean() && document.get("flag").booleanValue());
        assertTrue(document.get("object").isObject());
        assertEquals("x", document.get("object").get("a").get(1).stringValue());
        assertTrue(document.get("array").isArray());
        assertTrue(document.get("exponent").isString(), "exponent form is not a stream decimal");
        assertTrue(document.get("padded").isString());
        assertTrue(document.get("broken").isString());
        assertEquals("BTC/USD", document.get("symbol").stringValue());
    }

    @Test
    void validEntriesOfEveryTypePass()
    {
        assertEquals(List.of(), SchemaContract.validateEntry(signal()));
        assertEquals(List.of(), SchemaContract.validateEntry(orderIntent()));
        assertEquals(List.of(), SchemaContract.validateEntry(metricsTick()));
        final Map<String, String> minimalSignal = new LinkedHashMap<>();
        for (final String required : new String[] {"type", "strategy", "symbol", "timeframe", "side", "confidence"})
        {
            minimalSignal.put(required, signal().get(required));
        }
        assertEquals(List.of(), SchemaContract.validateEntry(minimalSignal));
        final Map<String, String> market = with(with(orderIntent(), "order_type", "market"), "limit_price", null);
        assertEquals(List.of(), SchemaContract.validateEntry(with(with(market, "id", null), "signal_id", null)));
    }

    @Test
    void invalidSignalsFail()
    {
        assertInvalid(with(signal(), "confidence", null), "confidence");
        assertInvalid(with(signal(), "confidence", "1.5"), "confidence");
        assertInvalid(with(signal(), "confidence", "7e-1"), "confidence");
        assertInvalid(with(signal(), "side", "long"), "side");
        assertInvalid(with(signal(), "strategy", "grid"), "strategy");
        assertInvalid(with(signal(), "symbol", "btcusd"), "symbol");
        assertInvalid(with(signal(), "timeframe", "2m"), "timeframe");
        assertInvalid(with(signal(), "features", "{zscore: 1}"), "features");
        assertInvalid(with(signal(), "risk", "[1]"), "risk");
        assertInvalid(with(signal(), "timestamp", "2026-11-25T16:39:36Z"), "timestamp");
        assertInvalid(with(signal(), "timestamp", "2026-13-45T16:39:36.123456Z"), "timestamp");
        assertInvalid(with(signal(), "leverage", "3"), "leverage");
        assertInvalid(with(signal(), "id", "42"), "id");
    }

    @Test
    void invalidOrderIntentsAndMetricsTicksFail()
    {
        assertInvalid(with(orderIntent(), "limit_price", null), "limit_price");
        assertInvalid(with(orderIntent(), "size_quote_usd", "0"), "size_quote_usd");
        assertInvalid(with(orderIntent(), "timestamp", null), "timestamp");
        assertInvalid(with(orderIntent(), "order_type", "stop"), "order_type");
        assertInvalid(with(metricsTick(), "win_rate_1h", "1.2"), "win_rate_1h");
        assertInvalid(with(metricsTick(), "errors_rate", null), "errors_rate");
        assertInvalid(with(metricsTick(), "pnl", "n/a"), "pnl");
        assertInvalid(with(metricsTick(), "type", "metrics.ticks"), "metrics.ticks");
    }

    @Test
    void aDocumentIsCheckedAgainstTheTypeAskedFor()
    {
        final JsonNode tick = StreamEntryDocuments.rebuild(metricsTick());
        assertEquals(List.of(), SchemaContract.validate("metrics.tick", tick));
        assertFalse(SchemaContract.validate("signal", tick).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> SchemaContract.validate("trade", tick));
    }
}
