"""A lane's note on a document or vehicle seen here in the last day (`store.crossings`).

Under the form, in amber, where the lane says what it saved: "Already cleared for entry here
today at 06:21 (#3086)." for a passport (or a plate) read again in the same direction, and a
refusal or a referral of the last day in either direction. A clearance the other way (in
this morning, out tonight) is the usual day of a trader or a lorry, and says nothing.
Nothing is refused for it: the officer decides.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from inspection_client.domain.codes import Decision
from inspection_client.store.crossings import Crossing
from inspection_client.store.database import Store
from inspection_client.ui.labels import label

if TYPE_CHECKING:
    from inspection_client.ui.lane import LaneScreen

# Issuing state and document number, or country of registration and plate, as typed.
Identity = tuple[str, str]


@dataclass(frozen=True)
class Source:
    """One thing a lane looks up: what the form holds of it, how it is found, and whose it
    is in the note ('' where the form is about it alone: the passenger, or the vehicle)."""

    identity: Callable[[], Identity | None]  # None while the form lacks a part of it
    find: Callable[[Store, str, str], Crossing | None]
    whose: Callable[[], str] = lambda: ""


class CrossingNote(QObject):
    """The note of a lane's sources: a passenger lane's document; a vehicle lane's plate and
    its driver's document (a driver refused this morning comes back with another lorry)."""

    def __init__(self, lane: LaneScreen, *sources: Source) -> None:
        super().__init__(lane)
        self.lane = lane
        self.sources = sources
        # Of what the form holds now, one for each source.
        self.crossings: list[Crossing | None] = [None] * len(sources)
        self._said = ""  # the note under the form, while nothing else has replaced it
        lane.fields.changed.connect(self.look_up)
        lane.direction_changed.connect(lambda _direction: self.say())

    def look_up(self) -> None:
        """Look the form's documents or vehicle up (on the store worker), every time it is
        read: a traveller just saved and scanned again is found."""
        for index, source in enumerate(self.sources):
            key = source.identity()
            self.crossings[index] = None
            if key is None:
                self.say()
                continue
            self.lane.ops.run(
                lambda store, key=key, find=source.find: find(store, *key),
                lambda found, index=index, key=key: self._found(index, key, found),
            )

    def _found(self, index: int, key: Identity, found: Crossing | None) -> None:
        if self.sources[index].identity() != key:
            return  # the form holds another document by now
        self.crossings[index] = found
        self.say()

    def text(self) -> str:
        """What to say of the crossings at the lane's direction now; empty when nothing."""
        said = []
        vehicles = set()
        for source, crossing in zip(self.sources, self.crossings, strict=True):
            if crossing is None or (crossing.vehicle_id and crossing.vehicle_id in vehicles):
                continue  # a driver saved with the vehicle just named: said once
            vehicles.add(crossing.vehicle_id)
            text = self._of(crossing)
            whose = source.whose() if text else ""
            if text:
                said.append(
                    self.tr("{whose}: {note}").format(whose=whose, note=text) if whose else text
                )
        return "  ⚠ ".join(said)

    def _of(self, crossing: Crossing | None) -> str:
        if crossing is None:
            return ""
        recorded = crossing.recorded_at.astimezone()
        time = recorded.strftime("%H:%M")
        if recorded.date() == datetime.now().astimezone().date():
            when = self.tr("today at {time}").format(time=time)
        else:
            when = self.tr("yesterday at {time}").format(time=time)
        direction = label(crossing.direction).lower()
        if crossing.decision is Decision.REFUSED:
            ground = label(crossing.refusal_ground) if crossing.refusal_ground else ""
            return self.tr("Refused {direction} here {when} (#{seq}): {ground}.").format(
                direction=direction, when=when, seq=crossing.seq, ground=ground
            )
        if crossing.decision is Decision.REFERRED:
            return self.tr(
                "Referred to secondary inspection here {when} (#{seq}), on {direction}."
            ).format(direction=direction, when=when, seq=crossing.seq)
        if crossing.direction is self.lane.direction:
            return self.tr("Already cleared for {direction} here {when} (#{seq}).").format(
                direction=direction, when=when, seq=crossing.seq
            )
        return ""

    def say(self) -> None:
        """Show the note, or take back the one shown (never another message)."""
        text = self.text()
        message = self.lane.ui.formMessageLabel
        if text:
            self.lane.show_message("⚠ " + text, "warning")
            self._said = message.text()
        elif self._said and message.text() == self._said:
            self.lane.show_message("", "")
        if not text:
            self._said = ""
