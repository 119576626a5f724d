package io.tradingcore.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version and git commit the jar was built from (written into it by the build). */
final class BuildInfo
{
    private static final String RESOURCE = "/trading-core-build.properties";

    private final String version;
    private final String commit;

    private BuildInfo(final String version, final String commit)
    {
        this.version = version;
        this.commit = commit;
    }

    static BuildInfo load()
    {
        final Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE))
        {
            if (in == null)
            {
                throw new IllegalStateException(RESOURCE + " is missing: the jar was not built by Maven");
            }
            p.load(in);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        return new BuildInfo(p.getProperty("version"), p.getProperty("commit"));
    }

    String version()
    {
        return version;
    }

    /** {@code git describe} of the build: the abbreviated commit, {@code -dirty} with uncommitted changes, {@code unknown} outside git. */
    String commit()
    {
        return commit;
    }

    @Override
    public String toString()
    {
        return "trading-core " + version + " (commit " + commit + ")";
    }
}
