package io.tradingcore.adapters.kraken.auth;

/** GetWebSocketsToken failed: the message says why and what to check; it never contains a credential. */
public final class KrakenAuthException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    public KrakenAuthException(final String message)
    {
        super(message);
    }

    public KrakenAuthException(final String message, final Throwable cause)
    {
        super(message, cause);
    }
}
