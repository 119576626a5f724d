package io.tradingcore.adapters.kraken.auth;

import io.tradingcore.core.kraken.Side;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fills seen on the executions channel: de-duplicated by {@code exec_id} (a snapshot after a
 * reconnect repeats the last fills), and the net position per symbol they add up to. The exec ids
 * remembered are bounded; Kraken replays at most 50 fills. Connection thread only.
 */
final class FillLedger
{
    private static final int REMEMBERED = 10_000;

    /** A symbol's net position: signed quantity and the average price of what is open. */
    static final class Position
    {
        BigDecimal qty = BigDecimal.ZERO;
        BigDecimal averagePrice = BigDecimal.ZERO;
    }

    private final Map<String, Boolean> seen = new LinkedHashMap<>(1024, 0.75f, false)
    {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(final Map.Entry<String, Boolean> eldest)
        {
            return size() > REMEMBERED;
        }
    };
    private final Map<String, Position> positions = new HashMap<>();

    /** True the first time {@code execId} is offered, false for a replay. */
    boolean firstSight(final String execId)
    {
        return seen.put(execId, Boolean.TRUE) == null;
    }

    /** Applies a fill to {@code symbol}'s position and returns it. */
    Position apply(final String symbol, final int side, final BigDecimal qty, final BigDecimal price)
    {
        final Position p = positions.computeIfAbsent(symbol, s -> new Position());
        final BigDecimal signed = side == Side.BUY ? qty : qty.negate();
        final BigDecimal before = p.qty;
        final BigDecimal after = before.add(signed);
        if (before.signum() == 0 || before.signum() == signed.signum())
        {
            // adding to the position: the average moves
            p.averagePrice = before.abs().multiply(p.averagePrice).add(qty.multiply(price))
                .divide(after.abs(), MathContext.DECIMAL64);
        }
        else if (after.signum() == 0)
        {
            p.averagePrice = BigDecimal.ZERO;
        }
        else if (after.signum() != before.signum())
        {
            p.averagePrice = price;
        }
        p.qty = after;
        return p;
    }
}
