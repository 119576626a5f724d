package io.tradingcore.adapters.config;

import io.tradingcore.core.stream.StreamCatalog;

import java.util.Arrays;

/**
 * {@code streams.*}: MAXLEN for every stream and per stream, streams turned off, and the optional
 * signals mirror. Streams are named by their catalog template ({@code md:trades:{symbol}}).
 */
public final class StreamSettings
{
    private final int defaultMaxLen;
    private final int[] maxLen = new int[StreamCatalog.COUNT];
    private final boolean[] enabled = new boolean[StreamCatalog.COUNT];
    private final String mirror;

    StreamSettings(final ConfigTree tree) throws ConfigException
    {
        defaultMaxLen = tree.integer("streams.defaultMaxLen", StreamCatalog.DEFAULT_MAXLEN, 1, 100_000_000);
        Arrays.fill(maxLen, defaultMaxLen);
        Arrays.fill(enabled, true);
        for (final String template : tree.children("streams.maxLen"))
        {
            final String path = "streams.maxLen." + template;
            maxLen[stream(tree, path, template)] = tree.integer(path, defaultMaxLen, 1, 100_000_000);
        }
        for (final String template : tree.children("streams.enabled"))
        {
            final String path = "streams.enabled." + template;
            final int stream = stream(tree, path, template);
            if (stream == StreamCatalog.SIGNALS_MIRROR)
            {
                throw tree.invalid(path, "a catalog stream; the mirror is turned on by naming it in streams.mirror");
            }
            enabled[stream] = tree.flag(path, true);
        }
        mirror = tree.text("streams.mirror", "");
        if (!mirror.isEmpty() && (StreamCatalog.SIGNALS_ACTIVE_KEY.equals(mirror) || StreamCatalog.ofTemplate(mirror) >= 0))
        {
            throw tree.invalid("streams.mirror",
                "empty (no mirror) or a stream name that is neither signals:active (the alias key) nor a catalog stream");
        }
    }

    private static int stream(final ConfigTree tree, final String path, final String template) throws ConfigException
    {
        final int stream = StreamCatalog.ofTemplate(template);
        if (stream < 0)
        {
            throw tree.invalid(path, "a stream template of STREAMS.md, e.g. md:trades:{symbol} (unknown: " + template + ")");
        }
        return stream;
    }

    public int defaultMaxLen()
    {
        return defaultMaxLen;
    }

    /** MAXLEN ~ for the stream ({@link StreamCatalog} id). */
    public int maxLen(final int stream)
    {
        return maxLen[stream];
    }

    public boolean enabled(final int stream)
    {
        return enabled[stream];
    }

    /** The mirror stream of the primary signals; empty when there is none. */
    public String mirror()
    {
        return mirror;
    }

    /** Sets MAXLEN, on/off and the mirror of every stream of {@code catalog}. */
    public void applyTo(final StreamCatalog catalog)
    {
        for (int stream = 0; stream < StreamCatalog.COUNT; stream++)
        {
            catalog.maxLen(stream, maxLen[stream]);
            if (stream != StreamCatalog.SIGNALS_MIRROR)
            {
                catalog.enabled(stream, enabled[stream]);
            }
        }
        if (!mirror.isEmpty())
        {
            catalog.mirror(mirror);
        }
    }
}
