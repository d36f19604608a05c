#!/usr/bin/env python3
"""An independent DIFF client outside the JVM (Debian's python3-websockets), as CI runs it against the live
server: alice and bob log in, alice bids, bob sells into the bid, and both see the fill. Every rtn_data is
applied with TqSdk's merge rules and checked against TqSdk's rules (no key starting with "_", no value changing
between scalar and object, no NaN token). Usage: diff_client.py <port>. Prints OK and exits 0, or exits 1."""
import asyncio
import json
import sys

import websockets


def reject_constant(token):
    raise ValueError("non-JSON number token " + token)


def check_keys(value, path):
    if isinstance(value, dict):
        for key, child in value.items():
            if key.startswith("_"):
                raise AssertionError("key starting with _ at " + path + "." + key)
            check_keys(child, path + "." + key)


def merge(target, patch, path=""):
    for key, value in patch.items():
        where = path + "." + key
        if value is None:
            target.pop(key, None)
        elif isinstance(value, dict):
            current = target.get(key)
            if current is not None and not isinstance(current, dict):
                raise AssertionError("scalar -> object at " + where)
            merge(target.setdefault(key, {}), value, where)
        else:
            if isinstance(target.get(key), dict):
                raise AssertionError("object -> scalar at " + where)
            target[key] = value


class Client:
    def __init__(self, ws):
        self.ws = ws
        self.snapshot = {}

    async def send(self, message):
        await self.ws.send(json.dumps(message))

    async def until(self, what, condition):
        while not condition(self.snapshot):
            text = await asyncio.wait_for(self.ws.recv(), 20)
            message = json.loads(text, parse_constant=reject_constant)
            if message.get("aid") != "rtn_data":
                continue
            data = message["data"]
            if not isinstance(data, list) or not data:
                raise AssertionError("empty or non-array data in " + text)
            for patch in data:
                check_keys(patch, "")
                merge(self.snapshot, patch)
            await self.send({"aid": "peek_message"})
        return self.snapshot


def order(user, order_id, direction):
    return {"aid": "insert_order", "user_id": user, "order_id": order_id, "exchange_id": "SHFE",
            "instrument_id": "cu2512", "direction": direction, "offset": "OPEN", "volume": 1,
            "price_type": "LIMIT", "limit_price": 71000, "volume_condition": "ANY", "time_condition": "GFD"}


async def login(uri, user, password):
    ws = await websockets.connect(uri, max_size=4 * 1024 * 1024)
    client = Client(ws)
    await client.send({"aid": "peek_message"})
    await client.send({"aid": "req_login", "bid": "exchange-blocks", "user_name": user, "password": password})
    await client.until(user + " logged in",
                       lambda s: s.get("trade", {}).get(user, {}).get("trade_more_data") is False)
    return client


async def main(port):
    uri = "ws://127.0.0.1:%d/trade" % port
    alice = await login(uri, "alice", "alice123")
    bob = await login(uri, "bob", "bob123")
    await alice.send(order("alice", "py1", "BUY"))
    await alice.until("py1 working",
                      lambda s: s["trade"]["alice"].get("orders", {}).get("py1", {}).get("status") == "ALIVE")
    await bob.send(order("bob", "py2", "SELL"))
    await bob.until("py2 filled",
                    lambda s: s["trade"]["bob"].get("orders", {}).get("py2", {}).get("status") == "FINISHED")
    filled = await alice.until("py1 filled",
                               lambda s: s["trade"]["alice"]["orders"]["py1"]["status"] == "FINISHED")
    trades = [t for t in filled["trade"]["alice"].get("trades", {}).values() if t["order_id"] == "py1"]
    assert len(trades) == 1 and trades[0]["price"] == 71000 and trades[0]["volume"] == 1, trades
    await alice.ws.close()
    await bob.ws.close()
    print("OK alice bought 1 SHFE.cu2512 at 71000 from bob")


if __name__ == "__main__":
    try:
        asyncio.run(main(int(sys.argv[1])))
    except Exception as error:  # report any failure as exit code 1 with the reason
        print("FAILED: %r" % (error,))
        sys.exit(1)
