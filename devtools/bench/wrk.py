"""Run wrk against one address and read what it prints (`--latency` adds percentiles)."""

import re
import shutil
import subprocess
from dataclasses import dataclass, field

CONNECTIONS = 16
THREADS = 2
SECONDS = 10
# wrk gives up on a request after 2 s by default: a slow page is measured, not dropped.
TIMEOUT = "30s"

UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


@dataclass
class WrkResult:
    requests_per_second: float
    requests: int
    latency_ms: dict = field(default_factory=dict)  # percentile (50, 75, 90, 99) -> ms
    non_2xx_3xx: int = 0
    socket_errors: int = 0


def to_ms(text):
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(number) * UNITS_MS[unit]


def parse(output):
    """The numbers of one wrk run, from its standard output."""
    rps = re.search(r"^Requests/sec:\s+([\d.]+)", output, re.MULTILINE)
    requests = re.search(r"^\s*(\d+) requests in", output, re.MULTILINE)
    if not rps or not requests:
        raise ValueError(f"Not wrk output:\n{output}")
    percentiles = re.findall(r"^\s+(\d+)%\s+([\d.]+(?:us|ms|s|m)) *$", output, re.MULTILINE)
    latency = {int(percent): to_ms(value) for percent, value in percentiles}
    non_2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    return WrkResult(
        requests_per_second=float(rps.group(1)),
        requests=int(requests.group(1)),
        latency_ms=latency,
        non_2xx_3xx=int(non_2xx.group(1)) if non_2xx else 0,
        socket_errors=sum(map(int, errors.groups())) if errors else 0,
    )


def available():
    return shutil.which("wrk") is not None


def run(url, *, headers=(), seconds=SECONDS, connections=CONNECTIONS, threads=THREADS):
    command = [
        "wrk",
        "--latency",
        f"-t{threads}",
        f"-c{connections}",
        f"-d{seconds}s",
        f"--timeout={TIMEOUT}",
    ]
    for header in headers:
        command += ["-H", header]
    done = subprocess.run(
        [*command, url], capture_output=True, text=True, check=True, timeout=seconds + 60
    )
    return parse(done.stdout)
