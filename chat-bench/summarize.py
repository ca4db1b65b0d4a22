#!/usr/bin/env python3
"""Markdown tables from chat-bench RESULT JSON lines: ./summarize.py chat-bench/target/results.jsonl"""
import json
import sys


def fmt(v):
    if v is None:
        return ""
    if isinstance(v, float):
        return f"{v:,.2f}" if abs(v) < 10 else f"{v:,.1f}" if abs(v) < 100 else f"{v:,.0f}"
    if isinstance(v, int) and not isinstance(v, bool):
        return f"{v:,}"
    return str(v)


def table(rows, cols):
    print("| " + " | ".join(c[1] for c in cols) + " |")
    print("|" + "---|" * len(cols))
    for r in rows:
        print("| " + " | ".join(fmt(r.get(k)) for k, _ in cols) + " |")
    print()


rows = [json.loads(l) for l in open(sys.argv[1] if len(sys.argv) > 1 else "chat-bench/target/results.jsonl") if l.strip()]
fan = [r for r in rows if r["scenario"] == "fanout" and not r.get("saturate")]
if fan:
    table(fan, [("tag", "run"), ("ok", "ok"), ("users", "N"), ("rate", "R/s"), ("delivered", "delivered"), ("lost", "lost"),
                ("duplicates", "dups"), ("deliveries_per_s", "deliv/s"), ("p50_ms", "p50 ms"), ("p90_ms", "p90 ms"),
                ("p99_ms", "p99 ms"), ("max_ms", "max ms"), ("msgs_per_poll", "msgs/poll"), ("post_p99_ms", "POST p99 ms"),
                ("sender_max_lag_ms", "lag ms"), ("server_cpu_us_per_delivery", "srv µs/deliv"),
                ("client_cpu_us_per_delivery", "cli µs/deliv"), ("other_cpu_pct_of_1_core", "other %"),
                ("server_rss_kb_after", "RSS after kB")])
for r in rows:
    if r["scenario"] == "fanout" and r.get("saturate"):
        steps = []
        k = 1
        while f"step{k}_rate" in r:
            s = {key[len(f"step{k}_"):]: v for key, v in r.items() if key.startswith(f"step{k}_")}
            s["tag"] = f"{r.get('tag', '')} step {k}"
            steps.append(s)
            k += 1
        table(steps, [("tag", "step"), ("rate", "R/s"), ("delivered", "delivered"), ("lost", "lost"),
                      ("deliveries_per_s", "deliv/s"), ("p50_ms", "p50 ms"), ("p99_ms", "p99 ms"), ("max_ms", "max ms"),
                      ("msgs_per_poll", "msgs/poll"), ("server_cpu_us_per_delivery", "srv µs/deliv"),
                      ("other_cpu_pct_of_1_core", "other %")])
        print(f"{r.get('tag')}: best {fmt(r.get('saturate_max_deliveries_per_s'))} deliveries/s at "
              f"R={fmt(r.get('saturate_max_rate'))}, p99 {fmt(r.get('saturate_p99_ms'))} ms, "
              f"{fmt(r.get('saturate_server_cpu_us_per_delivery'))} µs/delivery; stop: {r.get('saturate_stop_reason')}\n")
send = [r for r in rows if r["scenario"] in ("send", "hello")]
if send:
    table(send, [("tag", "run"), ("ok", "ok"), ("hello_ok_per_s", "hello req/s"), ("hello_p99_ms", "hello p99 ms"),
                 ("hello_server_cpu_us_per_request", "hello srv µs/req"), ("accepted_msgs_per_s", "send msgs/s"),
                 ("send_non_2xx", "non-2xx"), ("send_p50_ms", "send p50 ms"), ("send_p99_ms", "send p99 ms"),
                 ("send_server_cpu_us_per_request", "send srv µs/req"), ("send_to_hello_ratio", "send/hello"),
                 ("send_other_cpu_pct_of_1_core", "other %")])
parked = [r for r in rows if r["scenario"] == "parked"]
if parked:
    table(parked, [("tag", "run"), ("ok", "ok"), ("users", "N"), ("heap_kib_per_held_request", "heap KiB/held"),
                   ("threads_before", "threads before"), ("threads_parked", "threads parked"),
                   ("platform_threads_per_held_request", "threads/held"), ("delivered", "delivered"), ("lost", "lost"),
                   ("wake_p50_ms", "wake p50 ms"), ("wake_max_ms", "wake max ms"),
                   ("wake_server_cpu_us_per_delivery", "srv µs/wake"), ("wake_other_cpu_pct_of_1_core", "other %")])
reads = [r for r in rows if r["scenario"] in ("history", "unread")]
if reads:
    table(reads, [("tag", "run"), ("ok", "ok"), ("rate", "R/s"), ("responses_2xx", "2xx"), ("non_2xx", "non-2xx"),
                  ("mean_response_bytes", "bytes"), ("p50_ms", "p50 ms"), ("p90_ms", "p90 ms"), ("p99_ms", "p99 ms"),
                  ("max_ms", "max ms"), ("sender_max_lag_ms", "lag ms"), ("server_cpu_us_per_request", "srv µs/req"),
                  ("other_cpu_pct_of_1_core", "other %")])
