package io.tradingcore.adapters.config;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.wire.BracketType;
import net.openhft.chronicle.wire.ValueIn;
import net.openhft.chronicle.wire.YamlWire;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One YAML configuration file, read by Chronicle Wire and held to what it says exactly. Chronicle's
 * reader is lenient: a mis-indented line can end the document early (the keys after it silently
 * dropped), or become a key of its own; {@code a: b: c} reads as a nested map, a repeated key
 * replaces the first, tabs pass. So every key Chronicle reads is placed on its line in the text,
 * and the file is refused, naming the line, for a tab, a repeated key, a mapping that starts on its
 * key's line, a key out of line with its siblings, or any text Chronicle did not consume.
 */
final class ConfigFile
{
    private enum Placement
    {
        /** Only spaces before it on its line. */
        BLOCK,
        /** After {@code {} or {@code ,} of a flow mapping. */
        FLOW,
        /** After the {@code -} of a sequence entry. */
        ENTRY,
        /** After another key's {@code :}, as in {@code a: b: c}. */
        INLINE
    }

    private final Path file;
    private final String text;
    /** The text with comments blanked, so that no key is found in one. */
    private final String code;
    private final Map<String, Integer> lines = new HashMap<>();
    private final Set<Integer> keyLines = new HashSet<>();
    private Map<String, Object> document;
    /** The first refusal, raised inside Chronicle's callbacks, which cannot throw it. */
    private ConfigException refusal;
    /** Where the search for the next key starts: keys come in the order of the text. */
    private int cursor;

    private ConfigFile(final Path file, final String text)
    {
        this.file = file;
        this.text = text;
        this.code = withoutComments(text);
    }

