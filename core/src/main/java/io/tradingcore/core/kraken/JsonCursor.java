package io.tradingcore.core.kraken;

import org.agrona.DirectBuffer;

/**
 * A forward-only JSON reader over one frame held in a {@link DirectBuffer}: no tree, no Strings,
 * no allocation. Keys and string values are slices of the buffer (escapes validated, not decoded).
 * It never reads outside the wrapped range. The first failure sticks: it records a
 * {@link ParseError} and the position, and every later call fails at once, so callers may read
 * several fields and check once.
 */
public final class JsonCursor
{
    /** {@link #nextMember} / {@link #nextElement}: positioned at a value. */
    public static final int VALUE = 1;
    /** {@link #nextMember} / {@link #nextElement}: the container closed. */
    public static final int END = 0;
    public static final int FAILED = -1;
    /** {@link #nextKey}: the object closed. Below every code a {@link WordTable} answers, and its NONE. */
    public static final int NO_MORE_MEMBERS = -2;
    /** {@link #nextKey}: the cursor failed (the failure is recorded). */
    public static final int KEY_FAILED = -3;

    /** Nesting {@link #skipValue} accepts (one bit per level); Kraken frames nest 4 deep. */
    private static final int MAX_DEPTH = 64;

    private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
    private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
    private static final byte[] NULL = {'n', 'u', 'l', 'l'};

    private final JsonNumber number = new JsonNumber();
    private final JsonStringScanner strings = new JsonStringScanner();
    private DirectBuffer buffer;
    private int pos;
    private int end;
    private int error;
    private int errorPosition;
    private int keyOffset;
    private int keyLength;
    private int stringOffset;
    private int stringLength;
    private boolean booleanValue;
    /** The container entered last has had no item yet: one flag serves every level, as items are read in order. */
    private boolean firstItem;

    public void wrap(final DirectBuffer buffer, final int offset, final int length)
    {
        this.buffer = buffer;
        pos = offset;
        end = offset + length;
        error = ParseError.NONE;
        errorPosition = -1;
    }

    public int position()
    {
        return pos;
    }

    /** Rewinds to a position returned earlier by {@link #position()} (a look-ahead). */
    public void position(final int position)
    {
        pos = position;
    }

    /** Rewinds to the start of the container entered last, read just after {@link #beginObject()}: its first item comes again. */
    public void restart(final int position)
    {
        pos = position;
        firstItem = true;
    }

    /** Absolute buffer index just past the wrapped range. */
    public int end()
    {
        return end;
    }

    public boolean failed()
    {
        return error != ParseError.NONE;
    }

    /** A {@link ParseError} value. */
    public int error()
    {
        return error;
    }

    /** Absolute buffer index where the first failure happened. */
    public int errorPosition()
    {
        return errorPosition;
    }

    /** Records {@code error} at the current position unless a failure is already recorded; returns false. */
    public boolean fail(final int error)
    {
        if (this.error == ParseError.NONE)
        {
            this.error = error;
            errorPosition = pos;
        }
        return false;
    }

    /** True if only whitespace is left; otherwise fails with SYNTAX. */
    public boolean atEnd()
    {
        if (failed())
        {
            return false;
        }
        skipWhitespace();
        return pos == end || fail(ParseError.SYNTAX);
    }

    /** Expects an object at the current value and enters it. */
    public boolean beginObject()
    {
        return enter((byte)'{');
    }

    /** Expects an array at the current value and enters it. */
    public boolean beginArray()
    {
        return enter((byte)'[');
    }

    /**
     * Moves to the next member of the object entered last: {@link #VALUE} with the key in
     * {@link #key} and the position at its value, {@link #END} past the closing brace, or FAILED.
     */
    public int nextMember()
    {
        if (!nextItem((byte)'}'))
        {
            return failed() ? FAILED : END;
        }
        if (buffer.getByte(pos) != '"')
        {
            fail(ParseError.SYNTAX);
            return FAILED;
        }
        final int keyStart = pos + 1;
        if (!scanString())
        {
            return FAILED;
        }
        keyOffset = keyStart;
        keyLength = pos - 1 - keyStart;
        skipWhitespace();
        if (pos == end)
        {
            fail(ParseError.TRUNCATED);
            return FAILED;
        }
        if (buffer.getByte(pos) != ':')
        {
            fail(ParseError.SYNTAX);
            return FAILED;
        }
        pos++;
        skipWhitespace();
        if (pos == end)
        {
            fail(ParseError.TRUNCATED);
            return FAILED;
        }
        return VALUE;
    }

