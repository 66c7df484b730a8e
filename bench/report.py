#!/usr/bin/env python3
"""Turns bench/run.sh's samples into bench/results.md sections, bench/results.json and bench/items-per-second.svg.

Fails (exit 1) when the clients did not return the same items: the race is only fair if they all listed the same runs.
Only the sections between the `<!-- begin: bench/run.sh ... -->` / `<!-- end: ... -->` markers of results.md are
rewritten; everything else in that file (the Micro and Generator sections, the findings) is kept as it is.
Standard library only.
"""
import argparse
import html
import json
import math
import os
import re
import statistics
import sys

OURS = "datazone-gen"
LABELS = {
    "datazone-gen": "DataZone.Gen (generated paginator, .NET)",
    "aws-sdk-js-v3": "AWS SDK for JavaScript v3",
    "boto3": "boto3 (Python)",
    "raw-floor": "raw floor (HttpClient, no parsing)",
    "datazone-gen-nopgo": "DataZone.Gen, TieredPGO off",
    "raw-floor-nopgo": "raw floor, TieredPGO off",
    "datazone-gen-aot": "DataZone.Gen, Native AOT",
    "raw-floor-aot": "raw floor, Native AOT",
}
SHORT = {
    "datazone-gen": "DataZone.Gen (JIT)",
    "datazone-gen-aot": "DataZone.Gen (Native AOT)",
    "raw-floor": "raw floor (JIT)",
    "raw-floor-aot": "raw floor (Native AOT)",
    "datazone-gen-nopgo": "DataZone.Gen (TieredPGO off)",
    "raw-floor-nopgo": "raw floor (TieredPGO off)",
    "aws-sdk-js-v3": "AWS SDK for JavaScript v3",
    "boto3": "boto3 (Python)",
}
ORDER = ["datazone-gen", "raw-floor", "datazone-gen-nopgo", "raw-floor-nopgo", "datazone-gen-aot", "raw-floor-aot", "aws-sdk-js-v3", "boto3"]
# Each DataZone.Gen build is held against the floor built the same way.
FLOORS = {"datazone-gen": "raw-floor", "datazone-gen-nopgo": "raw-floor-nopgo", "datazone-gen-aot": "raw-floor-aot"}
BUILDS = {
    "datazone-gen": "JIT (`dotnet build -c Release`, defaults)",
    "datazone-gen-nopgo": "JIT, `DOTNET_TieredPGO=0`",
    "datazone-gen-aot": "Native AOT (`PublishAot`)",
}
# The targets: DataZone.Gen at least this many times the peer's items/s (the floor: at most 1.5x its time).
TARGETS = {"aws-sdk-js-v3": 3.0, "boto3": 10.0}
FLOOR_TARGET = 1.5
MEMORY_TARGET = 1.1

SKELETON = """# Benchmarks

How fast DataZone.Gen lists, next to what users would pick instead, and what it costs. The end-to-end, memory
and machine sections are written by `bash bench/run.sh`; the micro and generator sections come from
[bench/Micro](Micro/).

![items per second, per client](items-per-second.svg)

## End-to-end listing

<!-- begin: bench/run.sh end-to-end -->
<!-- end: bench/run.sh end-to-end -->

## Memory at scale

<!-- begin: bench/run.sh memory -->
<!-- end: bench/run.sh memory -->

## Micro (BenchmarkDotNet)

see bench/Micro

## Generator

see bench/Micro

## Machine and command

<!-- begin: bench/run.sh machine -->
<!-- end: bench/run.sh machine -->
"""


def fail(message):
    print(f"report.py: {message}", file=sys.stderr)
    sys.exit(1)


def mib(kb):
    return kb / 1024.0


def fmt_int(value):
    return f"{int(round(value)):,}"


def fmt_ratio(value):
    return f"{value:.2f}×" if value < 10 else f"{value:.1f}×"


def load(path):
    with open(path, encoding="utf-8") as handle:
        samples = [json.loads(line) for line in handle if line.strip()]
    for sample in samples:
        # The same program runs as several clients (JIT and Native AOT builds): run.sh's name is the one that counts.
        sample["result"]["client"] = sample["client"]
    return samples