    /** Reads and checks {@code file}; a file of only blanks and comments has a null document. */
    static ConfigFile read(final Path file) throws ConfigException
    {
        if (Files.isDirectory(file))
        {
            throw new ConfigException("file " + file + ": is a directory, not a YAML file");
        }
        final String text;
        try
        {
            text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        }
        catch (final IOException e)
        {
            throw new ConfigException("file " + file + ": cannot read it (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
        }
        final ConfigFile config = new ConfigFile(file, text);
        config.parse();
        return config;
    }

    /** The top-level mapping, or null when the file holds no document. */
    Map<String, Object> document()
    {
        return document;
    }

    /** {@code file F}. */
    String origin()
    {
        return "file " + file;
    }

    /** {@code file F, line N} for a key path ({@code risk.lossStreak.count}) of this file. */
    String origin(final String path)
    {
        final Integer line = lines.get(path);
        return line == null ? origin() : at(line);
    }

    private String at(final int line)
    {
        return origin() + ", line " + line;
    }

    private void parse() throws ConfigException
    {
        final int tab = text.indexOf('\t');
        if (tab >= 0)
        {
            throw new ConfigException(at(lineOf(tab)) + ": a tab character; YAML indents with spaces only");
        }
        if (code.isBlank())
        {
            return;
        }
        final YamlWire wire = new YamlWire(Bytes.from(text));
        final Object top;
        try
        {
            top = value(wire.getValueIn(), "", 0, -1);
            wire.consumePadding();
        }
        catch (final RuntimeException e)
        {
            throw refusal != null ? refusal : notUnderstood(lineAfterCursor(), "not valid YAML: " + firstLine(e.getMessage()));
        }
        if (!(top instanceof Map))
        {
            throw new ConfigException(origin() + ": the top level must be a map of keys, found " + top);
        }
        if (wire.bytes().readRemaining() > 0)
        {
            throw notUnderstood(nextContentLine((int)wire.bytes().readPosition()), "nothing from here on was read");
        }
        for (int line = 1, start = 0; start < code.length(); line++)
        {
            final int end = lineEnd(start);
            if (looksLikeKey(code.substring(start, end)) && !keyLines.contains(line))
            {
                throw notUnderstood(line, "Chronicle read no key from it");
            }
            start = end + 1;
        }
        @SuppressWarnings("unchecked")
        final Map<String, Object> map = (Map<String, Object>)top;
        document = map;
    }

    private Object value(final ValueIn in, final String path, final int keyLine, final int keyColumn) throws ConfigException
    {
        final BracketType bracket = in.getBracketType();
        if (bracket == BracketType.MAP)
        {
            final Map<String, Object> map = new LinkedHashMap<>();
            in.marshallable(wire ->
            {
                final StringBuilder key = new StringBuilder();
                int column = -1;
                while (refusal == null && wire.isNotEmptyAfterPadding())
                {
                    final ValueIn entry = wire.read(key);
                    try
                    {
                        column = entry(map, key.toString(), path, keyLine, keyColumn, column, entry);
                    }
                    catch (final ConfigException e)
                    {
                        refusal = e;
                    }
                }
            });
            return refused(map);
        }
        if (bracket == BracketType.SEQ)
        {
            final List<Object> list = new ArrayList<>();
            in.sequence(list, (items, item) ->
            {
                while (refusal == null && item.hasNextSequenceItem())
                {
                    try
                    {
                        items.add(value(item, path, keyLine, keyColumn));
                    }
                    catch (final ConfigException e)
                    {
                        refusal = e;
                    }
                }
            });
            return refused(list);
        }
        return in.object();
    }

    private Object refused(final Object value) throws ConfigException
    {
        if (refusal != null)
        {
            throw refusal;
        }
        return value;
    }

    /** Places one key of a mapping, checks it against its parent and siblings, reads its value; returns the mapping's column. */
    private int entry(
        final Map<String, Object> map, final String key, final String parent, final int parentLine, final int parentColumn,
        final int mapColumn, final ValueIn in) throws ConfigException
    {
        final String path = parent.isEmpty() ? key : parent + "." + key;
        final int at = key.isEmpty() ? -1 : find(key);
        if (at < 0)
        {
            throw notUnderstood(lineAfterCursor(), "check its indentation");
        }
        final int line = lineOf(at);
        final int column = at - lineStart(at);
        final Placement placement = placement(at);
        if (placement == Placement.INLINE)
        {
            throw new ConfigException(at(line) + ": " + path + ": a mapping cannot start on the line of its key (as in a: b: c); " +
                "quote the value or put each key on its own line");
        }
        int columnOfMap = mapColumn;
        if (placement != Placement.FLOW)
        {
            if (mapColumn < 0 && column <= parentColumn && !parent.isEmpty())
            {
                throw notUnderstood(line, "key " + path + " must be indented deeper than " + parent + " on line " + parentLine);
            }
            if (mapColumn >= 0 && column != mapColumn)
            {
                throw notUnderstood(line, "key " + path + " is indented " + column + " spaces where the keys beside it have " + mapColumn);
            }
            columnOfMap = column;
        }
        if (map.containsKey(key))
        {
            throw new ConfigException(at(line) + ": duplicate key " + path + " (first on line " + lines.get(path) + ")");
        }
        lines.put(path, line);
        keyLines.add(line);
        map.put(key, value(in, path, line, column));
        return columnOfMap;
    }

    /** The offset of {@code key} where a key can stand, searching from the cursor (which it then passes). */
    private int find(final String key)
    {
        for (int from = cursor; ; )
        {
            int at = code.indexOf(key, from);
            if (at < 0)
            {
                return -1;
            }
            from = at + 1;
            int end = at + key.length();
            final boolean quoted = at > 0 && end < code.length() && (code.charAt(at - 1) == '"' || code.charAt(at - 1) == '\'') &&
                code.charAt(end) == code.charAt(at - 1);
            if (quoted)
            {
                at--;
                end++;
            }
            while (end < code.length() && code.charAt(end) == ' ')
            {
                end++;
            }
            final boolean colon = end < code.length() && code.charAt(end) == ':' &&
                (end + 1 == code.length() || code.charAt(end + 1) <= ' ' || code.charAt(end + 1) == ',' || code.charAt(end + 1) == '}');
            if (colon && placement(at) != null)
            {
                cursor = end + 1;
                return at;
            }
        }
    }

    /** What stands before a key at {@code at} on its line; null when nothing a key can follow. */
    private Placement placement(final int at)
    {
        int i = at - 1;
        while (i >= 0 && code.charAt(i) == ' ')
        {
            i--;
        }
        if (i < 0 || code.charAt(i) == '\n' || code.charAt(i) == '\r')
        {
            return Placement.BLOCK;
        }
        switch (code.charAt(i))
        {
            case '{':
            case ',':
                return Placement.FLOW;
            case '-':
                return Placement.ENTRY;
            case ':':
                return Placement.INLINE;
            default:
                return null;
        }
    }

    private ConfigException notUnderstood(final int line, final String why)
    {
        if (line < 1)
        {
            return new ConfigException(origin() + ": " + why);
        }
        int start = 0;
        for (int l = 1; l < line; l++)
        {
            start = lineEnd(start) + 1;
        }
        return new ConfigException(at(line) + ": '" + text.substring(start, lineEnd(start)).strip() + "' is not understood (" + why + ")");
    }

    /**
     * The line Chronicle stumbled on after the last key placed: the next one, unless that key's value
     * opened a flow collection on its own line.
     */
    private int lineAfterCursor()
    {
        final int end = lineEnd(cursor);
        final String rest = code.substring(cursor, end);
        return nextContentLine(rest.indexOf('{') >= 0 || rest.indexOf('[') >= 0 || end == code.length() ? cursor : end + 1);
    }

    /** The first line at or after {@code offset}'s line that holds more than blanks and comments; 0 if none. */
    private int nextContentLine(final int offset)
    {
        int start = lineStart(Math.min(offset, code.length()));
        for (int line = lineOf(start); start < code.length(); line++)
        {
            final int end = lineEnd(start);
            if (!code.substring(start, end).isBlank() && !(line == lineOf(offset) && code.substring(offset, end).isBlank()))
            {
                return line;
            }
            start = end + 1;
        }
        return 0;
    }

    private static boolean looksLikeKey(final String line)
    {
        final String s = line.strip();
        final int colon = s.indexOf(": ");
        return !s.isEmpty() && "-[{\"'".indexOf(s.charAt(0)) < 0 && (colon > 0 || s.endsWith(":"));
    }

    private int lineOf(final int offset)
    {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++)
        {
            if (text.charAt(i) == '\n')
            {
                line++;
            }
        }
        return line;
    }

