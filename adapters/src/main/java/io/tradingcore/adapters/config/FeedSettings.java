package io.tradingcore.adapters.config;

import io.tradingcore.adapters.replay.ReplayFeed;

import java.io.IOException;
import java.nio.file.Path;

/** {@code feed.*}: where the frames come from ({@code kraken}, {@code sim}, {@code replay:PATH}) and where they are recorded. */
public final class FeedSettings
{
    public enum Source
    {
        KRAKEN, SIM, REPLAY
    }

    private static final String REPLAY_PREFIX = "replay:";

    private final Source source;
    private final String replayPath;
    private final String recordPath;

    FeedSettings(final ConfigTree tree) throws ConfigException
    {
        final String feed = tree.text("feed.source", "kraken");
        final String allowed = "kraken, sim or replay:PATH (a JSON Lines recording, .gz allowed)";
        if ("kraken".equals(feed))
        {
            source = Source.KRAKEN;
            replayPath = "";
        }
        else if ("sim".equals(feed))
        {
            source = Source.SIM;
            replayPath = "";
        }
        else if (feed.startsWith(REPLAY_PREFIX) && feed.length() > REPLAY_PREFIX.length())
        {
            source = Source.REPLAY;
            replayPath = feed.substring(REPLAY_PREFIX.length());
            try
            {
                ReplayFeed.check(Path.of(replayPath));
            }
            catch (final IOException e)
            {
                throw tree.invalid("feed.source", allowed + "; " + e.getMessage());
            }
        }
        else
        {
            throw tree.invalid("feed.source", allowed);
        }
        recordPath = tree.text("feed.record", "");
    }

    public Source source()
    {
        return source;
    }

    /** The recording to replay when the source is {@link Source#REPLAY}; empty otherwise. */
    public String replayPath()
    {
        return replayPath;
    }

    /** Where to record every received frame (JSON Lines, gzip when it ends in .gz); empty for none. */
    public String recordPath()
    {
        return recordPath;
    }

    public boolean recording()
    {
        return !recordPath.isEmpty();
    }
}