def verify(samples, page_size):
    """Every listing of the same data set must return the same number of items and the same ids hash."""
    by_runs = {}
    for sample in samples:
        by_runs.setdefault(sample["runs"], []).append(sample)
    reference = {}
    for runs, group in sorted(by_runs.items()):
        hashes = {}
        for sample in group:
            result = sample["result"]
            who = f'{result["client"]} ({sample["phase"]} rep {sample["rep"]})'
            if result["items"] != runs:
                fail(f"{who} returned {result['items']} items, expected {runs}: the race is not fair")
            expected_pages = max(1, math.ceil(runs / page_size))
            if "pages" in result and result["pages"] != expected_pages:
                fail(f"{who} fetched {result['pages']} pages, expected {expected_pages}")
            if result.get("sha256"):
                hashes.setdefault(result["sha256"], []).append(who)
        if len(hashes) != 1:
            detail = "; ".join(f"{h[:12]}…: {', '.join(w)}" for h, w in hashes.items())
            fail(f"the clients listed different ids for {runs} runs: {detail}")
        reference[runs] = next(iter(hashes))
    return reference


def summarize(samples):
    clients = {}
    for sample in samples:
        clients.setdefault(sample["result"]["client"], []).append(sample)
    summary = {}
    for client, group in clients.items():
        elapsed = [s["result"]["elapsedMs"] for s in group]
        items = group[0]["result"]["items"]
        median_ms = statistics.median(elapsed)
        summary[client] = {
            "client": client,
            "samples": len(group),
            "items": items,
            "medianListingMs": median_ms,
            "minListingMs": min(elapsed),
            "maxListingMs": max(elapsed),
            "itemsPerSecond": items / (median_ms / 1000.0),
            "medianWallSeconds": statistics.median(s["time"]["wallSeconds"] for s in group),
            "medianCpuSeconds": statistics.median(s["time"]["userSeconds"] + s["time"]["systemSeconds"] for s in group),
            "medianMaxRssKb": statistics.median(s["time"]["maxRssKb"] for s in group),
            "maxMaxRssKb": max(s["time"]["maxRssKb"] for s in group),
            "pages": group[0]["result"].get("pages"),
            "responseBytes": group[0]["result"].get("responseBytes"),
        }
        if client in FLOORS:
            summary[client]["medianAllocatedBytesPerItem"] = statistics.median(s["result"]["allocatedBytesPerItem"] for s in group)
            summary[client]["medianJitMs"] = statistics.median(s["result"].get("jitMs", 0) for s in group)
            summary[client]["medianGcPauseMs"] = statistics.median(s["result"].get("gcPauseMs", 0) for s in group)
    return summary


