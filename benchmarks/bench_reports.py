"""Shift report of about 5,000 records to PDF, CSV and XLSX, next to reading the same records.

    python benchmarks/bench_reports.py [--clearances 8550] [--repeat 3]

Seeds one day of traffic in a temporary data directory (its busiest shift holds about 5,000
records), then times, best of --repeat: the baseline (reading the shift's records from the store
and parsing them; `csv.writer` of the raw rows), building the report data, and each format
end to end from the store (build + render + seal + write). Goals: PDF < 2 s, CSV < 0.5 s,
XLSX < 2 s.
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from inspection_client import paths, seeding
from inspection_client.reports import documents, shift_report
from inspection_client.store import records
from inspection_client.store.database import Store

GOALS = {"pdf": 2.0, "csv": 0.5, "xlsx": 2.0}


def best(repeat: int, work: Callable[[], object]) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clearances", type=int, default=8550)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp)
        store = Store.open(paths.database_file(directory))
        seeding.seed(store, clearances=args.clearances, days=1)
        shift_id, count = store.conn.execute(
            "SELECT shift_id, count(*) FROM records WHERE shift_id IS NOT NULL "
            "GROUP BY shift_id ORDER BY count(*) DESC LIMIT 1"
        ).fetchone()
        documents.workstation_key(store)  # created once, outside the timings

        def read_records() -> list[records.Record]:
            rows = store.conn.execute(
                "SELECT content FROM records WHERE shift_id = ? ORDER BY seq", (shift_id,)
            ).fetchall()
            return [records.parse_content(content) for (content,) in rows]

        def raw_csv() -> bytes:
            rows = store.conn.execute(
                "SELECT id, seq, kind, recorded_at, officer, direction, decision, content "
                "FROM records WHERE shift_id = ? ORDER BY seq",
                (shift_id,),
            ).fetchall()
            buffer = io.StringIO()
            csv.writer(buffer).writerows(rows)
            return buffer.getvalue().encode("utf-8-sig")

        baseline_read = best(args.repeat, read_records)
        baseline_csv = best(args.repeat, raw_csv)
        build = best(args.repeat, lambda: shift_report.for_shift(store, shift_id))
        report = shift_report.for_shift(store, shift_id)
        print(f"shift {shift_id}: {count:,} records, {report.total():,} clearances")
        print(f"baseline  read + parse the shift's records    {baseline_read * 1000:8.0f} ms")
        print(f"baseline  csv.writer of the raw rows           {baseline_csv * 1000:8.0f} ms")
        print(
            f"build     report data from the store           {build * 1000:8.0f} ms"
            f"   {build / baseline_read:5.2f}x read"
        )
        failed = False
        for kind in ("pdf", "csv", "xlsx"):
            out = directory / f"report.{kind}"
            render = best(
                args.repeat,
                lambda kind=kind: documents.render_report(
                    report,
                    kind,
                    qr_text=documents.seal_report(report, documents.workstation_key(store))
                    if kind == "pdf"
                    else None,
                ),
            )

            def end_to_end(kind: str = kind, out: Path = out) -> None:
                fresh = shift_report.for_shift(store, shift_id)
                documents.write_report(store, fresh, out, kind=kind)

            total = best(args.repeat, end_to_end)
            verdict = "ok" if total < GOALS[kind] else "OVER GOAL"
            failed |= total >= GOALS[kind]
            print(
                f"{kind:5}     render {render * 1000:6.0f} ms, end to end {total * 1000:6.0f} ms"
                f"  ({out.stat().st_size / 1024:,.0f} KiB)  goal < {GOALS[kind]:.1f} s: {verdict}"
                f"   {total / baseline_read:5.2f}x read, {total / baseline_csv:6.1f}x raw csv"
            )
        zh = best(
            args.repeat,
            lambda: documents.render_report(report, "pdf", lang="zh_CN", qr_text=None),
        )
        print(f"pdf zh_CN render {zh * 1000:6.0f} ms")
        store.close()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
