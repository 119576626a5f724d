package io.tradingcore.adapters.consume;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;

/**
 * One stream entry as one JSON line: {@code {"id":"...","stream":"...","fields":{"name":"value",...}}},
 * written by Jackson (escaping is its job, not ours), fields in stream order.
 */
public final class EntryLine
{
    private EntryLine()
    {
    }

    public static String of(final String stream, final String id, final Map<String, String> fields)
    {
        final ObjectNode line = JsonNodeFactory.instance.objectNode().put("id", id).put("stream", stream);
        final ObjectNode values = line.putObject("fields");
        fields.forEach(values::put);
        return line.toString();
    }
}
