"""Which schema steps (migrations) a central database may be opened with, by whom.

A database that holds steps this version does not know was upgraded by a newer version:
this one would serve it as if nothing had changed, so every command refuses it and leaves
it untouched. A database that lacks steps of this version is brought up to date only by
`serve` and `upgrade`, the commands an administrator runs for an upgrade; the others say so
rather than change the schema under the servers still running the older version.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from inspection_central.errors import StorageUnavailable
from inspection_client import __version__


class SchemaTooNew(StorageUnavailable):
    """The database was upgraded by a newer version of the central."""


class SchemaNotUpgraded(StorageUnavailable):
    """The database lacks schema steps of this version, and this command does not upgrade."""


def pending_steps(
    description: str,
    applied: Collection[str],
    known: Sequence[str],
    *,
    upgrade: bool,
) -> list[str]:
    """The known steps still to apply to the database `description`.

    Raises:
        SchemaTooNew: it holds steps this version does not know.
        SchemaNotUpgraded: it is a central (it holds steps) that lacks some of this
            version's, and `upgrade` is false. A new database is made whole either way.
    """
    unknown = sorted(set(applied) - set(known))
    if unknown:
        raise SchemaTooNew(
            f"The central database {description} was upgraded by a newer version of "
            f"inspection-central (schema steps this version {__version__} does not know: "
            f"{', '.join(unknown)}). Upgrade this server's package (pip install --upgrade "
            "'inspection-client[central]') to the version the other servers run: all the "
            "servers and admin hosts of one database are upgraded together. Nothing was "
            "changed."
        )
    pending = [name for name in known if name not in applied]
    if pending and applied and not upgrade:
        raise SchemaNotUpgraded(
            f"The central database {description} was made by an older version of "
            f"inspection-central and is not upgraded yet (schema steps of version "
            f"{__version__} not applied: {', '.join(pending)}). Stop every server of this "
            "database, upgrade them all, then run `inspection-central upgrade` (or start "
            "`inspection-central serve`). Nothing was changed."
        )
    return pending
