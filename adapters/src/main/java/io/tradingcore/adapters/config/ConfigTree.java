package io.tradingcore.adapters.config;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The configuration as key paths ({@code kraken.book.depth}) to values, each remembering where it
 * came from. Layers are added lowest precedence first and a later layer replaces a key of an earlier
 * one. The typed reads validate and record the effective value (or the default); a key that no read
 * asked for is an unknown key.
 */
final class ConfigTree
{
    private static final Pattern WHOLE = Pattern.compile("-?\\d{1,18}");
    private static final Pattern DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?");

    private static final class Setting
    {
        private final Object value;
        private final String origin;

        private Setting(final Object value, final String origin)
        {
            this.value = value;
            this.origin = origin;
        }
    }

    private final Map<String, Setting> settings = new LinkedHashMap<>();
    private final Map<String, Object> effective = new LinkedHashMap<>();

    /** Adds every leaf of a configuration file (nested maps; a list is one leaf), each with its line; null adds nothing. */
    void addFile(final ConfigFile file)
    {
        if (file != null && file.document() != null)
        {
            flatten("", file.document(), file);
        }
    }

    private void flatten(final String prefix, final Map<?, ?> map, final ConfigFile file)
    {
        for (final Map.Entry<?, ?> e : map.entrySet())
        {
            final String path = prefix + e.getKey();
            if (e.getValue() instanceof Map)
            {
                flatten(path + ".", (Map<?, ?>)e.getValue(), file);
            }
            else
            {
                put(path, e.getValue(), file.origin(path));
            }
        }
    }

    void put(final String path, final Object value, final String origin)
    {
        settings.put(path, new Setting(value, origin));
    }

    boolean has(final String path)
    {
        return settings.containsKey(path);
    }

    String text(final String path, final String fallback) throws ConfigException
    {
        final Setting s = settings.get(path);
        if (s != null && !(s.value instanceof String))
        {
            throw invalid(path, "text");
        }
        return record(path, s == null ? fallback : (String)s.value);
    }

    String choice(final String path, final String fallback, final String... allowed) throws ConfigException
    {
        final String value = text(path, fallback);
        for (final String a : allowed)
        {
            if (a.equals(value))
            {
                return value;
            }
        }
        throw invalid(path, "one of " + String.join(", ", allowed));
    }

    long integer(final String path, final long fallback, final long min, final long max) throws ConfigException
    {
        final Setting s = settings.get(path);
        if (s == null)
        {
            return record(path, fallback);
        }
        final Long value = wholeNumber(s.value);
        if (value == null || value < min || value > max)
        {
            throw invalid(path, "a whole number from " + min + " to " + max);
        }
        return record(path, value);
    }

    int integer(final String path, final int fallback, final int min, final int max) throws ConfigException
    {
        return (int)integer(path, (long)fallback, min, max);
    }

    double number(final String path, final double fallback, final double min, final double max) throws ConfigException
    {
        final Setting s = settings.get(path);
        final Double value = s == null ? Double.valueOf(fallback) : decimal(s.value);
        if (value == null || value < min || value > max)
        {
            throw invalid(path, "a number from " + plain(min) + " to " + plain(max));
        }
        effective.put(path, shown(value));
        return value;
    }

    boolean flag(final String path, final boolean fallback) throws ConfigException
    {
        final Setting s = settings.get(path);
        if (s == null)
        {
            return record(path, fallback);
        }
        if (s.value instanceof Boolean)
        {
            return record(path, (Boolean)s.value);
        }
        if ("true".equals(s.value) || "false".equals(s.value))
        {
            return record(path, Boolean.parseBoolean((String)s.value));
        }
        throw invalid(path, "true or false");
    }

