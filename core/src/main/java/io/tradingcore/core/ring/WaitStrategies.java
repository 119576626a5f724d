package io.tradingcore.core.ring;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.SleepingWaitStrategy;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.YieldingWaitStrategy;

/** The stage wait strategy by its configuration name. */
public final class WaitStrategies
{
    public static final String[] NAMES = {"busy-spin", "yielding", "sleeping", "blocking"};

    private WaitStrategies()
    {
    }

    public static WaitStrategy of(final String name)
    {
        switch (name)
        {
            case "busy-spin":
                return new BusySpinWaitStrategy();
            case "yielding":
                return new YieldingWaitStrategy();
            case "sleeping":
                return new SleepingWaitStrategy();
            case "blocking":
                return new BlockingWaitStrategy();
            default:
                throw new IllegalArgumentException(
                    "wait strategy must be one of busy-spin, yielding, sleeping, blocking, not " + name);
        }
    }
}
