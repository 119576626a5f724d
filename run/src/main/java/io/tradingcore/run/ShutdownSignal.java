package io.tradingcore.run;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * SIGTERM/SIGINT handling: the JVM's shutdown hook asks the core to stop, waits until the core has
 * drained the ring and flushed Redis (so systemd's stop loses nothing), then ends the JVM with the
 * core's exit code: without the halt a signalled JVM exits 143, and a clean stop is 0.
 */
final class ShutdownSignal
{
    private final CountDownLatch requested = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile int exitCode = TradingCoreMain.EXIT_FAULT;

    /** A signal that only the caller triggers (tests); {@link #install()} adds the JVM's SIGTERM hook. */
    ShutdownSignal()
    {
    }

    static ShutdownSignal install()
    {
        final ShutdownSignal signal = new ShutdownSignal();
        Runtime.getRuntime().addShutdownHook(new Thread(signal::onSignal, "shutdown-hook"));
        return signal;
    }

    boolean requested()
    {
        return requested.getCount() == 0;
    }

    /** Waits for a stop request; true if one came within the timeout. */
    boolean await(final long timeout, final TimeUnit unit) throws InterruptedException
    {
        return requested.await(timeout, unit);
    }

    void request()
    {
        requested.countDown();
    }

    /** The core has flushed everything: the hook may end the JVM with {@code code}. */
    void finished(final int code)
    {
        exitCode = code;
        finished.countDown();
    }

    private void onSignal()
    {
        requested.countDown();
        try
        {
            if (finished.await(StopBudget.HOOK_WAIT.toMillis(), TimeUnit.MILLISECONDS))
            {
                System.out.flush();
                System.err.flush();
                Runtime.getRuntime().halt(exitCode);
            }
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }
}
