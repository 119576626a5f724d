package io.tradingcore.adapters.kraken.auth;

import io.tradingcore.core.market.SymbolTable;
import io.tradingcore.core.risk.RiskState;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The positions restored at start, by asset, against the first balances snapshot Kraken sends: on a
 * spot account the core trades alone, what it holds of a base asset is its balance there. Each asset
 * whose balance differs from the kept position (an asset missing from the snapshot has none) is one
 * {@code reconcile_difference} ({@code balance_mismatch}) on {@code events:bus}; agreement writes nothing.
 * <p>
 * Compared: the base asset of every symbol the kept state has traded (summed over its symbols). Not
 * compared: an asset that is also the quote of a traded symbol (its balance moves with the cash of those
 * trades, which the kept state holds as PnL, not as a quantity), and assets the core never traded.
 * Connection thread only, once.
 */
final class BalanceReconciliation
{
    private static final String BALANCE_MISMATCH = "balance_mismatch";

    private final OrderStreamWriter streams;
    private final Map<String, KrakenDecimal> kept = new LinkedHashMap<>();
    private final Set<String> reported = new HashSet<>();
    private final KrakenDecimal none = new KrakenDecimal();
    private boolean pending;

    BalanceReconciliation(final OrderStreamWriter streams)
    {
        this.streams = streams;
        none.set(0, 0);
    }

    /** The state restored at start: its positions are compared with the next balances snapshot. */
    void keep(final RiskState state, final SymbolTable symbols)
    {
        kept.clear();
        final Set<String> quotes = new HashSet<>();
        final int n = Math.min(symbols.size(), state.maxSymbols());
        for (int id = 0; id < n; id++)
        {
            final String symbol = symbols.name(id);
            final int slash = symbol.indexOf('/');
            if (!state.traded[id] || state.qtyPrecision[id] < 0 || slash < 0)
            {
                continue;
            }
            quotes.add(symbol.substring(slash + 1));
            final KrakenDecimal position = new KrakenDecimal();
            position.set(state.position[id], state.qtyPrecision[id]);
            kept.computeIfAbsent(symbol.substring(0, slash), asset -> new KrakenDecimal()).add(position);
        }
        kept.keySet().removeAll(quotes);
        pending = true;
    }

    /** One row of a balances snapshot. */
    void onSnapshotRow(final BalanceRow row, final long micros)
    {
        final KrakenDecimal position = pending && row.asset != null ? kept.get(row.asset) : null;
        if (position == null || !row.balance.present() || !reported.add(row.asset))
        {
            return;
        }
        compare(row.asset, position, row.balance, micros);
    }

    /** The end of a balances snapshot: a kept asset it did not list has no balance. */
    void onSnapshotEnd(final long micros)
    {
        if (!pending)
        {
            return;
        }
        for (final Map.Entry<String, KrakenDecimal> e : kept.entrySet())
        {
            if (!reported.contains(e.getKey()))
            {
                compare(e.getKey(), e.getValue(), none, micros);
            }
        }
        pending = false;
    }

    private void compare(final String asset, final KrakenDecimal position, final KrakenDecimal balance, final long micros)
    {
        final int scale = Math.max(position.scale(), balance.scale());
        final long delta = Math.subtractExact(balance.at(scale), position.at(scale));
        if (delta != 0)
        {
            streams.balanceDifference(BALANCE_MISMATCH, asset, position, balance, delta, scale, micros);
        }
    }
}
