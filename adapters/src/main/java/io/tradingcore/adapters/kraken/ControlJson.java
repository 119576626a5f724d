package io.tradingcore.adapters.kraken;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON for the control plane only (acks, pongs, status frames, the token response, and the requests
 * the simulator receives): rare messages, so Jackson builds a tree and it is handed out as
 * {@link Map}, {@link List}, {@link String}, {@link BigDecimal}, {@link Boolean} and null. Numbers are
 * exact {@link BigDecimal}s because {@code status.connection_id} exceeds a signed long. Duplicate keys
 * and trailing characters are malformed. Data frames never come through here: the hot path has its
 * own allocation-free parser.
 */
public final class ControlJson
{
    private static final JsonMapper JSON = JsonMapper.builder()
        .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .build();

    private ControlJson()
    {
    }

    /** The parsed value; throws {@link IllegalArgumentException} naming the offset on malformed input. */
    public static Object parse(final String text)
    {
        final JsonNode tree;
        try
        {
            tree = JSON.readTree(text);
        }
        catch (final JacksonException ex)
        {
            final long offset = ex.getLocation() == null ? -1 : ex.getLocation().getCharOffset();
            throw new IllegalArgumentException("malformed JSON at offset " + offset + ": " + ex.getOriginalMessage(), ex);
        }
        if (tree == null || tree.isMissingNode())
        {
            throw new IllegalArgumentException("malformed JSON at offset 0: no value");
        }
        return value(tree);
    }

    /** The parsed top-level object, or null when the text is not a JSON object. */
    public static Map<String, Object> parseObject(final String text)
    {
        try
        {
            return asObject(parse(text));
        }
        catch (final IllegalArgumentException ex)
        {
            return null;
        }
    }

    /** A parsed value as an object, or null when it is not one. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> asObject(final Object value)
    {
        return value instanceof Map ? (Map<String, Object>)value : null;
    }

    /** A parsed value as an array, or null when it is not one. */
    @SuppressWarnings("unchecked")
    public static List<Object> asArray(final Object value)
    {
        return value instanceof List ? (List<Object>)value : null;
    }

    public static Map<String, Object> object(final Map<String, Object> parent, final String key)
    {
        return asObject(parent == null ? null : parent.get(key));
    }

    public static String string(final Map<String, Object> parent, final String key)
    {
        final Object value = parent == null ? null : parent.get(key);
        return value instanceof String ? (String)value : null;
    }

    /** An integer field, or {@code absent} when missing or not an integral number in long range. */
    public static long integer(final Map<String, Object> parent, final String key, final long absent)
    {
        final Object value = parent == null ? null : parent.get(key);
        if (value instanceof BigDecimal)
        {
            try
            {
                return ((BigDecimal)value).longValueExact();
            }
            catch (final ArithmeticException ex)
            {
                return absent;
            }
        }
        return absent;
    }

    public static boolean bool(final Map<String, Object> parent, final String key, final boolean absent)
    {
        final Object value = parent == null ? null : parent.get(key);
        return value instanceof Boolean ? (Boolean)value : absent;
    }

    /** A string or an array of strings as a list (Kraken's {@code params.symbol}); empty when absent. */
    public static List<String> strings(final Map<String, Object> parent, final String key)
    {
        final Object value = parent == null ? null : parent.get(key);
        final List<String> result = new ArrayList<>();
        if (value instanceof String)
        {
            result.add((String)value);
        }
        else if (value instanceof List)
        {
            for (final Object item : (List<?>)value)
            {
                if (item instanceof String)
                {
                    result.add((String)item);
                }
            }
        }
        return result;
    }

    private static Object value(final JsonNode node)
    {
        if (node.isObject())
        {
            final Map<String, Object> map = new LinkedHashMap<>();
            node.properties().forEach(field -> map.put(field.getKey(), value(field.getValue())));
            return map;
        }
        if (node.isArray())
        {
            final List<Object> list = new ArrayList<>(node.size());
            node.forEach(item -> list.add(value(item)));
            return list;
        }
        if (node.isNumber())
        {
            return node.decimalValue();
        }
        if (node.isBoolean())
        {
            return node.booleanValue();
        }
        return node.isNull() ? null : node.textValue();
    }
}
