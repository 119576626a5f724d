package io.tradingcore.core.stream;

/** ENVIRONMENT and what it selects (STREAMS.md, section 4): the mode, the primary signals stream, the execution stream. */
public enum Environment
{
    DEVELOPMENT("development", false, StreamCatalog.SIGNALS_PAPER, StreamCatalog.EXEC_PAPER_CONFIRMS),
    STAGING("staging", false, StreamCatalog.SIGNALS_STAGING, StreamCatalog.EXEC_PAPER_CONFIRMS),
    PRODUCTION("production", true, StreamCatalog.SIGNALS_LIVE, StreamCatalog.ORDERS_CONFIRMATIONS);

    private final String id;
    private final boolean live;
    private final int primarySignals;
    private final int executionStream;

    Environment(final String id, final boolean live, final int primarySignals, final int executionStream)
    {
        this.id = id;
        this.live = live;
        this.primarySignals = primarySignals;
        this.executionStream = executionStream;
    }

    public String id()
    {
        return id;
    }

    /** LIVE mode: orders may leave for Kraken (only when also armed). PAPER otherwise. */
    public boolean live()
    {
        return live;
    }

    public String mode()
    {
        return live ? "LIVE" : "PAPER";
    }

    public int primarySignalsStream()
    {
        return primarySignals;
    }

    public int executionStream()
    {
        return executionStream;
    }

    /** The environment named {@code id}, or null. */
    public static Environment of(final String id)
    {
        for (final Environment e : values())
        {
            if (e.id.equals(id))
            {
                return e;
            }
        }
        return null;
    }
}
