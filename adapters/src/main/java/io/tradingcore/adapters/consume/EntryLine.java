package io.tradingcore.adapters.consume;

import java.util.Map;

/** One stream entry as one JSON line: {@code {"id":"...","stream":"...","fields":{"name":"value",...}}}. */
public final class EntryLine
{
    private EntryLine()
    {
    }

    public static String of(final String stream, final String id, final Map<String, String> fields)
    {
        final StringBuilder sb = new StringBuilder(64 + 32 * fields.size()).append("{\"id\":");
        quote(sb, id).append(",\"stream\":");
        quote(sb, stream).append(",\"fields\":{");
        boolean first = true;
        for (final Map.Entry<String, String> field : fields.entrySet())
        {
            if (!first)
            {
                sb.append(',');
            }
            first = false;
            quote(sb, field.getKey()).append(':');
            quote(sb, field.getValue());
        }
        return sb.append("}}").toString();
    }

    private static StringBuilder quote(final StringBuilder sb, final String text)
    {
        sb.append('"');
        for (int i = 0; i < text.length(); i++)
        {
            final char c = text.charAt(i);
            switch (c)
            {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default ->
                {
                    if (c < 0x20)
                    {
                        sb.append(String.format("\\u%04x", (int)c));
                    }
                    else
                    {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"');
    }
}
