package io.tradingcore.adapters.redis;

import io.lettuce.core.RedisURI;
import io.lettuce.core.SslVerifyMode;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code redis://} or {@code rediss://[user[:password]@]host[:port][/db]} URL as an operator types
 * it, or a Sentinel group's {@code redis-sentinel://[user[:password]@]host[:port][,host[:port]...][/db]#master}
 * (the sentinels' addresses, default port 26379, and the name of the master they watch): the user info is everything before the last {@code @}, so a password may hold {@code #},
 * {@code @}, {@code /} or {@code ?} as they are (java.net.URI would read a fragment or a path out of
 * it); {@code %XX} escapes in it are decoded. Messages never carry the password.
 */
public final class RedisUrl
{
    private static final String SENTINEL = "redis-sentinel";

    private final boolean tls;
    private final String host;
    private final int port;
    private final int database;
    private final String user;
    private final char[] password;
    /** Sentinel group: the other sentinels ({@code host}/{@code port} is the first) and the master's name. */
    private final String[] moreSentinels;
    private final String masterId;

    private RedisUrl(final boolean tls, final String host, final int port, final int database, final String user,
        final char[] password, final String[] moreSentinels, final String masterId)
    {
        this.moreSentinels = moreSentinels;
        this.masterId = masterId;
        this.tls = tls;
        this.host = host;
        this.port = port;
        this.database = database;
        this.user = user;
        this.password = password;
    }

    /**
     * The seed URLs of a cluster, comma-separated: each starts with a scheme, so a comma inside a password
     * does not split it.
     */
    public static List<String> seeds(final String urls)
    {
        final List<String> seeds = new ArrayList<>();
        int from = 0;
        int next = nextSeed(urls, 1);
        while (next >= 0)
        {
            seeds.add(urls.substring(from, next));
            from = next + 1;
            next = nextSeed(urls, from + 1);
        }
        seeds.add(urls.substring(from));
        return seeds;
    }

    private static int nextSeed(final String urls, final int from)
    {
        final int plain = urls.indexOf(",redis://", from);
        final int tls = urls.indexOf(",rediss://", from);
        return plain < 0 ? tls : tls < 0 ? plain : Math.min(plain, tls);
    }

    /**
     * @throws IllegalArgumentException saying what is wrong ("has no host"...), without the URL.
     */
    public static RedisUrl parse(final String url)
    {
        final int scheme = url.indexOf("://");
        final String name = scheme < 0 ? "" : url.substring(0, scheme);
        final boolean sentinel = SENTINEL.equals(name);
        if (!"redis".equals(name) && !"rediss".equals(name) && !sentinel)
        {
            throw new IllegalArgumentException("must start with redis:// or rediss:// (or redis-sentinel:// for Sentinel)");
        }
        String rest = url.substring(scheme + 3);
        final int at = rest.lastIndexOf('@');
        String[] moreSentinels = null;
        String masterId = null;
        if (sentinel)
        {
            final int hash = rest.indexOf('#', at + 1);
            if (hash < 0 || hash == rest.length() - 1)
            {
                throw new IllegalArgumentException("names no master (#name after the sentinels)");
            }
            masterId = rest.substring(hash + 1);
            final int path = rest.indexOf('/', at + 1);
            final int hostsEnd = path >= 0 && path < hash ? path : hash;
            final String[] hosts = rest.substring(at + 1, hostsEnd).split(",", -1);
            moreSentinels = new String[hosts.length - 1];
            for (int i = 1; i < hosts.length; i++)
            {
                moreSentinels[i - 1] = withPort(hosts[i], RedisURI.DEFAULT_SENTINEL_PORT);
            }
            rest = rest.substring(0, at + 1) + withPort(hosts[0], RedisURI.DEFAULT_SENTINEL_PORT) + rest.substring(hostsEnd, hash);
        }
        final URI address;
        try
        {
            address = new URI("redis://" + rest.substring(at + 1));
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
        if (moreSentinels != null)
        {
            for (final String other : moreSentinels)
            {
                hostAndPort(other);
            }
        }
        return new RedisUrl("rediss".equals(name), address.getHost(), address.getPort() < 0 ? RedisURI.DEFAULT_REDIS_PORT : address.getPort(),
            database, user, password, moreSentinels, masterId);
    }

    public boolean tls()
    {
        return tls;
    }

    /** A Sentinel group's URL: connections go to the master it names now. */
    public boolean sentinel()
    {
        return masterId != null;
    }

    /** Lettuce's URI: TLS with peer and host name verification for {@code rediss://}. */
    public RedisURI toRedisUri(final Duration commandTimeout)
    {
        final RedisURI.Builder builder = masterId == null ? RedisURI.Builder.redis(host, port)
            : RedisURI.Builder.sentinel(host, port, masterId);
        if (moreSentinels != null)
        {
            for (final String other : moreSentinels)
            {
                final URI address = hostAndPort(other);
                builder.withSentinel(address.getHost(), address.getPort());
            }
        }
        builder.withTimeout(commandTimeout).withDatabase(database);
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

    private static String withPort(final String host, final int port)
    {
        return host.lastIndexOf(':') > host.lastIndexOf(']') ? host : host + ":" + port;
    }

    private static URI hostAndPort(final String address)
    {
        try
        {
            final URI parsed = new URI("redis://" + address);
            if (parsed.getHost() == null || parsed.getPort() < 0)
            {
                throw new IllegalArgumentException("has a sentinel without host or port");
            }
            return parsed;
        }
        catch (final URISyntaxException e)
        {
            throw new IllegalArgumentException("has a sentinel address that is not host:port");
        }
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
