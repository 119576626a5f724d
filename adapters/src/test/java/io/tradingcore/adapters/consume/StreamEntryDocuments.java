package io.tradingcore.adapters.consume;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Rebuilds the typed JSON document of a stream entry by the conventions of STREAMS.md: an entry's
 * fields are the document's top-level properties with scalars as plain strings. Decimals in plain
 * notation become numbers, {@code true}/{@code false} booleans, compact JSON objects and arrays are
 * parsed, everything else stays a string (so a number in exponent form stays a string and fails a
 * schema that wants a number).
 */
public final class StreamEntryDocuments
{
    private static final Pattern PLAIN_DECIMAL = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private StreamEntryDocuments()
    {
    }

    public static ObjectNode rebuild(final Map<String, String> fields)
    {
        final ObjectNode document = NODES.objectNode();
        for (final Map.Entry<String, String> field : fields.entrySet())
        {
            document.set(field.getKey(), value(field.getValue()));
        }
        return document;
    }

    private static JsonNode value(final String text)
    {
        if (PLAIN_DECIMAL.matcher(text).matches())
        {
            return NODES.numberNode(new BigDecimal(text));
        }
        if ("true".equals(text) || "false".equals(text))
        {
            return NODES.booleanNode(Boolean.parseBoolean(text));
        }
        if (text.startsWith("{") || text.startsWith("["))
        {
            try
            {
                return JSON.readTree(text);
            }
            catch (final JacksonException e)
            {
                return NODES.stringNode(text);
            }
        }
        return NODES.stringNode(text);
    }
}
