"""Many channel clients at once against /ws, outside the JVM (python3-websockets).

Usage: channel_clients.py PORT CONNECTIONS SECONDS CHANNEL[,CHANNEL...]

Opens CONNECTIONS WebSocket connections to ws://127.0.0.1:PORT/ws, subscribes each to the channels, prints
"READY <connected> <seconds>" once every subscription is answered, then reads for SECONDS and prints
"RESULT connections=.. messages=.. gaps=.. breaks=.. closed=.. with_deltas=..": sequence gaps per connection
and channel, depth deltas that do not chain (U != previous u + 1), connections the server closed, and how
many connections received at least one depth delta. Talks to 127.0.0.1 only and stops by itself.
"""
import asyncio
import json
import sys
import time

import websockets


class Stats:
    def __init__(self):
        self.messages = 0
        self.gaps = 0
        self.breaks = 0
        self.closed = 0
        self.with_deltas = 0


async def client(port, channels, stats, ready, subscribed, stop):
    try:
        async with websockets.connect("ws://127.0.0.1:%d/ws" % port, max_size=None, ping_interval=None,
                                      open_timeout=60, close_timeout=2) as ws:
            await ws.send(json.dumps({"op": "subscribe", "id": 1, "channels": channels}))
            sequences = {}
            depth_ids = {}
            saw_delta = False
            answered = False
            while not stop.is_set():
                try:
                    text = await asyncio.wait_for(ws.recv(), timeout=0.5)
                except asyncio.TimeoutError:
                    continue
                message = json.loads(text)
                if not answered and message.get("id") == 1:
                    answered = True
                    if "error" in message:
                        raise RuntimeError("subscribe refused: %s" % text)
                    ready.append(1)
                    subscribed.set()
                    continue
                if "seq" not in message:
                    continue
                stats.messages += 1
                channel = message["channel"]
                if message["seq"] != sequences.get(channel, 0) + 1:
                    stats.gaps += 1
                sequences[channel] = message["seq"]
                kind = message.get("type")
                if kind == "snapshot" and "lastUpdateId" in message:
                    depth_ids[channel] = message["lastUpdateId"]
                elif kind == "delta":
                    if message["U"] != depth_ids.get(channel, -2) + 1:
                        stats.breaks += 1
                    depth_ids[channel] = message["u"]
                    if not saw_delta:
                        saw_delta = True
                        stats.with_deltas += 1
    except websockets.ConnectionClosed:
        stats.closed += 1


async def main():
    port, count, seconds = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3])
    channels = sys.argv[4].split(",")
    stats = Stats()
    ready = []
    stop = asyncio.Event()
    started = time.monotonic()
    gate = asyncio.Semaphore(200)

    async def opened_client():
        async with gate:
            subscribed = asyncio.Event()
            task = asyncio.ensure_future(client(port, channels, stats, ready, subscribed, stop))
            waiter = asyncio.ensure_future(subscribed.wait())
            await asyncio.wait([task, waiter], return_when=asyncio.FIRST_COMPLETED)
            waiter.cancel()
            return task

    tasks = await asyncio.gather(*[opened_client() for _ in range(count)])
    print("READY %d %.1f" % (len(ready), time.monotonic() - started), flush=True)
    await asyncio.sleep(seconds)
    stop.set()
    await asyncio.gather(*tasks, return_exceptions=True)
    print("RESULT connections=%d messages=%d gaps=%d breaks=%d closed=%d with_deltas=%d"
          % (len(ready), stats.messages, stats.gaps, stats.breaks, stats.closed, stats.with_deltas), flush=True)


if __name__ == "__main__":
    asyncio.run(main())
