package io.tradingcore.core.risk;

/** A rejection or kill-switch trip for {@code risk:alerts:kraken}; a reusable flyweight. */
public final class RiskAlert
{
    public int rule;
    /** {@link RiskRule#nameBytes(int)} of {@link #rule}. */
    public byte[] ruleName;
    /** The value that broke the rule and the limit it broke (units per rule, see {@link RiskRule}). */
    public double value;
    public double limit;
    /** True on the event that tripped the kill switch (the alert to page someone on). */
    public boolean trip;
    /** The signal that was rejected, 0 for a trip found outside a signal. */
    public long signalId;
    public int strategyId;
    public int symbolId;
    public long micros;

    void set(final int rule, final double value, final double limit, final long micros)
    {
        this.rule = rule;
        this.ruleName = RiskRule.nameBytes(rule);
        this.value = value;
        this.limit = limit;
        this.trip = false;
        this.signalId = 0;
        this.strategyId = -1;
        this.symbolId = -1;
        this.micros = micros;
    }
}
