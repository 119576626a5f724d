#!/usr/bin/env python3
"""Peer benchmark: the market-data half of a replay, written the way a careful Python service would.

Reads a Kraken v2 recording (JSON Lines, one WebSocket frame per line, .gz read transparently),
keeps every book with Decimal prices and quantities, truncates it to the subscribed depth and
verifies Kraken's CRC32 checksum on every book message (KRAKEN.md section 3: the top 10 levels,
asks low to high then bids high to low, each number at the instrument's precision without '.'
or leading zeros), and writes the normalized market-data entries the Java core writes for the
same frames (md:trades, md:spread, md:orderbook, md:book, md:candles and their kraken:* twins)
with XADD MAXLEN ~ 10000, pipelined by 1000 through redis-py. It does not run strategies, risk
or execution, so the Java replay does more work per frame than this peer.

Prints `peer-python frames_per_s=... entries_per_s=...` last; exits 1 if any checksum failed.
    python3 replay_peer.py --redis redis://127.0.0.1:6379 FILE [--batch 1000] [--prefix peer:]
"""
import argparse
import gzip
import json
import sys
import time
import zlib
from datetime import datetime, timezone
from decimal import Decimal

try:
    import redis
except ImportError:
    sys.exit("replay_peer.py needs redis-py: apt-get install python3-redis (Debian) or pip install redis")

CHECKSUM_LEVELS = 10
PUBLISHED_LEVELS = 10
DEFAULT_DEPTH = 10  # Kraken's book depth when the subscription names none
MAXLEN = 10000
TIMEFRAMES = {1: "1m", 5: "5m", 15: "15m", 60: "1h", 240: "4h", 1440: "1d"}


def fixed(value, places):
    return format(value, f".{places}f")


def checksum_text(value, places):
    return fixed(value, places).replace(".", "").lstrip("0")


def now_rfc3339():
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


