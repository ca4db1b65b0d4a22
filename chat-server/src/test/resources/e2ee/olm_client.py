#!/usr/bin/env python3
"""Real Olm/Megolm clients against a chat core server, over HTTP.

Run by OlmClientTest (chat-server) with the server's base URL and device tokens in the
environment; usable by hand against any server:

    CHAT_BASE_URL=http://127.0.0.1:8080 CHAT_ROOM_ID=<encrypted room> \
    CHAT_TOKENS='{"alice":"<token, device ALICE1>","bob":"<BOB1>","carol":"<CAROL1>","bob_later":"<BOB2>"}' \
    /usr/bin/python3 olm_client.py

alice, bob and carol are three accounts in one encrypted room; bob_later is a second device of
bob's that appears after the first messages. The server sees only keys and ciphertext; every
check below is made on what the clients decrypt. Exit status 0 means every step held.
"""

import json
import os
import sys
import urllib.error
import urllib.parse
import urllib.request

import olm

OLM = "m.olm.v1.curve25519-aes-sha2"
MEGOLM = "m.megolm.v1.aes-sha2"
SIGNED = "signed_curve25519"
ORIGIN = "0" * 24


def canonical(obj):
    """Matrix canonical JSON: sorted keys, no white space, UTF-8."""
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def step(message):
    print("ok: " + message, flush=True)


def check(condition, message):
    if not condition:
        raise AssertionError(message)


class Server:
    def __init__(self, base):
        self.base = base.rstrip("/")

    def call(self, method, path, token, body=None):
        data = None if body is None else json.dumps(body).encode("utf-8")
        request = urllib.request.Request(self.base + path, data=data, method=method)
        request.add_header("Authorization", "Bearer " + token)
        if data is not None:
            request.add_header("Content-Type", "application/json")
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return json.loads(response.read().decode("utf-8"))
        except urllib.error.HTTPError as e:
            raise AssertionError("%s %s answered %d: %s" % (method, path, e.code, e.read().decode("utf-8")))


