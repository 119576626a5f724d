package io.tradingcore.adapters.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The Kraken API key and secret, from {@code KRAKEN_API_KEY}/{@code KRAKEN_API_SECRET} or from the
 * files named by {@code KRAKEN_API_KEY_FILE}/{@code KRAKEN_API_SECRET_FILE}, which must be readable
 * by their owner only. Read when first asked for, never printed: {@link #toString()} masks them.
 */
public final class KrakenCredentials
{
    private static final String KEY = "KRAKEN_API_KEY";
    private static final String SECRET = "KRAKEN_API_SECRET";
    private static final String FILE = "_FILE";

    private final Map<String, String> env;
    private String apiKey;
    private String apiSecret;

    KrakenCredentials(final Map<String, String> env) throws ConfigException
    {
        this.env = new HashMap<>();
        for (final String name : new String[] {KEY, SECRET})
        {
            for (final String variable : new String[] {name, name + FILE})
            {
                if (env.get(variable) != null)
                {
                    this.env.put(variable, env.get(variable));
                }
            }
            if (isSet(name) && isSet(name + FILE))
            {
                throw new ConfigException("environment variables " + name + " and " + name + FILE +
                    " are both set; set one of them");
            }
        }
    }

    /** Whether a key and a secret are configured (nothing is read). */
    public boolean configured()
    {
        return (isSet(KEY) || isSet(KEY + FILE)) && (isSet(SECRET) || isSet(SECRET + FILE));
    }

    /** Where the key comes from, for a report: the variable's name, never its value. */
    public String describe()
    {
        if (!configured())
        {
            return "not set (" + KEY + "[" + FILE + "] and " + SECRET + "[" + FILE + "])";
        }
        return "set from " + (isSet(KEY) ? KEY : KEY + FILE) + " and " + (isSet(SECRET) ? SECRET : SECRET + FILE);
    }

    public synchronized String apiKey() throws ConfigException
    {
        if (apiKey == null)
        {
            apiKey = read(KEY);
        }
        return apiKey;
    }

    /** The base64 API secret as Kraken issued it. */
    public synchronized String apiSecret() throws ConfigException
    {
        if (apiSecret == null)
        {
            apiSecret = read(SECRET);
        }
        return apiSecret;
    }

    private String read(final String name) throws ConfigException
    {
        if (isSet(name))
        {
            return env.get(name).trim();
        }
        if (!isSet(name + FILE))
        {
            throw new ConfigException("environment variable " + name + " or " + name + FILE + " is not set");
        }
        final Path file = Path.of(env.get(name + FILE));
        final String origin = "environment variable " + name + FILE + " (" + file + ")";
        try
        {
            final Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            for (final PosixFilePermission p : permissions)
            {
                if (p.name().startsWith("GROUP_") || p.name().startsWith("OTHERS_"))
                {
                    throw new ConfigException(origin + ": the file has permissions " +
                        PosixFilePermissions.toString(permissions) +
                        "; a credential file must be readable by its owner only (chmod 600)");
                }
            }
            final String value = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).trim();
            if (value.isEmpty())
            {
                throw new ConfigException(origin + ": the file is empty");
            }
            return value;
        }
        catch (final UnsupportedOperationException e)
        {
            throw new ConfigException(origin + ": cannot check the file's POSIX permissions on this file system", e);
        }
        catch (final IOException e)
        {
            throw new ConfigException(origin + ": cannot read the file (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    private boolean isSet(final String name)
    {
        final String value = env.get(name);
        return value != null && !value.isBlank();
    }

    @Override
    public String toString()
    {
        return "KrakenCredentials[" + describe() + "]";
    }
}
