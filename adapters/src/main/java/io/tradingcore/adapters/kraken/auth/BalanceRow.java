package io.tradingcore.adapters.kraken.auth;

import io.tradingcore.core.time.Rfc3339;

/**
 * One row of the balances channel as {@link PrivateChannelDecoder} read it, reused row after row: a
 * snapshot row carries the asset and its balance; an update (a ledger entry) also the amount, fee,
 * ledger type and time.
 */
final class BalanceRow
{
    String asset;
    final KrakenDecimal balance = new KrakenDecimal();
    final KrakenDecimal amount = new KrakenDecimal();
    final KrakenDecimal fee = new KrakenDecimal();
    String ledgerType;
    long micros;

    void clear()
    {
        asset = null;
        balance.clear();
        amount.clear();
        fee.clear();
        ledgerType = null;
        micros = Rfc3339.INVALID;
    }

    /** The row's time in epoch µs, or {@code fallback} when absent or unreadable (snapshot rows have none). */
    long micros(final long fallback)
    {
        return micros == Rfc3339.INVALID ? fallback : micros;
    }
}