class Device:
    """One client device: an Olm account, its Olm sessions, its Megolm sessions, its cursor."""

    def __init__(self, server, name, token, room):
        self.server = server
        self.name = name
        self.token = token
        self.room = room
        me = server.call("GET", "/v1/me", token)
        self.user = me["user_id"]
        self.account = olm.Account()
        self.device_id = None
        self.since = ORIGIN
        self.olm_sessions = {}          # peer curve25519 key -> olm.Session
        self.inbound = {}               # megolm session id -> olm.InboundGroupSession
        self.to_device = []             # to-device messages received, in order
        self.events = []                # room events received, in order
        self.counts = {}

    @property
    def curve(self):
        return self.account.identity_keys["curve25519"]

    @property
    def ed(self):
        return self.account.identity_keys["ed25519"]

    def call(self, method, path, body=None):
        return self.server.call(method, path, self.token, body)

    def signed(self, obj):
        signature = self.account.sign(canonical(obj))
        obj = dict(obj)
        obj["signatures"] = {self.user: {"ed25519:" + self.device_id: signature}}
        return obj

    def upload_keys(self, device_id, one_time=5):
        self.device_id = device_id
        device_keys = self.signed({
            "user_id": self.user, "device_id": device_id, "algorithms": [OLM, MEGOLM],
            "keys": {"curve25519:" + device_id: self.curve, "ed25519:" + device_id: self.ed}})
        self.account.generate_one_time_keys(one_time)
        keys = {SIGNED + ":" + kid: self.signed({"key": key})
                for kid, key in self.account.one_time_keys["curve25519"].items()}
        self.account.generate_fallback_key()
        fallback = {SIGNED + ":" + kid: self.signed({"key": key, "fallback": True})
                    for kid, key in self.account.fallback_key["curve25519"].items()}
        answer = self.call("POST", "/v1/keys/upload",
                           {"device_keys": device_keys, "one_time_keys": keys, "fallback_keys": fallback})
        self.account.mark_keys_as_published()
        check(answer["one_time_key_counts"].get(SIGNED) == one_time,
              "%s: the server counts %s one-time keys, not %d" % (self.name, answer, one_time))
        return device_keys

    def sync_once(self):
        answer = self.call("GET", "/v1/sync?since=%s&timeout=1000" % self.since)
        check(answer["next_batch"] >= self.since, "next_batch never goes back")
        self.since = answer["next_batch"]
        self.events.extend(answer["events"])
        self.counts = answer.get("device_one_time_keys_count", {})
        for message in answer.get("to_device", []):
            self.to_device.append(message)
            self.receive(message)
        return answer

    def sync_until(self, condition, what, rounds=30):
        for _ in range(rounds):
            if condition():
                return
            self.sync_once()
        check(condition(), "%s never got %s" % (self.name, what))

    def query(self, user_ids):
        answer = self.call("POST", "/v1/keys/query", {"device_keys": {u: [] for u in user_ids}})
        devices = {}
        for user, by_device in answer["device_keys"].items():
            for device_id, keys in by_device.items():
                check(keys["user_id"] == user and keys["device_id"] == device_id, "keys name their device")
                ed = keys["keys"]["ed25519:" + device_id]
                unsigned = {k: v for k, v in keys.items() if k not in ("signatures", "unsigned")}
                olm.ed25519_verify(ed, canonical(unsigned), keys["signatures"][user]["ed25519:" + device_id])
                devices[(user, device_id)] = keys
        return devices

    def claim(self, user, device_id, device_keys):
        answer = self.call("POST", "/v1/keys/claim", {"one_time_keys": {user: {device_id: SIGNED}}})
        (key_id, key), = answer["one_time_keys"][user][device_id].items()
        ed = device_keys["keys"]["ed25519:" + device_id]
        signature = key["signatures"][user]["ed25519:" + device_id]
        olm.ed25519_verify(ed, canonical({k: v for k, v in key.items() if k != "signatures"}), signature)
        return key_id, key

    # --- Olm: one session per peer device, through to-device messages ---

    def olm_payload(self, peer_user, peer_keys, event_type, content):
        device_id = peer_keys["device_id"]
        return {"type": event_type, "content": content, "sender": self.user, "sender_device": self.device_id,
                "keys": {"ed25519": self.ed}, "recipient": peer_user,
                "recipient_keys": {"ed25519": peer_keys["keys"]["ed25519:" + device_id]}}

    def send_olm(self, txn, peer_user, peer_keys, event_type, content, one_time_key=None):
        peer_curve = peer_keys["keys"]["curve25519:" + peer_keys["device_id"]]
        session = self.olm_sessions.get(peer_curve)
        if session is None:
            session = olm.OutboundSession(self.account, peer_curve, one_time_key)
            self.olm_sessions[peer_curve] = session
        message = session.encrypt(json.dumps(self.olm_payload(peer_user, peer_keys, event_type, content)))
        body = {"algorithm": OLM, "sender_key": self.curve,
                "ciphertext": {peer_curve: {"type": message.message_type, "body": message.ciphertext}}}
        self.call("PUT", "/v1/send-to-device/m.room.encrypted/" + txn,
                  {"messages": {peer_user: {peer_keys["device_id"]: body}}})

    def receive(self, message):
        content = message["content"]
        check(message["type"] == "m.room.encrypted" and content["algorithm"] == OLM, "an Olm message")
        mine = content["ciphertext"].get(self.curve)
        check(mine is not None, "%s got a to-device message not encrypted for it" % self.name)
        sender_key = content["sender_key"]
        session = self.olm_sessions.get(sender_key)
        if mine["type"] == 0:
            pre_key = olm.OlmPreKeyMessage(mine["body"])
            if session is None or not session.matches(pre_key, sender_key):
                session = olm.InboundSession(self.account, pre_key, sender_key)
                self.account.remove_one_time_keys(session)
                self.olm_sessions[sender_key] = session
            plaintext = session.decrypt(pre_key)
        else:
            check(session is not None, "%s: a normal Olm message without a session" % self.name)
            plaintext = session.decrypt(olm.OlmMessage(mine["body"]))
        payload = json.loads(plaintext)
        check(payload["recipient"] == self.user and payload["recipient_keys"]["ed25519"] == self.ed,
              "the Olm payload names its recipient")
        check(payload["sender"] == message["sender"] and payload["sender_device"] == message["sender_device"],
              "the Olm payload names the sender the server named")
        if payload["type"] == "m.room_key":
            key = payload["content"]
            check(key["room_id"] == self.room and key["algorithm"] == MEGOLM, "a room key for our room")
            self.inbound[key["session_id"]] = olm.InboundGroupSession(key["session_key"])
        message["decrypted"] = payload

    # --- Megolm: room messages ---

    def post_encrypted(self, group, text, txn):
        inner = {"type": "m.plain", "content": {"text": text}, "room_id": self.room}
        body = {"algorithm": MEGOLM, "ciphertext": group.encrypt(json.dumps(inner)), "sender_key": self.curve,
                "session_id": group.id, "device_id": self.device_id}
        return self.call("POST", "/v1/rooms/%s/messages" % self.room,
                         {"type": "m.encrypted", "content": body, "txn_id": txn})["event_id"]

    def decrypt_room(self):
        """(event id, sender, text or None) for every m.encrypted event seen; None: no key for it."""
        out = []
        for event in self.events:
            if event["type"] != "m.encrypted":
                continue
            content = event["content"]
            session = self.inbound.get(content["session_id"])
            text = None
            if session is not None:
                try:
                    plaintext, _ = session.decrypt(content["ciphertext"])
                    inner = json.loads(plaintext)
                    check(inner["room_id"] == self.room, "the plaintext names its room")
                    text = inner["content"]["text"]
                except olm.OlmGroupSessionError:
                    text = None
            out.append((event["event_id"], event["sender"], text))
        return out