    private int lineStart(final int offset)
    {
        return offset == 0 ? 0 : code.lastIndexOf('\n', offset - 1) + 1;
    }

    private int lineEnd(final int start)
    {
        final int end = code.indexOf('\n', start);
        return end < 0 ? code.length() : end;
    }

    /** {@code text} with each comment (a {@code #} at a line's start or after a space, outside quotes) replaced by spaces. */
    private static String withoutComments(final String text)
    {
        final char[] chars = text.toCharArray();
        char quote = 0;
        boolean comment = false;
        for (int i = 0; i < chars.length; i++)
        {
            final char c = chars[i];
            if (c == '\n')
            {
                quote = 0;
                comment = false;
            }
            else if (comment)
            {
                chars[i] = ' ';
            }
            else if (quote != 0)
            {
                quote = c == quote ? 0 : quote;
            }
            else if ((c == '"' || c == '\'') && (i == 0 || " \n:[{,".indexOf(chars[i - 1]) >= 0))
            {
                quote = c;
            }
            else if (c == '#' && (i == 0 || chars[i - 1] == ' ' || chars[i - 1] == '\n'))
            {
                comment = true;
                chars[i] = ' ';
            }
        }
        return new String(chars);
    }

    /** The gist of Chronicle's message: its first line, without the reader's internals. */
    private static String firstLine(final String message)
    {
        if (message == null)
        {
            return "";
        }
        final int nl = message.indexOf('\n');
        final String line = nl < 0 ? message : message.substring(0, nl);
        final int internals = line.indexOf(" while reading");
        return internals < 0 ? line : line.substring(0, internals);
    }
}