    /** Like {@link #nextMember} for the array entered last: {@link #VALUE} positioned at the next element. */
    public int nextElement()
    {
        if (!nextItem((byte)']'))
        {
            return failed() ? FAILED : END;
        }
        return VALUE;
    }

    /**
     * {@link #nextMember} and its key as a code of {@code words} ({@link WordTable#NONE} for any other key), or
     * {@link #NO_MORE_MEMBERS} past the closing brace, or {@link #KEY_FAILED}: a member is there while the answer
     * is at least {@link WordTable#NONE}.
     */
    public int nextKey(final WordTable words)
    {
        final int next = nextMember();
        return next == VALUE ? key(words) : next == END ? NO_MORE_MEMBERS : KEY_FAILED;
    }

    /** The current member's key (raw bytes) as a code of {@code words}, or {@link WordTable#NONE}. */
    public int key(final WordTable words)
    {
        return words.find(buffer, keyOffset, keyLength, end);
    }

    /** Reads a string value; its raw content is then {@link #stringOffset()}/{@link #stringLength()}. */
    public boolean readString()
    {
        if (!atValue((byte)'"'))
        {
            return false;
        }
        final int start = pos + 1;
        if (!scanString())
        {
            return false;
        }
        stringOffset = start;
        stringLength = pos - 1 - start;
        return true;
    }

    public int stringOffset()
    {
        return stringOffset;
    }

    public int stringLength()
    {
        return stringLength;
    }

    /** The last string read (raw bytes) as a code of {@code words}, or {@link WordTable#NONE}. */
    public int string(final WordTable words)
    {
        return words.find(buffer, stringOffset, stringLength, end);
    }

    /** Reads a number value; its layout is then in {@link #number()}. */
    public boolean readNumber()
    {
        return atValue((byte)'0') && scanNumber();
    }

    public JsonNumber number()
    {
        return number;
    }

    public boolean readBoolean()
    {
        if (!atValue((byte)'t'))
        {
            return false;
        }
        booleanValue = buffer.getByte(pos) == 't';
        return literal(booleanValue ? TRUE : FALSE);
    }

    public boolean booleanValue()
    {
        return booleanValue;
    }

    /**
     * True if a delimiter follows the value just read: a number running into the end of the input or
     * into other bytes may be cut short, so its text must not be trusted for its scale.
     */
    public boolean atDelimiter()
    {
        if (pos == end)
        {
            return false;
        }
        final byte c = buffer.getByte(pos);
        return c == ',' || c == '}' || c == ']' || c == ' ' || c == '\n' || c == '\r' || c == '\t';
    }

    /** True if the current value is a JSON object (does not move). */
    public boolean atObject()
    {
        return at((byte)'{');
    }

    /** True if the current value is a JSON string (does not move). */
    public boolean atString()
    {
        return at((byte)'"');
    }

    private boolean at(final byte first)
    {
        skipWhitespace();
        return pos < end && buffer.getByte(pos) == first;
    }

    /** Skips one whole value of any type, validating its syntax, iteratively (no recursion). */
    public boolean skipValue()
    {
        if (failed())
        {
            return false;
        }
        long objects = 0; // one bit per open container: 1 = object, 0 = array
        int depth = 0;
        while (true)
        {
            skipWhitespace();
            if (pos == end)
            {
                return fail(ParseError.TRUNCATED);
            }
            final byte c = buffer.getByte(pos);
            boolean closed = true;
            if (c == '{' || c == '[')
            {
                if (depth == MAX_DEPTH)
                {
                    return fail(ParseError.SYNTAX);
                }
                objects = objects << 1 | (c == '{' ? 1 : 0);
                depth++;
                pos++;
                skipWhitespace();
                if (pos == end)
                {
                    return fail(ParseError.TRUNCATED);
                }
                if (buffer.getByte(pos) == (c == '{' ? '}' : ']'))
                {
                    pos++;
                    objects >>>= 1;
                    depth--;
                }
                else if (c == '{')
                {
                    closed = false;
                    if (!memberKey())
                    {
                        return false;
                    }
                }
                else
                {
                    closed = false;
                }
            }
            else if (c == '"')
            {
                if (!scanString())
                {
                    return false;
                }
            }
            else if (c == '-' || (c >= '0' && c <= '9'))
            {
                if (!scanNumber())
                {
                    return false;
                }
            }
            else if (c == 't' || c == 'f' || c == 'n')
            {
                if (!literal(c == 't' ? TRUE : c == 'f' ? FALSE : NULL))
                {
                    return false;
                }
            }
            else
            {
                return fail(ParseError.SYNTAX);
            }

            // after a complete value: close containers, or step to the next value inside one
            while (closed)
            {
                if (depth == 0)
                {
                    return true;
                }
                skipWhitespace();
                if (pos == end)
                {
                    return fail(ParseError.TRUNCATED);
                }
                final byte next = buffer.getByte(pos);
                final boolean inObject = (objects & 1) == 1;
                if (next == ',')
                {
                    pos++;
                    if (inObject && !memberKey())
                    {
                        return false;
                    }
                    closed = false;
                }
                else if (next == (inObject ? '}' : ']'))
                {
                    pos++;
                    objects >>>= 1;
                    depth--;
                }
                else
                {
                    return fail(ParseError.SYNTAX);
                }
            }
        }
    }

