package io.tradingcore.adapters.redis;

import io.lettuce.core.RedisURI;
import io.lettuce.core.SslVerifyMode;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A {@code redis://} or {@code rediss://[user[:password]@]host[:port][/db]} URL as an operator types
 * it: the user info is everything before the last {@code @}, so a password may hold {@code #},
 * {@code @}, {@code /} or {@code ?} as they are (java.net.URI would read a fragment or a path out of
 * it); {@code %XX} escapes in it are decoded. Messages never carry the password.
 */
public final class RedisUrl
{
    private final boolean tls;
    private final String host;
    private final int port;
    private final int database;
    private final String user;
    private final char[] password;

    private RedisUrl(final boolean tls, final String host, final int port, final int database, final String user, final char[] password)
    {
        this.tls = tls;
        this.host = host;
        this.port = port;
        this.database = database;
        this.user = user;
        this.password = password;
    }

    /**
     * @throws IllegalArgumentException saying what is wrong ("has no host"...), without the URL.
     */
    public static RedisUrl parse(final String url)
    {
        final int scheme = url.indexOf("://");
        final String name = scheme < 0 ? "" : url.substring(0, scheme);
        if (!"redis".equals(name) && !"rediss".equals(name))
        {
            throw new IllegalArgumentException("must start with redis:// or rediss://");
        }
        final String rest = url.substring(scheme + 3);
        final int at = rest.lastIndexOf('@');
        final URI address;
        try
        {
            address = new URI(name + "://" + rest.substring(at + 1));
        }
        catch (final URISyntaxException e)
        {
            throw new IllegalArgumentException("is not a URL");
        }
        if (address.getHost() == null)
        {
            throw new IllegalArgumentException("has no host");
        }
        final String path = address.getPath();
        int database = 0;
        if (path != null && path.length() > 1)
        {
            try
            {
                database = Integer.parseInt(path.substring(1));
            }
            catch (final NumberFormatException e)
            {
                throw new IllegalArgumentException("database must be a number");
            }
        }
        String user = null;
        char[] password = null;
        if (at >= 0)
        {
            final String userInfo = decode(rest.substring(0, at));
            final int colon = userInfo.indexOf(':');
            user = colon > 0 ? userInfo.substring(0, colon) : null;
            password = userInfo.substring(colon + 1).toCharArray();
        }
        return new RedisUrl("rediss".equals(name), address.getHost(), address.getPort() < 0 ? RedisURI.DEFAULT_REDIS_PORT : address.getPort(),
            database, user, password);
    }

    public boolean tls()
    {
        return tls;
    }

    /** Lettuce's URI: TLS with peer and host name verification for {@code rediss://}. */
    public RedisURI toRedisUri(final Duration commandTimeout)
    {
        final RedisURI.Builder builder = RedisURI.Builder.redis(host, port).withTimeout(commandTimeout).withDatabase(database);
        if (tls)
        {
            builder.withSsl(true).withVerifyPeer(SslVerifyMode.FULL);
        }
        if (user != null)
        {
            builder.withAuthentication(user, password);
        }
        else if (password != null)
        {
            builder.withPassword(password);
        }
        return builder.build();
    }

    /** {@code %XX} escapes decoded (UTF-8); anything else, a lone {@code %} included, kept as typed. */
    private static String decode(final String text)
    {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        final byte[] raw = text.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < raw.length; i++)
        {
            final int hi = i + 2 < raw.length ? Character.digit(raw[i + 1], 16) : -1;
            final int lo = i + 2 < raw.length ? Character.digit(raw[i + 2], 16) : -1;
            if (raw[i] == '%' && hi >= 0 && lo >= 0)
            {
                bytes.write(hi * 16 + lo);
                i += 2;
            }
            else
            {
                bytes.write(raw[i]);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
