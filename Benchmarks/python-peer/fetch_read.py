#!/usr/bin/env python3
"""The Python peer of `make bench`: what a store would write instead of ShipTrack, with aiohttp and lxml.

It fetches the same simulator pages as `shiptrack-bench fetch --read` (OUT/requests.txt from `make-pages`), with
the same number of requests in flight, and reads each one with the same XPath expressions, taken from the source
definitions through the C reference's spec files (OUT/SOURCE/spec.txt): the whole-answer rules' byte tests and
XPaths, the markers, the event rows, every field's XPaths with the row as context node (first non-empty text wins,
whitespace folded), and the no-event states of a page without events. Like the C reference, it does not parse
dates, places or statuses; ShipTrack does that on top.

Usage: fetch_read.py --base-url URL --pages OUT --concurrency N --seconds S
Prints one record line: requests=N errors=N bytes=N events=N seconds=S cpu_seconds=S.
"""
import argparse
import asyncio
import time

import aiohttp
from lxml import etree, html

FIELDS = ["description", "time", "time_utc", "event_code", "leg", "location", "city", "state", "postal_code",
          "country", "utc_offset"]
DECIDING = 3  # description, time and time_utc decide whether a row is an event row


class Spec:
    """One source's reading recipe, from the spec file make-pages writes for the C reference."""

    def __init__(self, path):
        self.html = True
        self.body_contains, self.body_equals, self.response_when, self.markers = [], [], [], []
        self.rows = None
        self.fields = {name: [] for name in FIELDS}
        self.states = []
        with open(path, encoding="utf-8") as file:
            for line in file:
                key, _, value = line.rstrip("\n").partition(" ")
                if key == "format":
                    self.html = value == "html"
                elif key == "body_contains":
                    self.body_contains.append(value.encode())
                elif key == "body_equals":
                    self.body_equals.append(value.encode())
                elif key == "response_when":
                    self.response_when.append(etree.XPath(value))
                elif key == "marker":
                    self.markers.append(etree.XPath(value))
                elif key == "rows":
                    self.rows = etree.XPath(value)
                elif key == "field":
                    name, _, expression = value.partition(" ")
                    self.fields[name].append(etree.XPath(expression))
                elif key == "state":
                    self.states.append([etree.XPath(value), None])
                elif key == "message":
                    self.states[-1][1] = etree.XPath(value)


def text(result):
    """XPath's string() of a result, folded: a node-set's first node's text, else the value itself."""
    if isinstance(result, list):
        if not result:
            return ""
        first = result[0]
        result = "".join(first.itertext()) if isinstance(first, etree._Element) else str(first)
    elif isinstance(result, bool):
        result = "true" if result else "false"
    return " ".join(str(result).split())


def first_text(queries, row):
    for query in queries:
        found = text(query(row))
        if found:
            return found
    return ""


def read(spec, body):
    """The events of one page, read as ShipTrack's definitions say."""
    if any(needle in body for needle in spec.body_contains) or body.strip() in spec.body_equals:
        raise ValueError("a whole-answer rule holds")
    document = html.document_fromstring(body) if spec.html else etree.fromstring(body)
    if any(bool(query(document)) for query in spec.response_when):
        raise ValueError("a whole-answer rule holds")
    if spec.markers and not any(bool(query(document)) for query in spec.markers):
        raise ValueError("no marker holds")
    events = 0
    for row in spec.rows(document):
        values = [first_text(spec.fields[name], row) for name in FIELDS[:DECIDING]]
        if not any(values):
            continue
        values += [first_text(spec.fields[name], row) for name in FIELDS[DECIDING:]]
        events += 1
    if events == 0:
        for when, message in spec.states:
            if bool(when(document)):
                if message is not None:
                    text(message(document))
                break
    return events


async def load(session, base_url, work, specs, concurrency, deadline):
    totals = {"requests": 0, "errors": 0, "bytes": 0, "events": 0}
    spacing = max(1, len(work) // concurrency)

    async def worker(start):
        index = start
        while time.monotonic() < deadline:
            source, path = work[index % len(work)]
            index += 1
            totals["requests"] += 1
            try:
                async with session.get(base_url + path) as response:
                    body = await response.read()
                    if response.status != 200 or not body:
                        totals["errors"] += 1
                        continue
                totals["bytes"] += len(body)
                totals["events"] += read(specs[source], body)
            except Exception:
                totals["errors"] += 1

    await asyncio.gather(*(worker(number * spacing) for number in range(concurrency)))
    return totals


async def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base-url", required=True)
    parser.add_argument("--pages", required=True)
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--seconds", type=float, default=2.0)
    arguments = parser.parse_args()
    work = []
    with open(arguments.pages + "/requests.txt", encoding="utf-8") as file:
        for line in file:
            source, _carrier, _number, path = line.rstrip("\n").split(" ", 3)
            work.append((source, path))
    specs = {source: Spec(f"{arguments.pages}/{source}/spec.txt") for source in {source for source, _ in work}}
    connector = aiohttp.TCPConnector(limit=arguments.concurrency)
    async with aiohttp.ClientSession(connector=connector) as session:
        # Warm-up: open the connections and touch every code path before the clock starts.
        await load(session, arguments.base_url, work, specs, arguments.concurrency, time.monotonic() + 0.3)
        cpu_start, start = time.process_time(), time.monotonic()
        totals = await load(session, arguments.base_url, work, specs, arguments.concurrency,
                            start + arguments.seconds)
        elapsed, cpu = time.monotonic() - start, time.process_time() - cpu_start
    print(f"requests={totals['requests']} errors={totals['errors']} bytes={totals['bytes']} "
          f"events={totals['events']} seconds={elapsed:.6f} cpu_seconds={cpu:.6f}")


if __name__ == "__main__":
    asyncio.run(main())
