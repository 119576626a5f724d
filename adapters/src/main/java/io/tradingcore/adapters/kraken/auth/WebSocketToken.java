package io.tradingcore.adapters.kraken.auth;

/** A token for the authenticated WebSocket; use it within {@code expiresSeconds} (900) of issue. */
public record WebSocketToken(String token, long expiresSeconds)
{
    @Override
    public String toString()
    {
        return "WebSocketToken[hidden, expires in " + expiresSeconds + " s]";
    }
}