def main():
    server = Server(os.environ["CHAT_BASE_URL"])
    tokens = json.loads(os.environ["CHAT_TOKENS"])
    room = os.environ["CHAT_ROOM_ID"]
    alice = Device(server, "alice", tokens["alice"], room)
    bob = Device(server, "bob", tokens["bob"], room)
    carol = Device(server, "carol", tokens["carol"], room)

    # 1. keys: upload, query (signatures verify on what the server hands back), claim once
    uploaded = {d.name: d.upload_keys(dev) for d, dev in ((alice, "ALICE1"), (bob, "BOB1"), (carol, "CAROL1"))}
    devices = alice.query([bob.user, carol.user])
    bob_keys = devices[(bob.user, "BOB1")]
    carol_keys = devices[(carol.user, "CAROL1")]
    check(bob_keys == uploaded["bob"] and carol_keys == uploaded["carol"], "query answers the keys as uploaded")
    bob_otk_id, bob_otk = alice.claim(bob.user, "BOB1", bob_keys)
    carol_otk_id, carol_otk = alice.claim(carol.user, "CAROL1", carol_keys)
    second_id, _ = carol.claim(bob.user, "BOB1", bob_keys)
    check(second_id != bob_otk_id, "a one-time key is handed out once")
    step("keys uploaded, queried with valid signatures, one-time keys claimed once each")

    # 2. Olm: alice opens sessions with pre-key messages; bob answers through his session
    alice_group = olm.OutboundGroupSession()
    alice.inbound[alice_group.id] = olm.InboundGroupSession(alice_group.session_key)  # to read her own
    room_key = {"algorithm": MEGOLM, "room_id": room, "session_id": alice_group.id,
                "session_key": alice_group.session_key}
    alice.send_olm("key-bob", bob.user, bob_keys, "m.room_key", room_key, bob_otk["key"])
    alice.send_olm("key-carol", carol.user, carol_keys, "m.room_key", room_key, carol_otk["key"])
    bob.sync_until(lambda: alice_group.id in bob.inbound, "alice's room key")
    carol.sync_until(lambda: alice_group.id in carol.inbound, "alice's room key")
    alice_for_bob = bob.query([alice.user])[(alice.user, "ALICE1")]
    bob.send_olm("pong", alice.user, alice_for_bob, "m.dummy", {"ping": "pong"})
    alice.sync_until(lambda: any(m.get("decrypted", {}).get("content") == {"ping": "pong"} for m in alice.to_device),
                     "bob's answer over the Olm session")
    check(len(bob.to_device) == 1 and len(carol.to_device) == 1, "each to-device message reached its device once")
    step("Olm sessions established through to-device messages, both ways")

    # 3. Megolm: bob shares his own room key with alice and carol (claims their keys first)
    bob_group = olm.OutboundGroupSession()
    bob.inbound[bob_group.id] = olm.InboundGroupSession(bob_group.session_key)
    bob_key = {"algorithm": MEGOLM, "room_id": room, "session_id": bob_group.id, "session_key": bob_group.session_key}
    bob.send_olm("key-alice", alice.user, alice_for_bob, "m.room_key", bob_key)
    carol_for_bob = bob.query([carol.user])[(carol.user, "CAROL1")]
    _, carol_otk2 = bob.claim(carol.user, "CAROL1", carol_for_bob)
    bob.send_olm("key-carol", carol.user, carol_for_bob, "m.room_key", bob_key, carol_otk2["key"])
    alice.sync_until(lambda: bob_group.id in alice.inbound, "bob's room key")
    carol.sync_until(lambda: bob_group.id in carol.inbound, "bob's room key")
    step("Megolm room keys shared over Olm")

    # 4. encrypted messages
    sent = []
    for i, text in enumerate(["hello from alice", "ünïcødé ✓ 🎮", "gg wp"]):
        sent.append((alice.post_encrypted(alice_group, text, "a%d" % i), alice.user, text))
    sent.append((bob.post_encrypted(bob_group, "bob says hi", "b0"), bob.user, "bob says hi"))
    step("m.encrypted messages posted")

    # 5. every other device decrypts exactly what was sent
    for reader in (bob, carol, alice):
        reader.sync_until(lambda: len([e for e in reader.events if e["type"] == "m.encrypted"]) >= len(sent),
                          "every message")
        got = reader.decrypt_room()
        check(got == sent, "%s decrypted %r, sent %r" % (reader.name, got, sent))
    history = bob.call("GET", "/v1/rooms/%s/messages?dir=f" % room)["chunk"]
    check([e["event_id"] for e in history] == [s[0] for s in sent], "history pages the ciphertext too")
    step("bob, carol and alice decrypt exactly the plaintext sent")

    # 6. a device added later gets nothing from before its key share
    alice.sync_once()
    late = Device(server, "bob_later", tokens["bob_later"], room)
    late.upload_keys("BOB2")
    changed = False
    for _ in range(30):
        answer = alice.sync_once()
        if bob.user in answer.get("device_lists", {}).get("changed", []):
            changed = True
            break
    check(changed, "alice hears that bob's device list changed")
    late_keys = alice.query([bob.user])[(bob.user, "BOB2")]
    late.sync_until(lambda: len([e for e in late.events if e["type"] == "m.encrypted"]) >= len(sent), "the old messages")
    check(late.to_device == [], "no to-device message from before reached the new device")
    check(all(text is None for _, _, text in late.decrypt_room()), "the new device reads no earlier message")
    _, late_otk = alice.claim(bob.user, "BOB2", late_keys)
    alice_key_now = {"algorithm": MEGOLM, "room_id": room, "session_id": alice_group.id,
                     "session_key": alice_group.session_key}
    alice.send_olm("key-late", bob.user, late_keys, "m.room_key", alice_key_now, late_otk["key"])
    after = (alice.post_encrypted(alice_group, "welcome, new device", "a-late"), alice.user, "welcome, new device")
    late.sync_until(lambda: alice_group.id in late.inbound and any(e["event_id"] == after[0] for e in late.events),
                    "the key share and the new message")
    got = late.decrypt_room()
    check(got[-1] == after, "the new device reads the message after its key share: %r" % (got[-1],))
    check(all(text is None for _, _, text in got[:-1]), "and still none from before it: %r" % (got,))
    bob.sync_once()
    check(len(bob.to_device) == 1, "bob's first device got nothing meant for his new one")
    step("a device added later reads only what follows its key share")
    print("ALL STEPS PASSED", flush=True)


if __name__ == "__main__":
    try:
        main()
    except Exception as e:  # the JUnit test shows this output
        print("FAILED: %s: %s" % (type(e).__name__, e), flush=True)
        sys.exit(1)
