#!/usr/bin/env python3
"""Holds many idle keep-alive HTTP connections open against one local server and reports its memory.

Opens N connections to 127.0.0.1:PORT, sends one keep-alive `GET PATH` on each and reads the answer,
keeps them all open, then reports how many are open, the server's resident memory (VmRSS from
/proc/PID/status) before and while they are held, whether a fresh request on a new connection is
still answered, and whether a sample of the held connections still answers. Then it closes them.

The whole run is bounded in time (--timeout, 60 s by default) and only ever targets the loopback
address. The last line printed is a summary of `key=value` pairs starting with `idle-connections:`.
"""

import argparse
import asyncio
import ipaddress
import os
import random
import resource
import signal
import sys
import time


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1", help="loopback address of the server")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--pid", type=int, help="server process id, for its VmRSS and open files")
    parser.add_argument("--connections", type=int, default=10_000)
    parser.add_argument("--path", default="/health")
    parser.add_argument("--parallel", type=int, default=256, help="connections being opened at once")
    parser.add_argument("--hold", type=float, default=3.0, help="seconds to hold them all before checking")
    parser.add_argument("--sample", type=int, default=100, help="held connections asked again after the hold")
    parser.add_argument("--timeout", type=float, default=60.0, help="hard limit for the whole run, seconds")
    arguments = parser.parse_args()
    if not ipaddress.ip_address(arguments.host).is_loopback:
        parser.error(f"--host must be a loopback address, got {arguments.host}")
    if arguments.connections < 1 or arguments.parallel < 1:
        parser.error("--connections and --parallel must be positive")
    return arguments


