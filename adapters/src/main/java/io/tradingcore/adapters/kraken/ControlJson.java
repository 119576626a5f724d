package io.tradingcore.adapters.kraken;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small JSON reader for the control plane only (acks, pongs, status frames, and the requests the
 * simulator receives): rare messages, so building a tree of {@link Map}, {@link List}, {@link String},
 * {@link BigDecimal}, {@link Boolean} and null is fine here. Numbers are {@link BigDecimal} because
 * {@code status.connection_id} exceeds a signed long. Data frames never come through here.
 */
public final class ControlJson
{
    private final String text;
    private int position;

    private ControlJson(final String text)
    {
        this.text = text;
    }

    /** The parsed value; throws {@link IllegalArgumentException} naming the offset on malformed input. */
    public static Object parse(final String text)
    {
        final ControlJson reader = new ControlJson(text);
        final Object value = reader.value();
        reader.skipWhitespace();
        if (reader.position != text.length())
        {
            throw reader.error("trailing characters");
        }
        return value;
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

    private Object value()
    {
        skipWhitespace();
        if (position >= text.length())
        {
            throw error("unexpected end");
        }
        final char c = text.charAt(position);
        switch (c)
        {
            case '{':
                return objectValue();
            case '[':
                return arrayValue();
            case '"':
                return stringValue();
            case 't':
                return literal("true", Boolean.TRUE);
            case 'f':
                return literal("false", Boolean.FALSE);
            case 'n':
                return literal("null", null);
            default:
                return numberValue();
        }
    }

    private Map<String, Object> objectValue()
    {
        final Map<String, Object> map = new LinkedHashMap<>();
        position++;
        skipWhitespace();
        if (peek() == '}')
        {
            position++;
            return map;
        }
        while (true)
        {
            skipWhitespace();
            if (peek() != '"')
            {
                throw error("expected a key");
            }
            final String key = stringValue();
            skipWhitespace();
            expect(':');
            if (map.put(key, value()) != null)
            {
                throw error("duplicate key " + key);
            }
            skipWhitespace();
            final char next = peek();
            position++;
            if (next == '}')
            {
                return map;
            }
            if (next != ',')
            {
                throw error("expected , or }");
            }
        }
    }

    private List<Object> arrayValue()
    {
        final List<Object> list = new ArrayList<>();
        position++;
        skipWhitespace();
        if (peek() == ']')
        {
            position++;
            return list;
        }
        while (true)
        {
            list.add(value());
            skipWhitespace();
            final char next = peek();
            position++;
            if (next == ']')
            {
                return list;
            }
            if (next != ',')
            {
                throw error("expected , or ]");
            }
        }
    }

    private String stringValue()
    {
        position++;
        final StringBuilder out = new StringBuilder();
        while (true)
        {
            if (position >= text.length())
            {
                throw error("unterminated string");
            }
            final char c = text.charAt(position++);
            if (c == '"')
            {
                return out.toString();
            }
            if (c != '\\')
            {
                out.append(c);
                continue;
            }
            if (position >= text.length())
            {
                throw error("unterminated escape");
            }
            final char e = text.charAt(position++);
            switch (e)
            {
                case 'n': out.append('\n'); break;
                case 't': out.append('\t'); break;
                case 'r': out.append('\r'); break;
                case 'b': out.append('\b'); break;
                case 'f': out.append('\f'); break;
                case 'u':
                    if (position + 4 > text.length())
                    {
                        throw error("short unicode escape");
                    }
                    out.append((char)Integer.parseInt(text.substring(position, position + 4), 16));
                    position += 4;
                    break;
                default: out.append(e);
            }
        }
    }

    private BigDecimal numberValue()
    {
        final int start = position;
        while (position < text.length() && "+-0123456789.eE".indexOf(text.charAt(position)) >= 0)
        {
            position++;
        }
        if (start == position)
        {
            throw error("unexpected character");
        }
        try
        {
            return new BigDecimal(text.substring(start, position));
        }
        catch (final NumberFormatException ex)
        {
            throw error("bad number");
        }
    }

    private Object literal(final String word, final Object value)
    {
        if (!text.startsWith(word, position))
        {
            throw error("bad literal");
        }
        position += word.length();
        return value;
    }

    private void expect(final char c)
    {
        if (peek() != c)
        {
            throw error("expected " + c);
        }
        position++;
    }

    private char peek()
    {
        if (position >= text.length())
        {
            throw error("unexpected end");
        }
        return text.charAt(position);
    }

    private void skipWhitespace()
    {
        while (position < text.length() && Character.isWhitespace(text.charAt(position)))
        {
            position++;
        }
    }

    private IllegalArgumentException error(final String what)
    {
        return new IllegalArgumentException("malformed JSON at offset " + position + ": " + what);
    }
}
