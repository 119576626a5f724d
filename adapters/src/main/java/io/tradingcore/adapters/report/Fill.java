package io.tradingcore.adapters.report;

/**
 * One paper fill as Redis acknowledged it: its entry's fields as written (decimals exact), the
 * strategy of the order's intent, and the USD value of one unit of the pair's quote currency at the
 * time (1 for a USD quote; the last trade of QUOTE/USD otherwise, NaN while none was seen).
 */
public record Fill(
    long micros, String fillId, String orderId, String strategy, String symbol, String side, String price, String qty,
    String fee, double usdPerQuote)
{
    public boolean buy()
    {
        return "buy".equals(side);
    }
}
