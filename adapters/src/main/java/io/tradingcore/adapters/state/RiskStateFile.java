package io.tradingcore.adapters.state;

import io.tradingcore.core.market.SymbolTable;
import io.tradingcore.core.risk.RiskState;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Properties;

/**
 * The risk state on disk: a properties file with symbols by name (ids are per process), replaced
 * atomically (written beside, forced to disk, renamed over), so a crash at any moment leaves the
 * previous state or the new one, never a torn file.
 */
public final class RiskStateFile
{
    public static final String NAME = "risk-state.properties";
    private static final String FORMAT = "1";
    private static final String SYMBOL = "symbol.";

    private final Path file;
    private final Path temporary;

    public RiskStateFile(final Path directory)
    {
        file = directory.resolve(NAME);
        temporary = directory.resolve(NAME + ".tmp");
    }

    public Path path()
    {
        return file;
    }

    public void write(final RiskState state, final SymbolTable symbols) throws IOException
    {
        final Properties p = new Properties();
        p.setProperty("format", FORMAT);
        p.setProperty("event_micros", Long.toString(state.eventMicros));
        p.setProperty("fills", Long.toString(state.fills));
        p.setProperty("day", Long.toString(state.day));
        p.setProperty("day_peak", Double.toString(state.dayPeak));
        p.setProperty("daily_drawdown", Double.toString(state.dailyDrawdown));
        p.setProperty("wins", Integer.toString(state.wins));
        p.setProperty("losses", Integer.toString(state.losses));
        p.setProperty("loss_streak", Integer.toString(state.lossStreak));
        p.setProperty("last_loss_micros", Long.toString(state.lastLossMicros));
        p.setProperty("last_round_trip", Double.toString(state.lastRoundTrip));
        p.setProperty("kill_switch_tripped", Boolean.toString(state.killSwitchTripped));
        p.setProperty("kill_switch_day", Long.toString(state.killSwitchDay));
        for (int id = 0, n = Math.min(symbols.size(), state.maxSymbols()); id < n; id++)
        {
            if (!state.traded[id] && state.rateCount[id] == 0)
            {
                continue;
            }
            final String at = SYMBOL + symbols.name(id) + ".";
            p.setProperty(at + "traded", Boolean.toString(state.traded[id]));
            p.setProperty(at + "position", Long.toString(state.position[id]));
            p.setProperty(at + "qty_precision", Integer.toString(state.qtyPrecision[id]));
            p.setProperty(at + "price_precision", Integer.toString(state.pricePrecision[id]));
            p.setProperty(at + "average_price", Double.toString(state.averagePrice[id]));
            p.setProperty(at + "realized", Double.toString(state.realized[id]));
            p.setProperty(at + "fees", Double.toString(state.fees[id]));
            p.setProperty(at + "trip_result", Double.toString(state.tripResult[id]));
            p.setProperty(at + "mark_price", Double.toString(state.markPrice[id]));
            p.setProperty(at + "unrealized", Double.toString(state.unrealized[id]));
            p.setProperty(at + "rate_count", Double.toString(state.rateCount[id]));
            p.setProperty(at + "rate_updated_micros", Long.toString(state.rateUpdatedMicros[id]));
        }
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING); OutputStream out = Channels.newOutputStream(channel))
        {
            p.store(out, "trading-core risk and portfolio state: replaced whole on every change");
            out.flush();
            channel.force(true);
        }
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * The state kept by a previous run, its symbols interned into {@code symbols}; null when there is none.
     * A file that cannot be read whole fails: starting without it would forget positions and a tripped kill switch.
     */
    public RiskState read(final SymbolTable symbols) throws IOException
    {
        if (!Files.exists(file))
        {
            return null;
        }
        final Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1))
        {
            p.load(in);
        }
        try
        {
            if (!FORMAT.equals(p.getProperty("format")))
            {
                throw new IOException("unknown format " + p.getProperty("format"));
            }
            final RiskState state = new RiskState(SymbolTable.MAX_SYMBOLS);
            state.eventMicros = Long.parseLong(required(p, "event_micros"));
            state.fills = Long.parseLong(required(p, "fills"));
            state.day = Long.parseLong(required(p, "day"));
            state.dayPeak = Double.parseDouble(required(p, "day_peak"));
            state.dailyDrawdown = Double.parseDouble(required(p, "daily_drawdown"));
            state.wins = Integer.parseInt(required(p, "wins"));
            state.losses = Integer.parseInt(required(p, "losses"));
            state.lossStreak = Integer.parseInt(required(p, "loss_streak"));
            state.lastLossMicros = Long.parseLong(required(p, "last_loss_micros"));
            state.lastRoundTrip = Double.parseDouble(required(p, "last_round_trip"));
            state.killSwitchTripped = Boolean.parseBoolean(required(p, "kill_switch_tripped"));
            state.killSwitchDay = Long.parseLong(required(p, "kill_switch_day"));
            for (final String key : p.stringPropertyNames())
            {
                if (!key.startsWith(SYMBOL) || !key.endsWith(".traded"))
                {
                    continue;
                }
                final String name = key.substring(SYMBOL.length(), key.length() - ".traded".length());
                final int id = symbols.intern(name);
                if (id == SymbolTable.NONE)
                {
                    throw new IOException("cannot take symbol " + name + " (symbol table full or name too long)");
                }
                final String at = SYMBOL + name + ".";
                state.traded[id] = Boolean.parseBoolean(required(p, at + "traded"));
                state.position[id] = Long.parseLong(required(p, at + "position"));
                state.qtyPrecision[id] = Integer.parseInt(required(p, at + "qty_precision"));
                state.pricePrecision[id] = Integer.parseInt(required(p, at + "price_precision"));
                state.averagePrice[id] = Double.parseDouble(required(p, at + "average_price"));
                state.realized[id] = Double.parseDouble(required(p, at + "realized"));
                state.fees[id] = Double.parseDouble(required(p, at + "fees"));
                state.tripResult[id] = Double.parseDouble(required(p, at + "trip_result"));
                state.markPrice[id] = Double.parseDouble(required(p, at + "mark_price"));
                state.unrealized[id] = Double.parseDouble(required(p, at + "unrealized"));
                state.rateCount[id] = Double.parseDouble(required(p, at + "rate_count"));
                state.rateUpdatedMicros[id] = Long.parseLong(required(p, at + "rate_updated_micros"));
            }
            return state;
        }
        catch (final IOException | RuntimeException ex)
        {
            throw new IOException("the risk state " + file + " is unreadable (" + ex.getMessage()
                + "); fix or remove it: without it positions and a tripped kill switch are forgotten", ex);
        }
    }

    private static String required(final Properties p, final String key) throws IOException
    {
        final String value = p.getProperty(key);
        if (value == null)
        {
            throw new IOException("missing " + key);
        }
        return value;
    }
}
