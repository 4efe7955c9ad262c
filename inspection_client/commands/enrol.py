"""`inspection-client enrol`: register this workstation with the central store."""

from __future__ import annotations

import argparse
import sys

from inspection_client.commands.common import central_url


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "enrol",
        help="register this workstation with the central store (one-time code from IT)",
        description="Create this workstation's key pair, register it with the central using "
        "a one-time code, and pin the central's public key. A fresh data directory is set up "
        "from the central's answer (workstation id, port, lane). A data directory that already "
        "holds records (such as the demo's) keeps its workstation id: the code must be for "
        "its port and lane.",
    )
    parser.add_argument(
        "--central",
        required=True,
        type=central_url,
        metavar="URL",
        help="the central's address",
    )
    parser.add_argument("--code", required=True, metavar="CODE", help="the one-time code")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from inspection_client import paths
    from inspection_client.commands.common import nothing_left_if_refused, open_store
    from inspection_client.sync.enrolment import check_code, enrol

    code = check_code(args.code)
    # A refused enrolment (a bad code, a central that refuses or cannot be reached) leaves
    # no new data directory, database or key behind.
    with (
        nothing_left_if_refused(paths.data_dir(args.data_dir)),
        open_store(args, create=True) as store,
    ):
        enrolled = enrol(store, args.central, code)
    workstation = enrolled.workstation
    print(
        f"Enrolled as {workstation.workstation_id} (port {workstation.port_code}, lane "
        f"{workstation.lane_id}, {workstation.lane_kind.value}) with {enrolled.central_url}; "
        f"central key {enrolled.central_fingerprint} pinned."
    )
    kind = workstation.lane_kind.value
    if enrolled.granted_lane_kind and enrolled.granted_lane_kind != kind:
        print(
            f"warning: the central registered lane {workstation.lane_id} as a "
            f"{enrolled.granted_lane_kind} lane; this workstation works as a {kind} lane and "
            f"keeps that. Ask IT to record the lane's kind at the central "
            f"(`inspection-central lanes add {workstation.port_code} {workstation.lane_id} "
            f"--kind {kind}`).",
            file=sys.stderr,
        )
    return 0