    List<String> texts(final String path, final List<String> fallback) throws ConfigException
    {
        final Setting s = settings.get(path);
        if (s == null)
        {
            return record(path, List.copyOf(fallback));
        }
        final List<String> values = new ArrayList<>();
        if (s.value instanceof List)
        {
            for (final Object o : (List<?>)s.value)
            {
                if (!(o instanceof String))
                {
                    throw invalid(path, "a list of text");
                }
                values.add((String)o);
            }
            return record(path, List.copyOf(values));
        }
        throw invalid(path, "a list of text");
    }

    int[] integers(final String path, final int[] fallback, final int min, final int max) throws ConfigException
    {
        final Setting s = settings.get(path);
        if (s == null)
        {
            record(path, asList(fallback));
            return fallback.clone();
        }
        if (!(s.value instanceof List))
        {
            throw invalid(path, "a list of whole numbers from " + min + " to " + max);
        }
        final List<?> list = (List<?>)s.value;
        final int[] values = new int[list.size()];
        for (int i = 0; i < values.length; i++)
        {
            final Long v = wholeNumber(list.get(i));
            if (v == null || v < min || v > max)
            {
                throw invalid(path, "a list of whole numbers from " + min + " to " + max);
            }
            values[i] = v.intValue();
        }
        record(path, asList(values));
        return values;
    }

    /** A list of rows of {@code columns} numbers each, e.g. {@code [[0, 25, 40], [10000, 20, 35]]}. */
    double[][] numberRows(final String path, final double[][] fallback, final int columns, final double min, final double max)
        throws ConfigException
    {
        final Setting s = settings.get(path);
        final double[][] rows;
        if (s == null)
        {
            rows = fallback;
        }
        else
        {
            final String allowed = "a list of rows of " + columns + " numbers from " + plain(min) + " to " + plain(max);
            if (!(s.value instanceof List) || ((List<?>)s.value).isEmpty())
            {
                throw invalid(path, allowed);
            }
            final List<?> list = (List<?>)s.value;
            rows = new double[list.size()][];
            for (int i = 0; i < rows.length; i++)
            {
                if (!(list.get(i) instanceof List) || ((List<?>)list.get(i)).size() != columns)
                {
                    throw invalid(path, allowed);
                }
                rows[i] = new double[columns];
                for (int c = 0; c < columns; c++)
                {
                    final Double v = decimal(((List<?>)list.get(i)).get(c));
                    if (v == null || v < min || v > max)
                    {
                        throw invalid(path, allowed);
                    }
                    rows[i][c] = v;
                }
            }
        }
        final List<List<Object>> shown = new ArrayList<>();
        for (final double[] row : rows)
        {
            final List<Object> r = new ArrayList<>();
            for (final double v : row)
            {
                r.add(shown(v));
            }
            shown.add(r);
        }
        record(path, shown);
        return rows;
    }

    /** What the run uses of {@code path} is less than was set: the effective configuration shows {@code values}. */
    int[] narrow(final String path, final int[] values)
    {
        record(path, asList(values));
        return values;
    }

    /** The names one level below {@code prefix} that any layer set, in the order first seen. */
    Set<String> children(final String prefix)
    {
        final String head = prefix + ".";
        final Set<String> names = new LinkedHashSet<>();
        for (final String path : settings.keySet())
        {
            if (path.startsWith(head))
            {
                final int dot = path.indexOf('.', head.length());
                names.add(dot < 0 ? path.substring(head.length()) : path.substring(head.length(), dot));
            }
        }
        return names;
    }

    /** Replaces what {@link #effective()} shows for a key already read, e.g. a masked secret. */
    void show(final String path, final Object shown)
    {
        effective.put(path, shown);
    }

    /** A bad value at {@code path}: names its origin, the key, the value and what is allowed. */
    ConfigException invalid(final String path, final String allowed)
    {
        final Setting s = settings.get(path);
        return invalid(path, s == null ? "(missing)" : render(s.value), allowed);
    }

    /** As {@link #invalid(String, String)} with the value as it may be shown (a secret masked). */
    ConfigException invalid(final String path, final String shownValue, final String allowed)
    {
        return new ConfigException(originOf(path) + ": " + path + " = " + shownValue + " is not allowed; expected " + allowed);
    }

