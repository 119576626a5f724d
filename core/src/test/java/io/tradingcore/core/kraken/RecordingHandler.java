package io.tradingcore.core.kraken;

import io.tradingcore.core.market.SymbolTable;
import io.tradingcore.core.time.Rfc3339;
import org.agrona.DirectBuffer;

import java.util.ArrayList;
import java.util.List;

/** Test double: records every callback as one readable line (scaled longs as raw integers). */
final class RecordingHandler implements FrameHandler
{
    final List<String> calls = new ArrayList<>();
    private final SymbolTable symbols;

    RecordingHandler(final SymbolTable symbols)
    {
        this.symbols = symbols;
    }

    String symbol(final int symbolId)
    {
        return symbolId < 0 ? "-" : symbols.name(symbolId);
    }

    @Override
    public void onStatus(final int system)
    {
        calls.add("status " + ExchangeStatus.name(system));
    }

    @Override
    public void onHeartbeat()
    {
        calls.add("heartbeat");
    }

    @Override
    public void onMethodResponse(
        final DirectBuffer frame, final int methodOffset, final int methodLength, final boolean success, final int channel,
        final int symbolId, final long reqId, final int errorOffset, final int errorLength)
    {
        calls.add("method " + frame.getStringWithoutLengthAscii(methodOffset, methodLength) + " success=" + success +
            " channel=" + (channel < 0 ? "-" : Channel.name(channel)) + " symbol=" + symbol(symbolId) + " req=" + reqId +
            " error=" + frame.getStringWithoutLengthAscii(errorOffset, errorLength));
    }

    @Override
    public void onPong(final long reqId)
    {
        calls.add("pong " + reqId);
    }

    @Override
    public void onBookDepth(final int symbolId, final int depth)
    {
        calls.add("depth " + symbolId + " " + depth);
    }

    @Override
    public void onTicker(final TickerUpdate t)
    {
        calls.add("ticker " + symbol(t.symbolId) + " snapshot=" + t.snapshot + " bid=" + t.bid + "x" + t.bidQty +
            " ask=" + t.ask + "x" + t.askQty + " last=" + t.last + " volume=" + t.volume + " vwap=" + t.vwap +
            " low=" + t.low + " high=" + t.high + " change=" + t.change + " changePct=" + t.changePct +
            " at=" + time(t.exchangeMicros));
    }

    @Override
    public void onTrade(final TradePrint t)
    {
        calls.add("trade " + symbol(t.symbolId) + " snapshot=" + t.snapshot + " " + Side.tradeName(t.side) + " " +
            (t.ordType == TradePrint.ORD_TYPE_MARKET ? "market" : "limit") + " " + t.qty + "@" + t.price +
            " id=" + t.tradeId + " at=" + time(t.exchangeMicros));
    }

    @Override
    public void onBookBegin(final int symbolId, final boolean snapshot)
    {
        calls.add("book " + symbol(symbolId) + " snapshot=" + snapshot);
    }

    @Override
    public void onBookLevel(final int symbolId, final int side, final long price, final long qty)
    {
        calls.add((side == Side.BID ? "bid " : "ask ") + qty + "@" + price);
    }

    @Override
    public void onBookEnd(final int symbolId, final long checksum, final long exchangeMicros)
    {
        calls.add("end " + symbol(symbolId) + " checksum=" + checksum + " at=" + time(exchangeMicros));
    }

    @Override
    public void onCandle(final CandleUpdate c)
    {
        calls.add("candle " + symbol(c.symbolId) + " snapshot=" + c.snapshot + " o=" + c.open + " h=" + c.high +
            " l=" + c.low + " c=" + c.close + " vwap=" + c.vwap + " trades=" + c.trades + " volume=" + c.volume +
            " begin=" + time(c.intervalBeginMicros) + " interval=" + c.intervalMinutes + " at=" + time(c.exchangeMicros));
    }

    @Override
    public void onInstrument(
        final DirectBuffer frame, final int symbolOffset, final int symbolLength, final int pricePrecision,
        final int qtyPrecision)
    {
        calls.add("instrument " + frame.getStringWithoutLengthAscii(symbolOffset, symbolLength) + " " + pricePrecision +
            "/" + qtyPrecision);
    }

    @Override
    public void onWirePrecision(final int symbolId, final int pricePrecision, final int qtyPrecision)
    {
        calls.add("precision " + symbol(symbolId) + " " + pricePrecision + "/" + qtyPrecision);
    }

    @Override
    public void onError(final int error, final int channel, final int symbolId, final int position)
    {
        calls.add("error " + ParseError.name(error) + " channel=" + Channel.name(channel) + " symbol=" + symbol(symbolId) +
            " at=" + position);
    }

    String last()
    {
        return calls.get(calls.size() - 1);
    }

    private static String time(final long micros)
    {
        return micros == 0 ? "0" : Rfc3339.formatMicros(micros);
    }
}
