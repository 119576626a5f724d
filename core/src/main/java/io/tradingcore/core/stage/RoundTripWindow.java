package io.tradingcore.core.stage;

/** Wins and losses of the round trips closed in the last hour of event time, for {@code win_rate_1h}. */
final class RoundTripWindow
{
    private static final long WINDOW_MICROS = 3_600_000_000L;

    private final long[] closedAt;
    private final boolean[] won;
    private int head;
    private int size;

    RoundTripWindow(final int capacity)
    {
        closedAt = new long[capacity];
        won = new boolean[capacity];
    }

    void add(final long micros, final boolean win)
    {
        final int at = (head + size) % closedAt.length;
        closedAt[at] = micros;
        won[at] = win;
        if (size < closedAt.length)
        {
            size++;
        }
        else
        {
            head = (head + 1) % closedAt.length;
        }
    }

    /** Share of round trips won in the hour before {@code now}; 0 when there was none. */
    double winRate(final long now)
    {
        while (size > 0 && now - closedAt[head] > WINDOW_MICROS)
        {
            head = (head + 1) % closedAt.length;
            size--;
        }
        int wins = 0;
        for (int i = 0; i < size; i++)
        {
            if (won[(head + i) % closedAt.length])
            {
                wins++;
            }
        }
        return size == 0 ? 0 : (double)wins / size;
    }
}