def raise_open_file_limit(needed):
    """Raises the soft RLIMIT_NOFILE to the hard limit; returns the soft limit now in force."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < hard:
        resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
        soft = hard
    if soft < needed:
        print(f"warning: open file limit {soft} is below the {needed} needed", file=sys.stderr)
    return soft


def resident_kilobytes(pid):
    """VmRSS of a process in kB, or None when it cannot be read."""
    if pid is None:
        return None
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


def open_file_count(pid):
    """Number of open file descriptors of a process, or None when it cannot be read."""
    if pid is None:
        return None
    try:
        return len(os.listdir(f"/proc/{pid}/fd"))
    except OSError:
        return None


class ConnectionFailure(Exception):
    """A connection or its request did not complete as HTTP/1.1 keep-alive expects."""


async def exchange(reader, writer, host, path):
    """Sends one keep-alive GET and reads its whole answer; returns the status code."""
    writer.write(f"GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: keep-alive\r\n\r\n".encode())
    await writer.drain()
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    parts = lines[0].split(" ")
    if len(parts) < 2 or not parts[0].startswith("HTTP/1."):
        raise ConnectionFailure(f"not an HTTP status line: {lines[0]!r}")
    length = None
    for line in lines[1:]:
        name, _, value = line.partition(":")
        if name.strip().lower() == "content-length":
            length = int(value.strip())
        elif name.strip().lower() == "connection" and value.strip().lower() == "close":
            raise ConnectionFailure("server asked to close the connection")
    if length is None:
        raise ConnectionFailure("answer without Content-Length")
    await reader.readexactly(length)
    return int(parts[1])


async def open_one(host, port, path, gate, deadline):
    async with gate:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise ConnectionFailure("out of time")
        reader, writer = await asyncio.wait_for(asyncio.open_connection(host, port), remaining)
        try:
            status = await asyncio.wait_for(exchange(reader, writer, host, path), deadline - time.monotonic())
        except BaseException:
            writer.close()
            raise
        if status != 200:
            writer.close()
            raise ConnectionFailure(f"status {status}")
        return reader, writer


async def fresh_request(host, port, path, limit):
    """Asks once on a brand-new connection; returns (answered, milliseconds)."""
    started = time.monotonic()
    try:
        reader, writer = await asyncio.wait_for(asyncio.open_connection(host, port), limit)
        try:
            status = await asyncio.wait_for(exchange(reader, writer, host, path), limit)
        finally:
            writer.close()
        return status == 200, (time.monotonic() - started) * 1000
    except (OSError, asyncio.TimeoutError, asyncio.IncompleteReadError, ConnectionFailure, ValueError):
        return False, (time.monotonic() - started) * 1000


async def ask_again(connection, host, path, limit):
    reader, writer = connection
    try:
        return await asyncio.wait_for(exchange(reader, writer, host, path), limit) == 200
    except (OSError, asyncio.TimeoutError, asyncio.IncompleteReadError, ConnectionFailure, ValueError):
        return False


async def run(arguments):
    started = time.monotonic()
    deadline = started + arguments.timeout * 0.6
    rss_before = resident_kilobytes(arguments.pid)
    fds_before = open_file_count(arguments.pid)

    gate = asyncio.Semaphore(arguments.parallel)
    tasks = [
        asyncio.ensure_future(open_one(arguments.host, arguments.port, arguments.path, gate, deadline))
        for _ in range(arguments.connections)
    ]
    results = await asyncio.gather(*tasks, return_exceptions=True)
    connections = [result for result in results if not isinstance(result, BaseException)]
    failures = {}
    for result in results:
        if isinstance(result, BaseException):
            reason = type(result).__name__ + (f": {result}" if str(result) else "")
            failures[reason] = failures.get(reason, 0) + 1
    open_seconds = time.monotonic() - started

    await asyncio.sleep(arguments.hold)
    still_open = sum(1 for reader, _ in connections if not reader.at_eof())
    rss_held = resident_kilobytes(arguments.pid)
    fds_held = open_file_count(arguments.pid)
    fresh_ok, fresh_ms = await fresh_request(arguments.host, arguments.port, arguments.path, 5.0)
    sample = random.sample(connections, min(arguments.sample, len(connections)))
    sample_answers = await asyncio.gather(*(ask_again(c, arguments.host, arguments.path, 5.0) for c in sample))

    for _, writer in connections:
        writer.close()
    await asyncio.sleep(0.5)

    summary = {
        "requested": arguments.connections,
        "opened": len(connections),
        "still_open": still_open,
        "open_seconds": f"{open_seconds:.2f}",
        "rss_before_kb": rss_before,
        "rss_held_kb": rss_held,
        "rss_per_connection_bytes": (
            round((rss_held - rss_before) * 1024 / len(connections))
            if rss_before is not None and rss_held is not None and connections else None),
        "server_fds_before": fds_before,
        "server_fds_held": fds_held,
        "fresh_request": "answered" if fresh_ok else "failed",
        "fresh_ms": f"{fresh_ms:.1f}",
        "sample_answered": f"{sum(sample_answers)}/{len(sample)}",
    }
    for reason, count in sorted(failures.items(), key=lambda item: -item[1])[:5]:
        print(f"failed to open {count}: {reason}", file=sys.stderr)
    pairs = (f"{key}={'na' if value is None else value}" for key, value in summary.items())
    print("idle-connections: " + " ".join(pairs))
    healthy = len(connections) == arguments.connections and still_open == len(connections) and fresh_ok
    return 0 if healthy else 1


def main():
    arguments = parse_arguments()
    raise_open_file_limit(arguments.connections + 64)
    # A backstop beyond the asyncio deadlines: the process ends itself whatever happens.
    signal.signal(signal.SIGALRM, lambda *_: os._exit(3))
    signal.alarm(int(arguments.timeout) + 1)
    try:
        code = asyncio.run(asyncio.wait_for(run(arguments), arguments.timeout))
    except asyncio.TimeoutError:
        print(f"idle-connections: timed out after {arguments.timeout} s", file=sys.stderr)
        code = 2
    sys.exit(code)


if __name__ == "__main__":
    main()
