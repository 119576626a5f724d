package io.tradingcore.adapters.report;

import io.tradingcore.core.time.Rfc3339;

import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The trade ledger of a backtest: every fill in order, with each strategy's own average-cost position
 * per symbol after it (strategies share the portfolio's positions; a ledger per strategy is what lets
 * each be judged alone), the PnL it realized and the running equity, all in USD.
 */
public final class Ledger
{
    /** The CSV's columns, in order. */
    public static final String HEADER = "time,strategy,symbol,side,price,qty,fee,usd_per_quote,fee_usd,position,"
        + "average_price,realized_pnl_usd,equity_usd,order_id,fill_id";

    /**
     * One fill with its accounting. {@code closing}: it reduced the strategy's position (a trade in the
     * report's figures); {@code realizedUsd} is gross of fees; {@code equityUsd} is the run's realized PnL
     * net of fees so far, all strategies together.
     */
    public record Row(Fill fill, double feeUsd, double position, double averagePrice, boolean closing, double realizedUsd,
        double equityUsd)
    {
    }

    private final List<Row> rows = new ArrayList<>();

    public Ledger(final List<Fill> fills)
    {
        final Map<String, Position> positions = new HashMap<>();
        double equity = 0;
        for (final Fill f : fills)
        {
            final Position p = positions.computeIfAbsent(f.strategy() + '|' + f.symbol(), k -> new Position());
            final double price = Double.parseDouble(f.price());
            final BigDecimal qty = f.buy() ? new BigDecimal(f.qty()) : new BigDecimal(f.qty()).negate();
            final boolean closing = p.qty.signum() != 0 && qty.signum() != p.qty.signum();
            double realizedQuote = 0;
            if (closing)
            {
                final BigDecimal closed = qty.abs().min(p.qty.abs()).multiply(BigDecimal.valueOf(p.qty.signum()));
                realizedQuote = (price - p.averagePrice) * closed.doubleValue();
                p.qty = p.qty.subtract(closed);
                final BigDecimal opened = qty.add(closed);
                if (opened.signum() != 0)
                {
                    p.qty = opened;
                    p.averagePrice = price;
                }
            }
            else
            {
                final BigDecimal after = p.qty.add(qty);
                p.averagePrice = (p.averagePrice * p.qty.doubleValue() + price * qty.doubleValue()) / after.doubleValue();
                p.qty = after;
            }
            if (p.qty.signum() == 0)
            {
                p.averagePrice = 0;
            }
            final double feeUsd = Double.parseDouble(f.fee()) * f.usdPerQuote();
            final double realizedUsd = realizedQuote * f.usdPerQuote();
            equity += realizedUsd - feeUsd;
            rows.add(new Row(f, feeUsd, p.qty.doubleValue(), p.averagePrice, closing, realizedUsd, equity));
        }
    }

    public List<Row> rows()
    {
        return rows;
    }

    public void writeCsv(final Path file) throws IOException
    {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8))
        {
            out.write(HEADER);
            out.write('\n');
            for (final Row r : rows)
            {
                final Fill f = r.fill();
                out.write(String.join(",", Rfc3339.formatMicros(f.micros()), f.strategy(), f.symbol(), f.side(), f.price(),
                    f.qty(), f.fee(), number(f.usdPerQuote()), number(r.feeUsd()), number(r.position()),
                    number(r.averagePrice()), number(r.realizedUsd()), number(r.equityUsd()), f.orderId(), f.fillId()));
                out.write('\n');
            }
        }
    }

    private static String number(final double value)
    {
        return String.format(Locale.ROOT, "%.8f", value);
    }

    /** One strategy's position in one symbol: the quantity exact (decimals as written), the average price. */
    private static final class Position
    {
        private BigDecimal qty = BigDecimal.ZERO;
        private double averagePrice;
    }
}
