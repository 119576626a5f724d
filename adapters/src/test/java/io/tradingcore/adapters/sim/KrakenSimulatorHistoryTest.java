package io.tradingcore.adapters.sim;

import io.tradingcore.adapters.kraken.ControlJson;
import io.tradingcore.core.time.MicrosClock;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static io.tradingcore.adapters.kraken.ControlJson.asArray;
import static io.tradingcore.adapters.kraken.ControlJson.asObject;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The warm history of {@code --feed sim}: the ohlc snapshot on subscribe holds closed candles ending now, like Kraken's. */
class KrakenSimulatorHistoryTest
{
    private static final int HISTORY_MINUTES = 50;
    /** {@code ring.frameCapacityBytes} of base.yaml: a larger snapshot would be rejected as oversized. */
    private static final int RING_SLOT_BYTES = 16_384;

    @Test
    void theOhlcSnapshotHoldsTheHistorysClosedCandlesEndingNow()
    {
        final long before = new MicrosClock().epochMicros();
        final SyntheticMarket market = new KrakenSimulator(new KrakenSimulatorSettings()
            .symbols(SyntheticMarket.defaultSymbols()).hostClock(true).historyMinutes(HISTORY_MINUTES)).market();
        final long after = new MicrosClock().epochMicros();
        assertTrue(market.clockMicros() >= before && market.clockMicros() <= after, "the history ends now");
        for (final String symbol : SyntheticMarket.defaultSymbols())
        {
            for (final int interval : new int[] {1, 5})
            {
                final String frame = market.ohlcSnapshot(symbol, interval);
                final String series = symbol + " " + interval + "m";
                assertTrue(frame.length() <= RING_SLOT_BYTES, series + " fits a ring slot: " + frame.length());
                final List<Object> items = asArray(asObject(ControlJson.parse(frame)).get("data"));
                long previous = 0;
                int closed = 0;
                for (final Object item : items)
                {
                    final Map<String, Object> candle = asObject(item);
                    final long begin = micros(ControlJson.string(candle, "interval_begin"));
                    assertTrue(previous == 0 || begin == previous + interval * 60_000_000L,
                        series + ": a candle every interval, oldest first");
                    previous = begin;
                    closed += begin + interval * 60_000_000L <= market.clockMicros() ? 1 : 0;
                }
                assertTrue(closed >= HISTORY_MINUTES / interval - 1, series + " closed candles: " + closed);
                assertTrue(items.size() - closed <= 1, "at most the last one is in progress");
            }
        }
    }

    @Test
    void historyIsBoundByWhatTheCandleSeriesKeeps()
    {
        final KrakenSimulatorSettings settings = new KrakenSimulatorSettings();
        assertThrows(IllegalArgumentException.class, () -> settings.historyMinutes(CandleSeries.HISTORY + 1));
        assertThrows(IllegalArgumentException.class, () -> settings.historyMinutes(-1));
        assertEquals(0, settings.historyMinutes(), "off by default: the fixed synthetic recordings keep theirs");
    }

    private static long micros(final String rfc3339)
    {
        return ChronoUnit.MICROS.between(Instant.EPOCH, Instant.parse(rfc3339));
    }
}