class Replay:
    def __init__(self, pipe, batch, prefix):
        self.pipe = pipe
        self.batch = batch
        self.prefix = prefix
        self.pending = 0
        self.entries = 0
        self.precision = {}  # symbol -> (price places, qty places), from the instrument channel
        self.depth = {}  # symbol -> subscribed book depth, from the subscribe ack
        self.books = {}  # symbol -> (bids, asks): dicts price -> qty
        self.valid = set()
        self.top = {}
        self.verified = 0
        self.failed = 0
        self.skipped = 0

    def xadd(self, stream, fields):
        self.pipe.xadd(self.prefix + stream, fields, maxlen=MAXLEN, approximate=True)
        self.pending += 1
        self.entries += 1
        if self.pending == self.batch:
            self.flush()

    def flush(self):
        if self.pending:
            self.pipe.execute()
            self.pending = 0

    def frame(self, line):
        message = json.loads(line, parse_float=Decimal)
        received = now_rfc3339()
        channel = message.get("channel")
        if channel is None:
            result = message.get("result") or {}
            if message.get("method") == "subscribe" and result.get("channel") == "book":
                self.depth[result["symbol"]] = result["depth"]
        elif channel == "book":
            for item in message["data"]:
                self.book(item, message["type"] == "snapshot", received)
        elif channel == "trade":
            for item in message["data"]:
                self.trade(item, received)
        elif channel == "ticker":
            for item in message["data"]:
                self.ticker(item, received)
        elif channel == "ohlc":
            for item in message["data"]:
                self.candle(item, received)
        elif channel == "instrument":
            for pair in message["data"]["pairs"]:
                self.precision[pair["symbol"]] = (pair["price_precision"], pair["qty_precision"])
        elif channel == "status":
            for item in message["data"]:
                self.xadd("kraken:status", {"type": "status", "source": "kraken", "system": item["system"],
                                            "timestamp": received})

    def book(self, item, snapshot, received):
        symbol = item["symbol"]
        if snapshot:
            self.books[symbol] = ({}, {})
        elif symbol not in self.valid:
            self.skipped += 1
            return
        bids, asks = self.books[symbol]
        for side, updates in ((bids, item["bids"]), (asks, item["asks"])):
            for level in updates:
                if level["qty"] == 0:
                    side.pop(level["price"], None)
                else:
                    side[level["price"]] = level["qty"]
        depth = self.depth.get(symbol, DEFAULT_DEPTH)
        top_bids = sorted(bids, reverse=True)[:depth]
        top_asks = sorted(asks)[:depth]
        for side, keep in ((bids, top_bids), (asks, top_asks)):
            for price in list(side.keys() - set(keep)):
                del side[price]
        pp, qp = self.precision[symbol]
        text = "".join(checksum_text(p, pp) + checksum_text(asks[p], qp) for p in top_asks[:CHECKSUM_LEVELS]) \
            + "".join(checksum_text(p, pp) + checksum_text(bids[p], qp) for p in top_bids[:CHECKSUM_LEVELS])
        if zlib.crc32(text.encode("ascii")) != item["checksum"]:
            self.failed += 1
            self.valid.discard(symbol)
            self.top.pop(symbol, None)  # the resynced book's top is news even at the same prices
            return
        self.verified += 1
        self.valid.add(symbol)
        timestamp = item.get("timestamp", received)

        def book_levels(side, prices):
            return "[" + ",".join(f"[{fixed(p, pp)},{fixed(side[p], qp)}]" for p in prices) + "]"

        top = {"type": "orderbook", "exchange": "kraken", "symbol": symbol, "depth": PUBLISHED_LEVELS,
               "bids": book_levels(bids, top_bids[:PUBLISHED_LEVELS]),
               "asks": book_levels(asks, top_asks[:PUBLISHED_LEVELS]),
               "checksum": item["checksum"], "timestamp": timestamp, "received_at": received}
        self.xadd("md:orderbook", top)
        self.xadd("md:book:" + symbol, top)

        def message_levels(levels):
            return "[" + ",".join(f"[{fixed(v['price'], pp)},{fixed(v['qty'], qp)}]" for v in levels) + "]"

        self.xadd("kraken:orderbook:" + symbol, {
            "type": "book", "symbol": symbol, "snapshot": "true" if snapshot else "false",
            "bids": message_levels(item["bids"]), "asks": message_levels(item["asks"]),
            "checksum": item["checksum"], "timestamp": timestamp, "received_at": received})
        if top_bids and top_asks and self.top.get(symbol) != (top_bids[0], top_asks[0]):
            self.top[symbol] = (top_bids[0], top_asks[0])
            self.spread(symbol, "book", top_bids[0], bids[top_bids[0]], top_asks[0], asks[top_asks[0]], timestamp,
                        received)

    def spread(self, symbol, source, bid, bid_qty, ask, ask_qty, timestamp, received):
        pp, qp = self.precision[symbol]
        spread = ask - bid
        entry = {"type": "spread", "exchange": "kraken", "symbol": symbol, "source": source,
                 "bid": fixed(bid, pp), "bid_qty": fixed(bid_qty, qp), "ask": fixed(ask, pp),
                 "ask_qty": fixed(ask_qty, qp), "spread": fixed(spread, pp),
                 "spread_bps": fixed(spread * 20000 / (bid + ask), 2) if bid + ask > 0 else "0.00",
                 "timestamp": timestamp, "received_at": received}
        self.xadd("md:spread", entry)
        self.xadd("md:spread:" + symbol, entry)

    def trade(self, item, received):
        symbol = item["symbol"]
        pp, qp = self.precision[symbol]
        entry = {"type": "trade", "exchange": "kraken", "symbol": symbol, "side": item["side"],
                 "price": fixed(item["price"], pp), "qty": fixed(item["qty"], qp), "ord_type": item["ord_type"],
                 "trade_id": item["trade_id"], "timestamp": item["timestamp"], "received_at": received}
        self.xadd("md:trades", entry)
        self.xadd("md:trades:" + symbol, entry)
        self.xadd("kraken:trades:" + symbol, entry)

    def ticker(self, item, received):
        symbol = item["symbol"]
        pp, qp = self.precision[symbol]
        timestamp = item.get("timestamp", received)
        entry = {"type": "ticker", "symbol": symbol, "bid": fixed(item["bid"], pp),
                 "bid_qty": fixed(item["bid_qty"], qp), "ask": fixed(item["ask"], pp),
                 "ask_qty": fixed(item["ask_qty"], qp), "last": fixed(item["last"], pp),
                 "volume": fixed(item["volume"], qp), "vwap": fixed(item["vwap"], pp), "low": fixed(item["low"], pp),
                 "high": fixed(item["high"], pp), "change": fixed(item["change"], pp),
                 "change_pct": fixed(item["change_pct"], 2), "timestamp": timestamp, "received_at": received}
        self.xadd("kraken:ticker:" + symbol, entry)
        self.spread(symbol, "ticker", item["bid"], item["bid_qty"], item["ask"], item["ask_qty"], timestamp, received)

    def candle(self, item, received):
        timeframe = TIMEFRAMES.get(item["interval"])
        if timeframe is None:
            return
        symbol = item["symbol"]
        pp, qp = self.precision[symbol]
        entry = {"type": "candle", "exchange": "kraken", "symbol": symbol, "timeframe": timeframe,
                 "open": fixed(item["open"], pp), "high": fixed(item["high"], pp), "low": fixed(item["low"], pp),
                 "close": fixed(item["close"], pp), "vwap": fixed(item["vwap"], pp),
                 "volume": fixed(item["volume"], qp), "trades": item["trades"],
                 "interval_begin": item["interval_begin"][:26] + "Z", "timestamp": item["timestamp"],
                 "received_at": received}
        self.xadd("md:candles", entry)
        self.xadd(f"md:candles:{symbol}:{timeframe}", entry)
        self.xadd(f"kraken:ohlc:{timeframe}:{symbol}", entry)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", help="recording: JSON Lines, one Kraken v2 frame per line (.gz read transparently)")
    parser.add_argument("--redis", default="redis://127.0.0.1:6379", help="Redis URL")
    parser.add_argument("--batch", type=int, default=1000, help="XADDs per pipeline round trip")
    parser.add_argument("--prefix", default="peer:", help="stream name prefix, so as not to mix with the core's")
    args = parser.parse_args()

    client = redis.Redis.from_url(args.redis)
    client.ping()
    replay = Replay(client.pipeline(transaction=False), args.batch, args.prefix)
    frames = 0
    start = time.perf_counter()
    with (gzip.open(args.file, "rt", encoding="ascii") if args.file.endswith(".gz")
          else open(args.file, encoding="ascii")) as recording:
        for line in recording:
            if line.strip():
                replay.frame(line)
                frames += 1
    replay.flush()
    seconds = time.perf_counter() - start
    print(f"{frames} frames, {replay.entries} entries in {seconds:.2f} s; checksums verified {replay.verified}, "
          f"failed {replay.failed}; book updates skipped while invalid {replay.skipped}")
    print(f"peer-python frames_per_s={frames / seconds:.0f} entries_per_s={replay.entries / seconds:.0f}")
    return 1 if replay.failed else 0


if __name__ == "__main__":
    sys.exit(main())