def e2e_section(summary, machine, reference_hash, runs):
    ours = summary.get(OURS)
    if ours is None:
        fail("no DataZone.Gen sample")
    floor = summary.get("raw-floor")
    lines = []
    pages = max(1, math.ceil(runs / machine["pageSize"]))
    bytes_note = ""
    if floor and floor.get("responseBytes"):
        bytes_note = f", {floor['responseBytes'] / 1048576:.1f} MiB of JSON"
    lines.append(
        f"{runs:,} runs listed with page size {machine['pageSize']} ({pages:,} signed requests{bytes_note}) from the emulator "
        f"on loopback (Release, SigV4 checks on), {machine['reps']} repetition(s) per client, clients alternating. "
        f"Every client returned the same {runs:,} items (SHA-256 of the ids joined by `\\n`: `{reference_hash[:16]}…`)."
    )
    lines.append("")
    lines.append(
        "Listing time is measured inside each process from the first request to the last item (client construction "
        "and runtime start-up excluded); *process wall* is the whole process under `/usr/bin/time`, start-up included. "
        "Peak RSS is `/usr/bin/time`'s maximum resident set size for every client alike. *vs DataZone.Gen* is the "
        "client's median listing time over DataZone.Gen's (above 1: DataZone.Gen is that many times faster)."
    )
    lines.append("")
    lines.append("| client | median listing time | items/s | vs DataZone.Gen | process wall | CPU (user+sys) | peak RSS | listing time min–max |")
    lines.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for client in [c for c in ORDER if c in summary]:
        s = summary[client]
        ratio = s["medianListingMs"] / ours["medianListingMs"]
        name = f"**{LABELS[client]}**" if client in FLOORS else LABELS[client]
        lines.append(
            f"| {name} | {s['medianListingMs'] / 1000:.2f} s | {fmt_int(s['itemsPerSecond'])} | "
            f"{'1 (baseline)' if client == OURS else fmt_ratio(ratio)} | {s['medianWallSeconds']:.2f} s | "
            f"{s['medianCpuSeconds']:.2f} s | {mib(s['medianMaxRssKb']):.0f} MiB | "
            f"{s['minListingMs'] / 1000:.2f}–{s['maxListingMs'] / 1000:.2f} s |"
        )
    lines.append("")
    for client in [c for c in FLOORS if c in summary]:
        s = summary[client]
        lines.append(
            f"{LABELS[client]}: {s['medianAllocatedBytesPerItem']:,.0f} bytes allocated per item; JIT compiling "
            f"{s['medianJitMs']:,.0f} ms (all threads); GC pauses {s['medianGcPauseMs']:,.0f} ms per listing "
            "(medians, from the consumer's own counters).  "
        )
    lines.append("")
    if machine.get("smoke"):
        lines.append("Smoke run: far too short for the targets below to mean anything; it checks that every client runs and agrees.")
        lines.append("")
    lines.append("| target (issue 5) | build | needed | reached | |")
    lines.append("| --- | --- | ---: | ---: | --- |")
    targets = []
    for ours_id in [c for c in FLOORS if c in summary]:
        mine = summary[ours_id]
        build = BUILDS[ours_id]
        for client, needed in TARGETS.items():
            if client in summary:
                reached = mine["itemsPerSecond"] / summary[client]["itemsPerSecond"]
                targets.append({"target": f"items/s vs {LABELS[client]}", "build": build, "needed": f"≥ {needed:g}×", "reached": reached, "met": reached >= needed})
        floor_id = FLOORS[ours_id]
        if floor_id in summary:
            reached = mine["medianListingMs"] / summary[floor_id]["medianListingMs"]
            targets.append({"target": f"listing time vs the {LABELS[floor_id]}", "build": build, "needed": f"≤ {FLOOR_TARGET:g}×", "reached": reached, "met": reached <= FLOOR_TARGET})
    for t in targets:
        lines.append(f"| {t['target']} | {t['build']} | {t['needed']} | {fmt_ratio(t['reached'])} | {'met' if t['met'] else '**missed**'} |")
    return "\n".join(lines), targets


