"""A lane's note on a document or vehicle seen here in the last day (`store.crossings`).

Under the form, in amber, where the lane says what it saved: "Already cleared for entry here
today at 06:21 (#3086)." for a passport (or a plate) read again in the same direction, and a
refusal or a referral of the last day in either direction. A clearance the other way (in
this morning, out tonight) is the usual day of a trader or a lorry, and says nothing.
Nothing is refused for it: the officer decides.
"""

from __future__ import annotations

from collections.abc import Callable
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


class CrossingNote(QObject):
    def __init__(
        self,
        lane: LaneScreen,
        identity: Callable[[], Identity | None],
        find: Callable[[Store, str, str], Crossing | None],
    ) -> None:
        super().__init__(lane)
        self.lane = lane
        self.identity = identity  # what the form holds now, or None while it lacks a part
        self.find = find
        self.crossing: Crossing | None = None  # of what the form holds now
        self._said = ""  # the note under the form, while nothing else has replaced it
        lane.fields.changed.connect(self.look_up)
        lane.direction_changed.connect(lambda _direction: self.say())

    def look_up(self) -> None:
        """Look the form's document or vehicle up (on the store worker), every time it is
        read: a traveller just saved and scanned again is found."""
        key = self.identity()
        self.crossing = None
        if key is None:
            self.say()
            return
        self.lane.ops.run(lambda store: self.find(store, *key), lambda f: self._found(key, f))

    def _found(self, key: Identity, found: Crossing | None) -> None:
        if self.identity() != key:
            return  # the form holds another document by now
        self.crossing = found
        self.say()

    def text(self) -> str:
        """What to say of `crossing` at the lane's direction now; empty when nothing."""
        crossing = self.crossing
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
