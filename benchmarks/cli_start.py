"""Start-up benchmark: how long ``medialit --help`` and ``medialit --version`` take, as a user runs them.

Each is run as a new process (the installed ``medialit`` script of the virtualenv this Python
belongs to), several times; the median, min and max wall-clock seconds are reported, and the
modules the command line imports at start (``python -X importtime -c "import medialit.cli"``,
summed). Figures are recorded in the README; nothing here is a test and no threshold is asserted.

    .venv/bin/python benchmarks/cli_start.py [--runs 10] [--json]
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

COMMANDS = {"medialit --help": ["--help"], "medialit --version": ["--version"], "medialit compare --help": ["compare", "--help"]}
"""What is timed: the top-level help, the version, and one subcommand's help."""


def medialit_script() -> Path:
    """The ``medialit`` script beside this Python (the virtualenv's), as a user would run it."""
    return Path(sys.executable).with_name("medialit")


def timed(argv: list[str], runs: int) -> dict[str, float]:
    """Median, min and max seconds of running ``argv`` to the end, over ``runs`` runs (one untimed run first)."""
    subprocess.run(argv, check=True, capture_output=True)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(argv, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return {"median_s": round(statistics.median(times), 3), "min_s": round(min(times), 3), "max_s": round(max(times), 3)}


def import_time_ms() -> float:
    """Cumulative import time of ``medialit.cli`` as ``-X importtime`` reports it, in milliseconds."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "import medialit.cli"], check=True, capture_output=True, text=True
    )
    line = next(line for line in done.stderr.splitlines() if line.rstrip().endswith("| medialit.cli"))
    return int(line.split("|")[1]) / 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=10, help="runs per command (default 10)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = parser.parse_args()

    script = str(medialit_script())
    results = {name: timed([script, *argv], args.runs) for name, argv in COMMANDS.items()}
    report = {
        "python": platform.python_version(),
        "machine": platform.machine(),
        "runs": args.runs,
        "import_medialit_cli_ms": round(import_time_ms(), 1),
        "commands": results,
    }
    if args.json:
        print(json.dumps(report, indent=2))
        return
    print(f"Python {report['python']} on {report['machine']}, {args.runs} runs each")
    print(f"import medialit.cli: {report['import_medialit_cli_ms']} ms")
    print(f"{'command':<26} {'median (s)':>10} {'min (s)':>8} {'max (s)':>8}")
    for name, figures in results.items():
        print(f"{name:<26} {figures['median_s']:>10} {figures['min_s']:>8} {figures['max_s']:>8}")


if __name__ == "__main__":
    main()
