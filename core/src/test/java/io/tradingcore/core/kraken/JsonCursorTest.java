package io.tradingcore.core.kraken;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonCursorTest
{
    private final JsonCursor json = new JsonCursor();

    private void wrap(final String text)
    {
        json.wrap(Fixtures.exact(text), 0, text.length());
    }

    @Test
    void skipsEveryKindOfValue()
    {
        final String text = "{\"a\":[1,-2.5e+3,{\"b\":\"x\\\"y\\\\\",\"c\":\"\\u00e9\\/\"}],\"d\":null,\"e\":true,\"f\":false," +
            "\"g\":{},\"h\":[],\"i\":13834774380200032777} ";
        wrap(text);
        assertTrue(json.skipValue());
        assertEquals(text.length() - 1, json.position());
        assertTrue(json.atEnd());
    }

    @Test
    void iteratesMembersAndElements()
    {
        final WordTable words = new WordTable("k", "v");
        wrap("{\"k\":[\"v\",\"w\"],\"n\":0}");
        assertTrue(json.beginObject());
        assertEquals(JsonCursor.VALUE, json.nextMember());
        assertEquals(0, json.key(words));
        assertTrue(json.beginArray());
        assertEquals(JsonCursor.VALUE, json.nextElement());
        assertTrue(json.readString());
        assertEquals(1, json.string(words));
        assertEquals(JsonCursor.VALUE, json.nextElement());
        assertTrue(json.readString());
        assertEquals(JsonCursor.END, json.nextElement());
        assertEquals(JsonCursor.VALUE, json.nextMember());
        assertEquals(WordTable.NONE, json.key(words));
        assertTrue(json.readNumber());
        assertEquals(JsonCursor.END, json.nextMember());
        assertTrue(json.atEnd());
    }

    @Test
    void nextKeyNamesEachMemberThenTheEnd()
    {
        final WordTable words = new WordTable("a", "b");
        wrap("{\"b\":1,\"x\":{\"a\":2},\"a\":[3]}");
        assertTrue(json.beginObject());
        assertEquals(1, json.nextKey(words));
        assertTrue(json.skipValue());
        assertEquals(WordTable.NONE, json.nextKey(words));
        assertTrue(json.skipValue());
        assertEquals(0, json.nextKey(words));
        assertTrue(json.skipValue());
        assertEquals(JsonCursor.NO_MORE_MEMBERS, json.nextKey(words));
        assertTrue(json.atEnd());
    }

    @Test
    void nextKeyOfABrokenObjectFails()
    {
        wrap("{\"a\":1 \"b\":2}");
        assertTrue(json.beginObject());
        assertEquals(WordTable.NONE, json.nextKey(new WordTable("c")));
        assertTrue(json.readNumber());
        assertEquals(JsonCursor.KEY_FAILED, json.nextKey(new WordTable("c")));
        assertEquals(ParseError.SYNTAX, json.error());
    }

    @Test
    void restartReadsTheContainersFirstMemberAgain()
    {
        final WordTable words = new WordTable("a", "b");
        wrap("{\"a\":1,\"b\":2}");
        assertTrue(json.beginObject());
        final int start = json.position();
        assertEquals(0, json.nextKey(words));
        assertTrue(json.skipValue());
        assertEquals(1, json.nextKey(words));
        json.restart(start);
        assertEquals(0, json.nextKey(words), "no separator expected before the first member");
    }

    @Test
    void theFirstFailureSticks()
    {
        wrap("{\"k\":\"v\"}");
        assertTrue(json.beginObject());
        assertEquals(JsonCursor.VALUE, json.nextMember());
        assertFalse(json.readNumber());
        assertEquals(ParseError.WRONG_TYPE, json.error());
        assertEquals(5, json.errorPosition());
        assertFalse(json.readString());
        assertFalse(json.skipValue());
        assertEquals(JsonCursor.FAILED, json.nextMember());
        assertEquals(ParseError.WRONG_TYPE, json.error());
        assertEquals(5, json.errorPosition());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "'\"abc'| truncated",
        "'\"abc\\'| truncated",
        "'\"\\u00'| truncated",
        "'[1,{\"a\":'| truncated",
        "'[1,{\"a\"'| truncated",
        "'-'| truncated",
        "'1.'| truncated",
        "'1e+'| truncated",
        "'nul'| truncated",
        "'[1,]'| syntax",
        "'[}'| syntax",
        "'{\"a\":1 \"b\":2}'| syntax",
        "'{\"a\":1,}'| syntax",
        "'{1:2}'| syntax",
        "'nulL'| syntax",
        "'\"\\x\"'| syntax",
        "'.5'| syntax",
        "'}'| syntax",
    })
    void rejects(final String text, final String error)
    {
        wrap(text);
        assertFalse(json.skipValue());
        assertEquals(error, ParseError.name(json.error()));
    }
}