    private boolean enter(final byte open)
    {
        if (!atValue(open))
        {
            return false;
        }
        pos++;
        firstItem = true;
        return true;
    }

    /** Steps over whitespace and the separator: true when at an item, false at the close (or on failure). */
    private boolean nextItem(final byte close)
    {
        final boolean first = firstItem;
        firstItem = false;
        if (failed())
        {
            return false;
        }
        skipWhitespace();
        if (pos == end)
        {
            return fail(ParseError.TRUNCATED);
        }
        final byte c = buffer.getByte(pos);
        if (c == close)
        {
            pos++;
            return false;
        }
        if (!first)
        {
            if (c != ',')
            {
                return fail(ParseError.SYNTAX);
            }
            pos++;
            skipWhitespace();
            if (pos == end)
            {
                return fail(ParseError.TRUNCATED);
            }
            if (buffer.getByte(pos) == close)
            {
                return fail(ParseError.SYNTAX);
            }
        }
        return true;
    }

    /** Inside {@link #skipValue}: reads {@code "key":} and leaves the position before the value. */
    private boolean memberKey()
    {
        skipWhitespace();
        if (pos == end)
        {
            return fail(ParseError.TRUNCATED);
        }
        if (buffer.getByte(pos) != '"')
        {
            return fail(ParseError.SYNTAX);
        }
        if (!scanString())
        {
            return false;
        }
        skipWhitespace();
        if (pos == end)
        {
            return fail(ParseError.TRUNCATED);
        }
        if (buffer.getByte(pos) != ':')
        {
            return fail(ParseError.SYNTAX);
        }
        pos++;
        return true;
    }

    /**
     * Checks that the current value starts with {@code first} (a digit stands for any number).
     * A different JSON value is WRONG_TYPE, anything else SYNTAX, nothing TRUNCATED.
     */
    private boolean atValue(final byte first)
    {
        if (failed())
        {
            return false;
        }
        skipWhitespace();
        if (pos == end)
        {
            return fail(ParseError.TRUNCATED);
        }
        final byte c = buffer.getByte(pos);
        final boolean isNumber = c == '-' || (c >= '0' && c <= '9');
        if (first == '0' ? isNumber : first == 't' ? c == 't' || c == 'f' : c == first)
        {
            return true;
        }
        final boolean isValue = isNumber || c == '{' || c == '[' || c == '"' || c == 't' || c == 'f' || c == 'n';
        return fail(isValue ? ParseError.WRONG_TYPE : ParseError.SYNTAX);
    }

    /** At an opening quote: moves past the closing one, validating escapes and rejecting control characters. */
    private boolean scanString()
    {
        final int next = strings.scan(buffer, pos + 1, end);
        if (next < 0)
        {
            pos = -1 - next;
            return fail(strings.scanError());
        }
        pos = next;
        return true;
    }

    /** At a '-' or digit: scans the number into {@link #number}. */
    private boolean scanNumber()
    {
        final int next = number.scan(buffer, pos, end);
        if (next < 0)
        {
            pos = -1 - next;
            return fail(number.scanError());
        }
        pos = next;
        return true;
    }

    private boolean literal(final byte[] text)
    {
        for (int i = 0; i < text.length; i++)
        {
            if (pos == end)
            {
                return fail(ParseError.TRUNCATED);
            }
            if (buffer.getByte(pos) != text[i])
            {
                return fail(ParseError.SYNTAX);
            }
            pos++;
        }
        return true;
    }

    private void skipWhitespace()
    {
        while (pos < end)
        {
            final byte c = buffer.getByte(pos);
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t')
            {
                return;
            }
            pos++;
        }
    }
}
