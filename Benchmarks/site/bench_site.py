#!/usr/bin/env python3
"""Benchmarks `qed build` and `qed check` against Hugo, cmark and pytest --doctest-glob.

All tools read vaults made by genvault.py (same notes, same numbers). Tools are alternated
over the repetitions (the order rotates each repetition) so that drift in machine load hits
them alike; the report gives the median wall time, the ratio to a full `qed build` of the
same vault and the peak resident memory (max RSS, from wait4) of each tool.

Run it through scripts/bench-site; see Benchmarks/site/README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
import genvault  # noqa: E402  (a sibling file, found through sys.path above)

QED_FULL = "qed build (full)"
QED_NOCHANGE = "qed build (no change)"
QED_TOUCH = "qed build (one note touched)"
QED_CHECK = "qed check (full)"
QED_CHECK_TOUCH = "qed check (one note touched)"
HUGO = "hugo"
CMARK = "cmark (all files)"
PYTEST = "pytest --doctest-glob"
ROWS = [QED_FULL, QED_NOCHANGE, QED_TOUCH, QED_CHECK, QED_CHECK_TOUCH, HUGO, CMARK, PYTEST]
NUMERICS_VERSION = "import numpy, scipy; print('numpy', numpy.__version__ + ', scipy', scipy.__version__)"
UNITS = ["qed build", "qed check", "hugo", "cmark", "pytest"]


@dataclass
class Run:
    seconds: float
    max_rss_kb: int
    status: int
    cpu_seconds: float  # user + system time of the tool and its descendants


@dataclass
class Measurements:
    runs: dict = field(default_factory=dict)       # (row, size) -> [Run]
    summaries: dict = field(default_factory=dict)  # (row, size) -> last line of output

    def add(self, row: str, size: int, run: Run) -> None:
        self.runs.setdefault((row, size), []).append(run)

    def median(self, row: str, size: int) -> float | None:
        runs = self.runs.get((row, size))
        return statistics.median(r.seconds for r in runs) if runs else None

    def median_cpu(self, row: str, size: int) -> float | None:
        runs = self.runs.get((row, size))
        return statistics.median(r.cpu_seconds for r in runs) if runs else None

    def peak_mb(self, row: str, size: int) -> float | None:
        runs = self.runs.get((row, size))
        return max(r.max_rss_kb for r in runs) / 1024 if runs else None

    def failures(self, row: str, size: int) -> list[int]:
        return sorted({r.status for r in self.runs.get((row, size), []) if r.status != 0})


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


GNU_TIME = "/usr/bin/time"


def measure(command: list[str], cwd: str, output: str, timeout: float) -> Run:
    """Runs `command`, its stdout and stderr going to `output`: wall time, exit status and
    the peak resident memory of the command and its descendants.

    Memory comes from GNU time (`%M`, from wait4 in a small process) rather than from our own
    wait4: a child forked from Python keeps Python's high-water mark across exec, which would
    put a floor of ~20 MB under every tool."""
    env = dict(os.environ, NO_COLOR="1", LC_ALL="C.UTF-8")
    rusage = output + ".rusage"
    wrapped = [GNU_TIME, "-f", "%M %U %S", "-o", rusage, *command] if os.access(GNU_TIME, os.X_OK) else command
    with open(output, "wb") as sink:
        start = time.perf_counter()
        process = subprocess.Popen(wrapped, cwd=cwd, stdout=sink, stderr=subprocess.STDOUT,
                                   stdin=subprocess.DEVNULL, env=env, start_new_session=True)
        # A runaway tool is killed (its whole process group) and reported, never waited on forever.
        watchdog = threading.Timer(timeout, lambda: os.killpg(process.pid, signal.SIGKILL))
        watchdog.start()
        try:
            _, wait_status, usage = os.wait4(process.pid, 0)
        finally:
            watchdog.cancel()
        seconds = time.perf_counter() - start
    process.returncode = status = os.waitstatus_to_exitcode(wait_status)
    max_rss_kb, cpu = usage.ru_maxrss, usage.ru_utime + usage.ru_stime
    if wrapped is not command:
        try:
            with open(rusage, encoding="utf-8") as handle:
                fields = handle.read().split()[-3:]
            max_rss_kb, cpu = int(fields[0]), float(fields[1]) + float(fields[2])
        except (OSError, ValueError, IndexError):
            pass  # killed before GNU time wrote: keep wait4's figures
    return Run(seconds, max_rss_kb, status, cpu)


def last_line(path: str) -> str:
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            lines = [line.strip() for line in handle if line.strip()]
    except OSError:
        return ""
    return lines[-1][:160] if lines else ""


def tail(path: str, count: int = 15) -> str:
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            return "".join(handle.readlines()[-count:])
    except OSError:
        return ""


def version_of(command: list[str]) -> str:
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=60)
        text = (result.stdout or result.stderr).strip().splitlines()
        return text[0] if text else "?"
    except (OSError, subprocess.SubprocessError):
        return "not available"


def hugo_has_passthrough(version: str) -> bool:
    match = re.search(r"v(\d+)\.(\d+)", version)
    return bool(match) and (int(match.group(1)), int(match.group(2))) >= (0, 122)


class Bench:
    def __init__(self, args: argparse.Namespace):
        self.args = args
        self.work = os.path.abspath(args.work)
        self.logs = os.path.join(self.work, "logs")
        self.results = Measurements()
        self.qed = None            # path of a qed that has `build` and `check`, if any
        self.qed_problem = None    # why qed is not measured
        self.problems: list[str] = []

    # --- set-up -----------------------------------------------------------------------

    def prepare_qed(self) -> None:
        if self.args.peers_only:
            self.qed_problem = "not measured (--peers-only)"
            return
        if self.args.build:
            log("building qed: swift build -c release --product qed")
            built = subprocess.run(["swift", "build", "-c", "release", "--product", "qed"], cwd=REPO)
            if built.returncode != 0:
                self.qed_problem = "`swift build -c release --product qed` failed (output above)"
                return
        path = os.path.abspath(self.args.qed or os.path.join(REPO, ".build", "release", "qed"))
        if not os.access(path, os.X_OK):
            self.qed_problem = (f"no qed binary at {path}: build it with "
                                "`swift build -c release --product qed` (or run without --no-build)")
            return
        for sub in ("build", "check"):
            probe = subprocess.run([path, sub, "--help"], capture_output=True, text=True)
            if probe.returncode != 0:
                self.qed_problem = f"`qed {sub}` is not available in {path} yet: {(probe.stderr or probe.stdout).strip()[:200]}"
                return
        self.qed = path

    def prepare_vault(self, size: int) -> tuple[str, str, str]:
        """(vault, doctests, cmark file list) for `size` notes, regenerated only when stale."""
        root = os.path.join(self.work, f"n{size}")
        stamp = os.path.join(root, "STAMP")
        wanted = f"generator {genvault.GENERATOR_VERSION}, {size} notes, seed {self.args.seed}\n"
        vault, doctests = os.path.join(root, "vault"), os.path.join(root, "doctest")
        listing = os.path.join(root, "files.list")
        current = open(stamp, encoding="utf-8").read() if os.path.exists(stamp) else ""
        if current != wanted:
            log(f"generating {size} notes (seed {self.args.seed}) in {root}")
            shutil.rmtree(root, ignore_errors=True)
            genvault.generate(size, self.args.seed, vault, doctests)
            files = sorted(os.path.relpath(os.path.join(d, f), vault)
                           for d, _, fs in os.walk(vault) for f in fs if f.endswith(".md"))
            with open(listing, "wb") as handle:
                handle.write(b"".join(os.path.join(vault, f).encode() + b"\0" for f in files))
            with open(stamp, "w", encoding="utf-8") as handle:
                handle.write(wanted)
        return vault, doctests, listing

    def prepare_hugo_site(self) -> str:
        """A copy of Benchmarks/site/hugo in the work folder, so Hugo's lock and resources
        never land in the repository."""
        site = os.path.join(self.work, "hugo-site")
        shutil.rmtree(site, ignore_errors=True)
        shutil.copytree(os.path.join(HERE, "hugo"), site)
        return site

    # --- one unit of work per tool -------------------------------------------------------

    def run_unit(self, unit: str, size: int, paths: tuple[str, str, str], rep: int, record: bool) -> None:
        vault, doctests, listing = paths
        out = os.path.join(self.work, "out", f"n{size}")
        logs = os.path.join(self.logs, f"n{size}")
        os.makedirs(logs, exist_ok=True)

        def timed(row: str, command: list[str], cwd: str, name: str) -> Run:
            output = os.path.join(logs, name + ".log")
            run = measure(command, cwd, output, self.args.timeout)
            if record:
                self.results.add(row, size, run)
                self.results.summaries[(row, size)] = last_line(output)
            if run.status != 0:
                log(f"  {row} at {size} notes exited with {run.status}; end of {output}:\n{tail(output)}")
            return run

        def touching(row: str, command: list[str], log_name: str) -> None:
            """Times `command` after appending a line to one note, then restores the note."""
            files = open(listing, "rb").read().split(b"\0")[:-1]
            touched = files[(rep * 7919) % len(files)].decode()
            original = open(touched, "rb").read()
            try:
                with open(touched, "ab") as handle:
                    handle.write(f"\n附注：benchmark touch {rep}, one more line.\n".encode())
                timed(row, command, self.work, log_name)
            finally:
                with open(touched, "wb") as handle:
                    handle.write(original)

        # The vault's own cache (parsed notes, check verdicts) is dropped before each full
        # run: a full run starts from nothing, as on a fresh clone.
        vault_cache = os.path.join(vault, ".qed-cache")
        if unit == "qed build":
            site = os.path.join(out, "qed")
            shutil.rmtree(site, ignore_errors=True)  # a fresh folder: no cache, nothing to reuse
            shutil.rmtree(vault_cache, ignore_errors=True)
            command = [self.qed, "build", vault, "-o", site]
            timed(QED_FULL, command, self.work, "qed-build-full")
            timed(QED_NOCHANGE, command, self.work, "qed-build-nochange")
            touching(QED_TOUCH, command, "qed-build-touch")
        elif unit == "qed check":
            shutil.rmtree(vault_cache, ignore_errors=True)
            command = [self.qed, "check", vault, "--quiet"]
            timed(QED_CHECK, command, self.work, "qed-check")
            touching(QED_CHECK_TOUCH, command, "qed-check-touch")
        elif unit == "hugo":
            site = os.path.join(out, "hugo")
            shutil.rmtree(site, ignore_errors=True)
            timed(HUGO, ["hugo", "--source", self.hugo_site, "--contentDir", vault, "--destination", site,
                         "--cacheDir", os.path.join(self.work, "hugo-cache"), "--quiet"], self.work, "hugo")
        elif unit == "cmark":
            # One cmark process over every file (xargs splits only past ARG_MAX): the floor for
            # parsing and rendering the same Markdown, with no files written.
            timed(CMARK, ["sh", "-c", 'xargs -0 -a "$1" cmark > /dev/null', "sh", listing], self.work, "cmark")
        elif unit == "pytest":
            timed(PYTEST, [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                           "--doctest-glob=*.md", doctests], doctests, "pytest")

    # --- the run -------------------------------------------------------------------------

    def units(self) -> list[str]:
        wanted = self.args.tools
        units = [u for u in UNITS if wanted is None or u.split()[0] in wanted or u in wanted]
        if self.qed is None:
            units = [u for u in units if not u.startswith("qed")]
        for tool in ("hugo", "cmark"):
            if tool in units and shutil.which(tool) is None:
                self.problems.append(f"{tool} is not installed (scripts/bench-site installs it with apt-get)")
                units.remove(tool)
        if "pytest" in units:
            probe = subprocess.run([sys.executable, "-c", "import pytest, numpy, scipy"], capture_output=True)
            if probe.returncode != 0:
                self.problems.append(f"pytest/numpy/scipy are not importable by {sys.executable}: "
                                     "`python3 -m pip install pytest numpy scipy`")
                units.remove("pytest")
        return units

    def run(self) -> int:
        started = time.perf_counter()
        os.makedirs(self.work, exist_ok=True)
        self.prepare_qed()
        if self.qed_problem:
            log(f"qed: {self.qed_problem}. Measuring the peers only.")
        self.hugo_site = self.prepare_hugo_site()
        units = self.units()
        sizes = self.args.sizes
        for size in sizes:
            paths = self.prepare_vault(size)
            if size == sizes[0]:
                for _ in range(self.args.warmup):
                    for unit in units:
                        log(f"warm-up: {unit} at {size} notes")
                        self.run_unit(unit, size, paths, rep=0, record=False)
            for rep in range(self.args.reps):
                shift = rep % len(units) if units else 0
                order = units[shift:] + units[:shift]
                for unit in order:
                    log(f"{size} notes, repetition {rep + 1}/{self.args.reps}: {unit}")
                    self.run_unit(unit, size, paths, rep, record=True)
        profile = self.profile(sizes[-1], self.prepare_vault(sizes[-1])) if self.args.profile else []
        report = self.report(time.perf_counter() - started)
        if profile:
            report += "\n" + "\n".join(profile) + "\n"
        path = os.path.join(self.work, "results.md")
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(report)
        with open(os.path.join(self.work, "results.json"), "w", encoding="utf-8") as handle:
            json.dump([{"tool": row, "notes": size, "seconds": [r.seconds for r in runs],
                        "max_rss_kb": [r.max_rss_kb for r in runs], "cpu_seconds": [r.cpu_seconds for r in runs], "status": [r.status for r in runs]}
                       for (row, size), runs in sorted(self.results.runs.items(), key=lambda kv: (kv[0][1], ROWS.index(kv[0][0])))],
                      handle, indent=1)
        print(report)
        log(f"written: {path}")
        failed = any(self.results.failures(row, size) for (row, size) in self.results.runs)
        if self.qed_problem and not self.args.peers_only:
            log(f"FAILED: qed was not measured: {self.qed_problem}.")
            return 1
        return 1 if failed else 0

    # --- where the time goes -------------------------------------------------------------

    def profile(self, size: int, paths: tuple[str, str, str]) -> list[str]:
        """Samples a full `qed build` and a `qed check` of the largest vault with perf (after
        the timed runs, so it never disturbs them) and lists the hottest functions."""
        if self.qed is None or shutil.which("perf") is None:
            return ["Profile: not taken (" + ("qed was not measured" if self.qed is None else "perf is not installed") + ")."]
        vault = paths[0]
        out = ["Profile (perf, cpu-clock samples, self time, demangled; largest vault):"]
        demangler = shutil.which("swift-demangle") or os.path.join(os.path.dirname(os.path.realpath(shutil.which("swift") or "")), "swift-demangle")
        for name, command in (("build", [self.qed, "build", vault, "-o", os.path.join(self.work, "out", "profile"), "--no-cache"]),
                              ("check", [self.qed, "check", vault, "--quiet"])):
            data = os.path.join(self.work, f"perf-{name}.data")
            log(f"profiling qed {name} at {size} notes")
            recorded = subprocess.run(["perf", "record", "-q", "-F", "499", "-g", "-o", data, "--", *command],
                                      cwd=self.work, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            report = subprocess.run(["perf", "report", "-i", data, "--stdio", "--no-children", "-g", "none",
                                     "--sort", "dso,symbol", "--percent-limit", "1"],
                                    capture_output=True, text=True, errors="replace")
            text = report.stdout
            if os.access(demangler, os.X_OK):
                text = subprocess.run([demangler, "--simplified"], input=text, capture_output=True,
                                      text=True, errors="replace").stdout or text
            rows = [re.sub(r"(\s+-)+\s*$", "", line)[:150] for line in text.splitlines()
                    if line.strip() and not line.startswith("#")]
            out += ["", f"`qed {name}` at {size:,} notes (exit {recorded.returncode}):", "", "```", *rows[:25], "```"]
        return out

    # --- the report ----------------------------------------------------------------------

    def report(self, elapsed: float) -> str:
        r = self.results
        hugo_version = version_of(["hugo", "version"])
        lines = ["# QED against its peers", ""]
        lines.append(f"Generated vaults (Benchmarks/site/genvault.py, generator {genvault.GENERATOR_VERSION}, "
                     f"seed {self.args.seed}); {self.args.reps} repetition(s), tools alternated, "
                     f"{self.args.warmup} warm-up; median wall time; peak RSS over the repetitions.")
        lines.append("")
        lines.append("| tool | notes | median s | ratio to qed build full | max RSS MB |")
        lines.append("|---|---:|---:|---:|---:|")
        for size in self.args.sizes:
            base = r.median(QED_FULL, size)
            for row in ROWS:
                median = r.median(row, size)
                if median is None:
                    continue
                failures = r.failures(row, size)
                name = row + (f" ⚠ exit {','.join(map(str, failures))}" if failures else "")
                ratio = f"{median / base:.2f}" if base else "—"
                peak = r.peak_mb(row, size)
                lines.append(f"| {name} | {size:,} | {median:.3f} | {ratio} | {peak:.{1 if peak < 10 else 0}f} |")
        lines.append("")
        lines += self.targets()
        lines.append("")
        lines.append("CPU use (median user + system seconds; cores busy = CPU time / wall time, "
                     f"of {os.cpu_count()}):")
        lines.append("")
        lines.append("| tool | notes | CPU s | cores busy |")
        lines.append("|---|---:|---:|---:|")
        for size in self.args.sizes:
            for row in ROWS:
                cpu, wall = r.median_cpu(row, size), r.median(row, size)
                if cpu is not None and wall:
                    lines.append(f"| {row} | {size:,} | {cpu:.3f} | {cpu / wall:.2f} |")
        lines.append("")
        lines.append("Tools and machine:")
        lines.append("")
        lines.append(f"- qed: {self.qed or self.qed_problem}")
        lines.append(f"- {hugo_version}" + ("" if hugo_has_passthrough(hugo_version) else
                     " — older than 0.122, so it has no goldmark passthrough: it parses the math as "
                     "Markdown (still no math rendering at all)"))
        lines.append(f"- {version_of(['cmark', '--version'])} (one process over all files, output discarded)")
        numerics = version_of([sys.executable, "-c", NUMERICS_VERSION])
        lines.append(f"- pytest: {version_of([sys.executable, '-m', 'pytest', '--version'])}; {numerics}")
        lines.append(f"- {platform.platform()}, {os.cpu_count()} CPUs; total harness time {elapsed:.0f} s")
        for problem in self.problems:
            lines.append(f"- not measured: {problem}")
        summaries = [(row, size, text) for (row, size), text in sorted(r.summaries.items(), key=lambda kv: (kv[0][1], ROWS.index(kv[0][0])))
                     if row != HUGO and row != CMARK and text]
        if summaries:
            lines.append("")
            lines.append("Last output line of qed and pytest (what they built and verified):")
            lines.append("")
            for row, size, text in summaries:
                lines.append(f"- {row}, {size:,} notes: `{text}`")
        return "\n".join(lines) + "\n"

    def targets(self) -> list[str]:
        """DESIGN.md's performance targets, judged on what was measured (never assumed)."""
        r = self.results
        out = ["Targets (DESIGN.md, \"Performance targets\"):", ""]
        if self.qed is None:
            return out + [f"- not judged: qed was not measured ({self.qed_problem})."]

        def mark(ok: bool) -> str:
            return "met" if ok else "MISSED"

        for size in self.args.sizes:
            full, hugo = r.median(QED_FULL, size), r.median(HUGO, size)
            if full and hugo and size >= 2000:
                out.append(f"- full build faster than Hugo at {size:,} notes: {mark(full < hugo)} "
                           f"({full:.2f} s vs {hugo:.2f} s, {full / hugo:.2f}×)")
        for size in self.args.sizes:
            full, same, touch = (r.median(QED_FULL, size), r.median(QED_NOCHANGE, size), r.median(QED_TOUCH, size))
            if full and same is not None:
                out.append(f"- no-change rebuild under 10% of the full build at {size:,} notes: "
                           f"{mark(same < 0.1 * full)} ({100 * same / full:.1f}%)")
            if full and touch is not None and same:
                out.append(f"- one-note rebuild close to the no-change rebuild at {size:,} notes: "
                           f"{touch / same:.2f}× the no-change time, {100 * touch / full:.1f}% of the full build "
                           f"({mark(touch < 0.1 * full)} as under 10% of full)")
        for size in self.args.sizes:
            check, touched = r.median(QED_CHECK, size), r.median(QED_CHECK_TOUCH, size)
            if check and touched is not None:
                out.append(f"- qed check after one edit under 10% of a full check at {size:,} notes: "
                           f"{mark(touched < 0.1 * check)} ({100 * touched / check:.1f}%)")
        for size in self.args.sizes:
            check, pytest = r.median(QED_CHECK, size), r.median(PYTEST, size)
            if check and pytest:
                out.append(f"- qed check faster than pytest --doctest-glob at {size:,} notes: "
                           f"{mark(check < pytest)} ({check:.2f} s vs {pytest:.2f} s, {pytest / check:.1f}× faster)")
        measured = [s for s in self.args.sizes if r.peak_mb(QED_FULL, s)]
        if 2000 in measured and 10000 in measured:
            small, large = r.peak_mb(QED_FULL, 2000) / 2000, r.peak_mb(QED_FULL, 10000) / 10000
            out.append(f"- qed build peak memory per note at 10,000 within 2× of 2,000: {mark(large <= 2 * small)} "
                       f"({1024 * large:.0f} KB vs {1024 * small:.0f} KB per note; total "
                       f"{r.peak_mb(QED_FULL, 10000):.0f} MB vs {r.peak_mb(QED_FULL, 2000):.0f} MB, "
                       f"{r.peak_mb(QED_FULL, 10000) / r.peak_mb(QED_FULL, 2000):.1f}× for 5× the notes)")
        elif len(measured) >= 2:
            a, b = measured[0], measured[-1]
            out.append(f"- qed build peak memory: {r.peak_mb(QED_FULL, a):.0f} MB at {a:,} notes, "
                       f"{r.peak_mb(QED_FULL, b):.0f} MB at {b:,} "
                       f"({r.peak_mb(QED_FULL, b) / r.peak_mb(QED_FULL, a):.1f}× for {b / a:.0f}× the notes); "
                       "the 2,000 → 10,000 target needs both sizes")
        return out


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="scripts/bench-site", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true",
                        help="smoke test of the harness: 20 notes, 1 repetition, no warm-up, no swift build")
    parser.add_argument("--sizes", help="comma-separated vault sizes (default 200,2000,10000)")
    parser.add_argument("--reps", type=int, help="timed repetitions per tool and size (default 3)")
    parser.add_argument("--warmup", type=int, help="untimed runs of each tool on the first size (default 1)")
    parser.add_argument("--seed", type=int, default=1, help="vault generator seed (default 1)")
    parser.add_argument("--work", default=os.path.join(REPO, "bench-work"),
                        help="scratch folder for vaults, outputs, logs and results (default: bench-work/, git-ignored)")
    parser.add_argument("--qed", help="qed binary to measure (default: .build/release/qed)")
    parser.add_argument("--build", dest="build", action="store_true", default=None,
                        help="run `swift build -c release --product qed` first (the default, except with --quick)")
    parser.add_argument("--no-build", dest="build", action="store_false", help="use the existing qed binary")
    parser.add_argument("--peers-only", action="store_true", help="measure Hugo, cmark and pytest only")
    parser.add_argument("--timeout", type=float, default=1800,
                        help="seconds after which one run is killed and reported as failed (default 1800)")
    parser.add_argument("--profile", action="store_true",
                        help="afterwards, sample a full qed build and a qed check of the largest vault with perf")
    parser.add_argument("--tools", help="comma-separated subset: qed,hugo,cmark,pytest (default: all)")
    args = parser.parse_args(argv)
    try:
        args.sizes = [int(s.replace("_", "")) for s in (args.sizes or ("20" if args.quick else "200,2000,10000")).split(",")]
    except ValueError:
        parser.error("--sizes takes comma-separated whole numbers, e.g. 200,2000")
    if any(s < 2 for s in args.sizes):
        parser.error("every size must be at least 2 notes")
    args.reps = args.reps if args.reps is not None else (1 if args.quick else 3)
    args.warmup = args.warmup if args.warmup is not None else (0 if args.quick else 1)
    if args.reps < 1 or args.warmup < 0:
        parser.error("--reps must be at least 1 and --warmup at least 0")
    args.build = args.build if args.build is not None else not args.quick
    args.tools = set(args.tools.split(",")) if args.tools else None
    if args.tools and not args.tools <= {"qed", "hugo", "cmark", "pytest"}:
        parser.error("--tools takes qed, hugo, cmark and pytest")
    return args


def main(argv: list[str]) -> int:
    return Bench(parse(argv)).run()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
