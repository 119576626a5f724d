package io.tradingcore.core.execution;

import io.tradingcore.core.risk.OrderIntent;

/**
 * Where the execution stage sends order intents in LIVE mode: implemented in adapters by the
 * authenticated Kraken client, which copies the intent into its own queue and sends it from its
 * own thread. Never blocks the stage.
 */
public interface OrderGateway
{
    /**
     * Takes the intent (copy what you keep: the slot is reused). Returns false when it cannot be
     * taken now (queue full, not connected, not armed): the stage reports the order as rejected.
     */
    boolean submit(OrderIntent intent, long nowMicros);

    /** Why the last submit was refused, as bytes for the confirmation entry (e.g. "not_connected"). */
    byte[] refusal();
}