def memory_section(samples):
    if not samples:
        return "Not measured in this run (`--memory-runs` was empty, as in `--smoke`).", None
    lines = [
        "DataZone.Gen listing every run of an emulator started with that many runs (one emulator per size), page "
        "size 50, medians of the repetitions. Peak RSS from `/usr/bin/time`; peak working set and allocations from the "
        "process itself (`Process.PeakWorkingSet64`, `GC.GetTotalAllocatedBytes(true)` around the listing, "
        "`GC.GetGCMemoryInfo().HeapSizeBytes` after it, `JitInfo` compile time and methods during it).",
        "",
        "| build | runs | repetitions | peak RSS | peak working set | GC heap after | allocated per item | gen0 / gen1 / gen2 GCs | JIT | listing time | items/s |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    groups = {}
    for sample in samples:
        groups.setdefault((sample["result"]["client"], sample["runs"]), []).append(sample)
    rows = []
    for client in [c for c in ORDER if any(k[0] == c for k in groups)]:
        for runs in sorted(r for c, r in groups if c == client):
            group = groups[(client, runs)]
            rss = statistics.median(s["time"]["maxRssKb"] for s in group)
            ws = statistics.median(s["result"]["peakWorkingSetBytes"] for s in group)
            per_item = statistics.median(s["result"]["allocatedBytesPerItem"] for s in group)
            elapsed = statistics.median(s["result"]["elapsedMs"] for s in group)
            gcs = " / ".join(str(int(statistics.median(s["result"][g] for s in group))) for g in ("gen0", "gen1", "gen2"))
            heap = statistics.median(s["result"].get("gcHeapSizeBytes", 0) for s in group)
            jit_ms = statistics.median(s["result"].get("jitMs", 0) for s in group)
            jit_methods = statistics.median(s["result"].get("jitMethods", 0) for s in group)
            rows.append({"client": client, "runs": runs, "medianMaxRssKb": rss, "medianPeakWorkingSetBytes": ws,
                         "allocatedBytesPerItem": per_item, "medianListingMs": elapsed, "medianGcHeapSizeBytes": heap,
                         "medianJitMs": jit_ms, "medianJitMethods": jit_methods})
            lines.append(
                f"| {LABELS[client]} | {runs:,} | {len(group)} | {mib(rss):.1f} MiB | {ws / 1048576:.1f} MiB | {heap / 1048576:.1f} MiB | "
                f"{per_item:,.0f} B | {gcs} | {jit_ms:,.0f} ms, {jit_methods:,.0f} methods | {elapsed / 1000:.2f} s | {fmt_int(runs / (elapsed / 1000))} |"
            )
    targets = []
    for client in [c for c in ORDER if any(r["client"] == c for r in rows)]:
        mine = [r for r in rows if r["client"] == client]
        if len(mine) < 2:
            continue
        small, large = min(mine, key=lambda r: r["runs"]), max(mine, key=lambda r: r["runs"])
        ratio = large["medianMaxRssKb"] / small["medianMaxRssKb"]
        targets.append({"target": f"peak RSS at {large['runs']:,} vs {small['runs']:,} runs", "build": LABELS[client],
                        "needed": f"≤ {MEMORY_TARGET:g}×", "reached": ratio, "met": ratio <= MEMORY_TARGET})
    if targets:
        lines.append("")
        lines.append("| target (issue 5) | build | needed | reached | |")
        lines.append("| --- | --- | ---: | ---: | --- |")
        for t in targets:
            lines.append(f"| {t['target']} | {t['build']} | {t['needed']} | {t['reached']:.2f}× | {'met' if t['met'] else '**missed**'} |")
    return "\n".join(lines), {"rows": rows, "targets": targets}


def machine_section(machine):
    skipped = f"\n- skipped: {machine['skipped']}" if machine.get("skipped") else ""
    return "\n".join([
        f"- date: {machine['date']}",
        f"- command: `{machine['command']}`",
        f"- CPU: {machine['cpu']}, {machine['nproc']} cores (`nproc`); memory {machine['memory']}",
        f"- OS: {machine['os']}",
        f"- .NET SDK {machine['dotnet']}; Node.js {machine['node']} with @aws-sdk/client-datazone {machine['awsSdkJs']}; "
        f"Python {machine['python']} with boto3 {machine['boto3']}",
        f"- load average (1, 5, 15 min) before: {machine['loadBefore']}, after: {machine['loadAfter']} "
        "(other work on the machine shares its cores with the emulator and the clients)",
    ]) + skipped


def replace_block(text, name, body):
    begin, end = f"<!-- begin: bench/run.sh {name} -->", f"<!-- end: bench/run.sh {name} -->"
    block = f"{begin}\n{body}\n{end}"
    pattern = re.compile(re.escape(begin) + r".*?" + re.escape(end), re.S)
    if pattern.search(text):
        return pattern.sub(lambda _: block, text)
    return text.rstrip("\n") + f"\n\n{block}\n"


def svg_chart(summary, machine, runs):
    clients = sorted(summary.values(), key=lambda s: -s["itemsPerSecond"])
    width, left, right, bar_h, gap, top = 960, 290, 310, 30, 12, 74
    height = top + len(clients) * (bar_h + gap) + 56
    peak = max(s["itemsPerSecond"] for s in clients)
    scale = (width - left - right) / peak
    ours = summary[OURS]["itemsPerSecond"]
    colors = {"datazone-gen": "#2f6fde", "datazone-gen-nopgo": "#2561c4", "datazone-gen-aot": "#1b4ea8",
              "raw-floor": "#9aa5b1", "raw-floor-nopgo": "#858f9b", "raw-floor-aot": "#6e7781",
              "aws-sdk-js-v3": "#e0a526", "boto3": "#3e9b5f"}
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        'font-family="Segoe UI, Helvetica, Arial, sans-serif" font-size="14">',
        f'<rect width="{width}" height="{height}" fill="#ffffff"/>',
        f'<text x="20" y="30" font-size="18" font-weight="600" fill="#1f2328">Items per second listing {runs:,} DataZone runs (page size {machine["pageSize"]})</text>',
        f'<text x="20" y="52" fill="#57606a">higher is better · median of {machine["reps"]} run(s) each · local emulator, SigV4 on · {html.escape(machine["date"][:10])}</text>',
    ]
    for index, s in enumerate(clients):
        y = top + index * (bar_h + gap)
        w = max(2.0, s["itemsPerSecond"] * scale)
        label = SHORT[s["client"]]
        weight = ' font-weight="600"' if s["client"] in FLOORS else ""
        out.append(f'<text x="{left - 10}" y="{y + bar_h / 2 + 5:.1f}" text-anchor="end" fill="#1f2328"{weight}>{html.escape(label)}</text>')
        out.append(f'<rect x="{left}" y="{y}" width="{w:.1f}" height="{bar_h}" rx="3" fill="{colors.get(s["client"], "#888")}"/>')
        note = ""
        if s["client"] != OURS:
            r = s["itemsPerSecond"] / ours
            note = f" · DataZone.Gen (JIT) is {fmt_ratio(1 / r)} as fast" if r < 1 else f" · {fmt_ratio(r)} DataZone.Gen (JIT)"
        out.append(f'<text x="{left + w + 8:.1f}" y="{y + bar_h / 2 + 5:.1f}" fill="#1f2328">{fmt_int(s["itemsPerSecond"])}{html.escape(note)}</text>')
    foot = f'{machine["nproc"]} cores, {machine["cpu"]} · .NET {machine["dotnet"]}, Node {machine["node"]}, Python {machine["python"]}'
    out.append(f'<text x="20" y="{height - 18}" font-size="12" fill="#57606a">{html.escape(foot)}</text>')
    out.append("</svg>")
    return "\n".join(out) + "\n"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--samples", help="run.sh's samples (JSON lines)")
    parser.add_argument("--machine", help="run.sh's machine description (JSON)")
    parser.add_argument("--from-results", help="re-render from a results.json written earlier, instead of --samples/--machine")
    parser.add_argument("--out", required=True)
    args = parser.parse_args()

    if args.from_results:
        with open(args.from_results, encoding="utf-8") as handle:
            earlier = json.load(handle)
        samples, machine = earlier["samples"], earlier["machine"]
    elif args.samples and args.machine:
        samples = load(args.samples)
        with open(args.machine, encoding="utf-8") as handle:
            machine = json.load(handle)
    else:
        parser.error("give --samples and --machine, or --from-results")
    reference = verify(samples, machine["pageSize"])

    runs = machine["runs"]
    e2e = [s for s in samples if s["phase"] == "e2e"]
    summary = summarize(e2e)
    e2e_text, targets = e2e_section(summary, machine, reference[runs], runs)
    memory_text, memory = memory_section([s for s in samples if s["phase"] == "memory"])
    if memory:
        targets.extend(memory["targets"])

    results_md = os.path.join(args.out, "results.md")
    text = open(results_md, encoding="utf-8").read() if os.path.exists(results_md) else SKELETON
    text = replace_block(text, "end-to-end", e2e_text)
    text = replace_block(text, "memory", memory_text)
    text = replace_block(text, "machine", machine_section(machine))
    with open(results_md, "w", encoding="utf-8") as handle:
        handle.write(text)
    with open(os.path.join(args.out, "items-per-second.svg"), "w", encoding="utf-8") as handle:
        handle.write(svg_chart(summary, machine, runs))
    with open(os.path.join(args.out, "results.json"), "w", encoding="utf-8") as handle:
        json.dump({"machine": machine, "idsSha256": {str(k): v for k, v in reference.items()}, "endToEnd": summary,
                   "memory": memory, "targets": targets, "samples": samples}, handle, indent=1)
        handle.write("\n")

    print(e2e_text)
    print()
    print(memory_text)
    for t in targets:
        print(f"target {t['target']} [{t['build']}]: needed {t['needed']}, reached {t['reached']:.2f}× -> {'met' if t['met'] else 'MISSED'}")


if __name__ == "__main__":
    main()
