package io.tradingcore.adapters;

import java.util.function.BooleanSupplier;

/**
 * The one sleep of the adapters' tests (polling loops, letting a peer act): an interrupt becomes an
 * {@link IllegalStateException} with the thread's interrupt flag kept.
 */
public final class Pause
{
    private Pause()
    {
    }

    public static void millis(final long millis)
    {
        try
        {
            Thread.sleep(millis);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    /** Polls {@code condition} every 20 ms; an {@link IllegalStateException} naming {@code what} after the timeout. */
    public static void until(final String what, final long timeoutMillis, final BooleanSupplier condition)
    {
        final long deadline = System.currentTimeMillis() + timeoutMillis;
        while (!condition.getAsBoolean())
        {
            if (System.currentTimeMillis() > deadline)
            {
                throw new IllegalStateException("timed out after " + timeoutMillis + " ms waiting for " + what);
            }
            millis(20);
        }
    }
}
