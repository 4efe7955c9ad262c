"""The central's figures for `stats`: records by port, lane, kind and decision, and each
workstation's progress, records kept aside and open chain alerts.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from inspection_central.storage import ChainAlert, WorkstationInfo
from inspection_central.storage.investigation import Investigation
from inspection_central.storage.workstations import WorkstationEntries


class Figures(WorkstationEntries, Investigation):
    """Figures over the whole store."""

    def stats(self) -> dict[str, Any]:
        with self._read() as conn:
            total = self._one(conn, "SELECT COUNT(*) FROM records")
            by_port = self._all(
                conn, "SELECT port_code, COUNT(*) FROM records GROUP BY port_code ORDER BY 1"
            )
            by_lane = self._all(
                conn,
                "SELECT port_code, lane_id, COUNT(*) FROM records GROUP BY port_code, lane_id "
                "ORDER BY 1, 2",
            )
            by_kind = self._all(conn, "SELECT kind, COUNT(*) FROM records GROUP BY kind ORDER BY 1")
            by_decision = self._all(
                conn,
                "SELECT COALESCE(decision, 'none'), COUNT(*) FROM records "
                "GROUP BY COALESCE(decision, 'none') ORDER BY 1",
            )
            quarantined = dict(
                self._all(conn, "SELECT workstation_id, COUNT(*) FROM quarantine GROUP BY 1")
            )
            rejected = dict(
                self._all(conn, "SELECT workstation_id, COUNT(*) FROM rejected_records GROUP BY 1")
            )
            alerts = self._alerts(conn, include_resolved=False)
            resolved = self._one(
                conn, "SELECT COUNT(*) FROM chain_alerts WHERE resolved_at IS NOT NULL"
            )
            workstations = self._entries(conn)
        return {
            "records_total": int(total[0]) if total else 0,
            "by_port": {port: int(n) for port, n in by_port},
            "by_lane": {f"{port}/{lane}": int(n) for port, lane, n in by_lane},
            "by_kind": {kind: int(n) for kind, n in by_kind},
            "by_decision": {decision: int(n) for decision, n in by_decision},
            "quarantined_total": sum(int(n) for n in quarantined.values()),
            "rejected_total": sum(int(n) for n in rejected.values()),
            "chain_alerts": [alert_figures(alert) for alert in alerts],
            "chain_alerts_resolved": int(resolved[0]) if resolved else 0,
            # Records enter only through a workstation's entry, and an entry that has
            # delivered a batch is never deleted: every marked record is counted here.
            "made_while_revoked_total": sum(w.made_while_revoked for w in workstations),
            "workstations": [
                _workstation_figures(
                    w,
                    quarantined=int(quarantined.get(w.workstation_id, 0)),
                    rejected=int(rejected.get(w.workstation_id, 0)),
                    alerts=sum(1 for a in alerts if a.workstation_id == w.workstation_id),
                )
                for w in workstations
            ],
        }


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def alert_figures(alert: ChainAlert) -> dict[str, Any]:
    """A chain alert as `stats --json` and `chain-alerts list --json` print it."""
    return {
        "alert_id": alert.alert_id,
        "workstation_id": alert.workstation_id,
        "batch_id": alert.batch_id,
        "first_seq": alert.first_seq,
        "last_seq": alert.last_seq,
        "reason": alert.reason,
        "detected_at": _iso(alert.detected_at),
        "resolved_at": _iso(alert.resolved_at),
        "resolved_by": alert.resolved_by,
        "resolution": alert.resolution,
    }


def _workstation_figures(
    workstation: WorkstationInfo, *, quarantined: int, rejected: int, alerts: int
) -> dict[str, Any]:
    return {
        "workstation_id": workstation.workstation_id,
        "port_code": workstation.port_code,
        "lane_id": workstation.lane_id,
        "state": workstation.state,
        "last_seen": _iso(workstation.last_seen),
        "high_water_seq": workstation.high_water_seq,
        "chain_head": workstation.chain_head,
        "gaps": [list(gap) for gap in workstation.gaps],
        "records": workstation.records,
        "made_while_revoked": workstation.made_while_revoked,
        "quarantined": quarantined,
        "rejected": rejected,
        "chain_alerts": alerts,
    }
