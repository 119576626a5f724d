package io.tradingcore.adapters.kraken.auth;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Kraken's REST nonce for one API key: the wall clock in microseconds, but always above the last one
 * handed out, so it keeps increasing even if the clock steps back (NTP) or two calls share a
 * microsecond. One instance per key in the process ({@link #forKey}); Kraken refuses a nonce that
 * does not increase ({@code EAPI:Invalid nonce}), so a key must not be shared with another process.
 */
public final class KrakenNonce
{
    private static final ConcurrentHashMap<String, KrakenNonce> BY_KEY = new ConcurrentHashMap<>();

    private final AtomicLong last = new AtomicLong();

    /** Tests only; everyone else shares {@link #forKey}. */
    KrakenNonce()
    {
    }

    /** The process-wide nonce of {@code apiKey}. */
    public static KrakenNonce forKey(final String apiKey)
    {
        return BY_KEY.computeIfAbsent(apiKey, key -> new KrakenNonce());
    }

    public long next()
    {
        return next(System.currentTimeMillis() * 1000L);
    }

    /** The next nonce given the clock reads {@code nowMicros}: never below or equal to a previous one. */
    public long next(final long nowMicros)
    {
        while (true)
        {
            final long previous = last.get();
            final long candidate = Math.max(previous + 1, nowMicros);
            if (last.compareAndSet(previous, candidate))
            {
                return candidate;
            }
        }
    }
}