    /** Where {@code path} was set; for a missing key, where its nearest sibling was set. */
    private String originOf(final String path)
    {
        final Setting s = settings.get(path);
        if (s != null)
        {
            return s.origin;
        }
        final int dot = path.lastIndexOf('.');
        final String head = path.substring(0, dot + 1);
        for (final Map.Entry<String, Setting> e : settings.entrySet())
        {
            if (dot > 0 && e.getKey().startsWith(head))
            {
                return e.getValue().origin;
            }
        }
        return "built-in default";
    }

    /** Fails on the first key that no read asked for, naming the keys that are known nearby. */
    void rejectUnknown() throws ConfigException
    {
        for (final String path : settings.keySet())
        {
            if (!effective.containsKey(path))
            {
                throw unknownKey(path, knownNear(path));
            }
        }
    }

    /** A key set at {@code path} that the schema does not have; {@code known} says what it has there. */
    ConfigException unknownKey(final String path, final String known)
    {
        return new ConfigException(originOf(path) + ": unknown key " + path + "; " + known);
    }

    private String knownNear(final String path)
    {
        String parent = path;
        while (true)
        {
            final int dot = parent.lastIndexOf('.');
            parent = dot < 0 ? "" : parent.substring(0, dot);
            final String head = parent.isEmpty() ? "" : parent + ".";
            final Set<String> known = new LinkedHashSet<>();
            for (final String k : effective.keySet())
            {
                if (k.startsWith(head))
                {
                    final int next = k.indexOf('.', head.length());
                    known.add(next < 0 ? k.substring(head.length()) : k.substring(head.length(), next));
                }
            }
            if (!known.isEmpty() || parent.isEmpty())
            {
                return "known keys " + (parent.isEmpty() ? "at the top level" : "under " + parent) + ": " +
                    String.join(", ", known);
            }
        }
    }

    /** Every value read, nested by key path, in the order read: the effective configuration. */
    Map<String, Object> effective()
    {
        final Map<String, Object> root = new LinkedHashMap<>();
        for (final Map.Entry<String, Object> e : effective.entrySet())
        {
            final String[] parts = e.getKey().split("\\.");
            Map<String, Object> node = root;
            for (int i = 0; i < parts.length - 1; i++)
            {
                @SuppressWarnings("unchecked")
                final Map<String, Object> child = (Map<String, Object>)node.computeIfAbsent(parts[i], k -> new LinkedHashMap<>());
                node = child;
            }
            node.put(parts[parts.length - 1], e.getValue());
        }
        return root;
    }

    private <T> T record(final String path, final T value)
    {
        effective.put(path, value);
        return value;
    }

    private static Long wholeNumber(final Object value)
    {
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte)
        {
            return ((Number)value).longValue();
        }
        if (value instanceof String && WHOLE.matcher((String)value).matches())
        {
            return Long.parseLong((String)value);
        }
        return null;
    }

    private static Double decimal(final Object value)
    {
        if (value instanceof Number)
        {
            final double d = ((Number)value).doubleValue();
            return Double.isFinite(d) ? d : null;
        }
        if (value instanceof String && DECIMAL.matcher((String)value).matches())
        {
            return Double.parseDouble((String)value);
        }
        return null;
    }

    /** Whole numbers shown as such: Chronicle would print 2000.0 as 2E3. */
    private static Object shown(final double value)
    {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? (Object)(long)value : (Object)value;
    }

    private static List<Long> asList(final int[] values)
    {
        final List<Long> list = new ArrayList<>(values.length);
        for (final int v : values)
        {
            list.add((long)v);
        }
        return list;
    }

    static String plain(final double value)
    {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static String render(final Object value)
    {
        if (value instanceof String)
        {
            return "\"" + value + "\"";
        }
        return String.valueOf(value);
    }
}
