package io.tradingcore.adapters.sim;

import java.util.List;

/**
 * The assets and pairs the synthetic market can trade, with Kraken's real precisions and limits and
 * plausible starting prices. Pairs quoted in USD follow their base asset's USD value; a cross
 * (ETH/BTC) is priced from the two USD values, so triangles hold up to a small mispricing.
 */
final class InstrumentCatalogue
{
    /** {@code usdPrice} start value; {@code volatility} of log price per √second. */
    record Asset(String id, double usdPrice, double volatility, int precision, int precisionDisplay, boolean borrowable,
        String collateralValue)
    {
    }

    /**
     * {@code spreadTicks} the usual spread, {@code spacingTicks} the usual gap between levels,
     * {@code typicalQty} a usual level size in base units, {@code activity} the relative event rate.
     */
    record Pair(String symbol, String base, String quote, int pricePrecision, int qtyPrecision, int costPrecision,
        String qtyMin, String costMin, int spreadTicks, int spacingTicks, double typicalQty, double dailyVolume,
        double activity)
    {
    }

    static final List<String> DEFAULT_SYMBOLS = List.of("BTC/USD", "ETH/USD", "ETH/BTC", "SOL/USD");

    private static final List<Asset> ASSETS = List.of(
        new Asset("USD", 1.0, 0.0, 4, 2, true, "1.0"),
        new Asset("BTC", 62_807.0, 2.0e-4, 10, 5, true, "1.0"),
        new Asset("ETH", 3_412.0, 2.6e-4, 10, 5, true, "1.0"),
        new Asset("SOL", 148.3, 3.2e-4, 10, 5, false, "0.0"),
        new Asset("XRP", 0.6184, 3.0e-4, 8, 5, false, "0.0"),
        new Asset("DOGE", 0.15521, 3.6e-4, 8, 2, false, "0.0"));

    private static final List<Pair> PAIRS = List.of(
        new Pair("BTC/USD", "BTC", "USD", 1, 8, 5, "5e-05", "0.5", 2, 4, 0.3, 1_850.0, 0.38),
        new Pair("ETH/USD", "ETH", "USD", 2, 8, 5, "0.002", "0.5", 3, 4, 4.0, 21_000.0, 0.28),
        new Pair("ETH/BTC", "ETH", "BTC", 5, 8, 10, "0.002", "0.00002", 1, 1, 2.5, 2_300.0, 0.14),
        new Pair("SOL/USD", "SOL", "USD", 2, 8, 5, "0.02", "0.5", 1, 1, 35.0, 160_000.0, 0.20),
        new Pair("XRP/USD", "XRP", "USD", 5, 8, 5, "10", "0.5", 2, 2, 2_500.0, 9_000_000.0, 0.12),
        new Pair("DOGE/USD", "DOGE", "USD", 7, 8, 5, "40", "0.5", 10, 20, 25_000.0, 60_000_000.0, 0.10));

    private InstrumentCatalogue()
    {
    }

    static Pair pair(final String symbol)
    {
        for (final Pair pair : PAIRS)
        {
            if (pair.symbol().equals(symbol))
            {
                return pair;
            }
        }
        throw new IllegalArgumentException("unknown symbol " + symbol + ", known: " + symbols());
    }

    static Asset asset(final String id)
    {
        for (final Asset asset : ASSETS)
        {
            if (asset.id().equals(id))
            {
                return asset;
            }
        }
        throw new IllegalArgumentException("unknown asset " + id);
    }

    static List<String> symbols()
    {
        return PAIRS.stream().map(Pair::symbol).toList();
    }

    /** Kraken's increment text: {@code 0.1}, {@code 0.0001}, and from 1e-05 on exponent form as on the wire. */
    static String increment(final int precision)
    {
        if (precision == 0)
        {
            return "1";
        }
        if (precision <= 4)
        {
            return "0." + "0".repeat(precision - 1) + "1";
        }
        return precision < 10 ? "1e-0" + precision : "1e-" + precision;
    }
}
