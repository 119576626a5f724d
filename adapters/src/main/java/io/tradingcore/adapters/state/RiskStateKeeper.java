package io.tradingcore.adapters.state;

import io.tradingcore.core.market.SymbolTable;
import io.tradingcore.core.risk.RiskState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.concurrent.locks.LockSupport;

/**
 * Persists the risk stage's {@link RiskState} off the hot path: its own thread takes a consistent
 * copy whenever the version moved (retrying while a capture is in progress) and replaces the state
 * file. {@link #close} writes the last capture, for the SIGTERM path after the ring has drained.
 */
public final class RiskStateKeeper implements AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(RiskStateKeeper.class);
    private static final long POLL_NANOS = 5_000_000;

    private final RiskState source;
    private final RiskStateFile file;
    private final SymbolTable symbols;
    private final RiskState copy;
    private final Thread thread;
    private volatile boolean running = true;
    private long writtenVersion = -1;

    public RiskStateKeeper(final RiskState source, final RiskStateFile file, final SymbolTable symbols)
    {
        this.source = source;
        this.file = file;
        this.symbols = symbols;
        this.copy = new RiskState(source.maxSymbols());
        this.thread = new Thread(this::run, "risk-state-keeper");
        thread.setDaemon(true);
    }

    public RiskStateKeeper start()
    {
        thread.start();
        return this;
    }

    private void run()
    {
        while (running)
        {
            writeIfChanged();
            LockSupport.parkNanos(POLL_NANOS);
        }
    }

    private synchronized void writeIfChanged()
    {
        final long version = source.version();
        if (version == writtenVersion || (version & 1) != 0)
        {
            return;
        }
        copy.copyFrom(source);
        if (source.version() != version)
        {
            return; // a capture began meanwhile: the next poll takes it whole
        }
        try
        {
            file.write(copy, symbols);
            writtenVersion = version;
        }
        catch (final IOException ex)
        {
            LOG.error("cannot write the risk state to {}: {}", file.path(), ex.toString());
        }
    }

    /** Stops the thread and writes the last capture (the stages have stopped: no capture can be in progress). */
    @Override
    public void close()
    {
        running = false;
        LockSupport.unpark(thread);
        try
        {
            thread.join(1_000);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
        writeIfChanged();
    }
}
