package io.tradingcore.adapters.cli;

import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** {@code --version} of the command line tools: the version Maven built, from the jar's pom.properties. */
public final class BuildVersion implements CommandLine.IVersionProvider
{
    private static final String POM_PROPERTIES = "/META-INF/maven/io.tradingcore/adapters/pom.properties";

    @Override
    public String[] getVersion()
    {
        return new String[] {"trading-core " + version()};
    }

    /** The built version; "development" when running from classes that Maven did not package. */
    public static String version()
    {
        try (InputStream in = BuildVersion.class.getResourceAsStream(POM_PROPERTIES))
        {
            if (in == null)
            {
                return "development";
            }
            final Properties pom = new Properties();
            pom.load(in);
            return pom.getProperty("version", "development");
        }
        catch (final IOException ex)
        {
            return "development";
        }
    }
}
