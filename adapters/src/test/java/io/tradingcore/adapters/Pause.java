package io.tradingcore.adapters;

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
}
