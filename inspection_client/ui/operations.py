"""Running store work off the GUI thread: one serialized worker owns the store connection.

Every screen reaches the store through `Operations.run(fn, on_success, on_failure)`: `fn(store)`
runs on the worker thread (SQLite connections are per thread), and the callbacks run on the
GUI thread. Environment errors (`UserFacingError`: locked, full, bad input) go to `on_failure`
or a message box, and the caller keeps its form; anything else is a bug and is re-raised on the
GUI thread so that tests fail loudly. `ImmediateOperations` is the synchronous fake for tests.
A `SessionEnded` (the signed-in officer's account disabled or given a new PIN) goes to
`on_failure` like any other, and `session_ended` tells the window to sign out.
"""

from __future__ import annotations

import contextlib
import itertools
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QThread, Signal, Slot

from inspection_client.errors import UserFacingError
from inspection_client.store.database import Store
from inspection_client.store.officers import SessionEnded
from inspection_client.ui.messages import error_text

StoreFunction = Callable[[Store], Any]
Success = Callable[[Any], None]
Failure = Callable[[UserFacingError], None]


class ThreadDelivery(QObject):
    """Carries a result from a thread of its own to the GUI thread (`done`, queued there).

    Parent it to the widget that waits for the result: when that widget is deleted first
    (a dialog the officer closed, a window shut down), the delivery goes with it and `send`
    drops the result instead of failing in the thread.
    """

    done = Signal(object, object)  # the result or None, a UserFacingError or None

    def send(self, result: Any, error: UserFacingError | None) -> None:
        with contextlib.suppress(RuntimeError):  # deleted with its parent: no one waits
            self.done.emit(result, error)


class _Worker(QObject):
    """Lives in the worker thread; opens the store there on first use."""

    finished = Signal(int, object, object)

    def __init__(self, opener: Callable[[], Store]) -> None:
        super().__init__()
        self._opener = opener
        self._store: Store | None = None
        self._jobs: dict[int, StoreFunction] = {}
        self._lock = threading.Lock()

    def put(self, job_id: int, fn: StoreFunction) -> None:
        with self._lock:
            self._jobs[job_id] = fn

    @Slot(int)
    def run_job(self, job_id: int) -> None:
        with self._lock:
            fn = self._jobs.pop(job_id)
        try:
            if self._store is None:
                self._store = self._opener()
            result = fn(self._store)
        except BaseException as error:  # delivered to the GUI thread, never kills the worker
            self.finished.emit(job_id, None, error)
        else:
            self.finished.emit(job_id, result, None)

    @Slot()
    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None


class Operations(QObject):
    """The one way the GUI reaches the store."""

    _submit = Signal(int)
    _close = Signal()
    busy_changed = Signal(bool)
    session_ended = Signal(object)  # the SessionEnded error

    def __init__(self, database: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self._ids = itertools.count(1)
        self._callbacks: dict[int, tuple[Success, Failure | None]] = {}
        self._thread = QThread()
        self._thread.setObjectName("store-worker")
        self._worker = _Worker(lambda: Store.open(database, create=True))
        self._worker.moveToThread(self._thread)
        self._submit.connect(self._worker.run_job)
        self._close.connect(self._worker.close)
        self._worker.finished.connect(self._deliver)
        self._thread.start()
        self.problem_parent: Any = None

    def run(
        self, fn: StoreFunction, on_success: Success, on_failure: Failure | None = None
    ) -> None:
        job_id = next(self._ids)
        self._callbacks[job_id] = (on_success, on_failure)
        self._worker.put(job_id, fn)
        if len(self._callbacks) == 1:
            self.busy_changed.emit(True)
        self._submit.emit(job_id)

    @property
    def pending(self) -> int:
        return len(self._callbacks)

    @Slot(int, object, object)
    def _deliver(self, job_id: int, result: Any, error: BaseException | None) -> None:
        on_success, on_failure = self._callbacks.pop(job_id)
        if not self._callbacks:
            self.busy_changed.emit(False)
        deliver(result, error, on_success, on_failure, self.problem_parent)
        if isinstance(error, SessionEnded):
            self.session_ended.emit(error)

    def shutdown(self) -> None:
        """Close the worker's connection and stop its thread (waits for the running job)."""
        self._close.emit()
        self._thread.quit()
        self._thread.wait()


def _gone(callback: Any) -> bool:
    """True for a method of a Qt object deleted since the job was started: a dialog the
    officer closed, a screen replaced. Its answer has no one to go to."""
    owner = getattr(callback, "__self__", None)
    return isinstance(owner, QObject) and not shiboken6.isValid(owner)


def deliver(
    result: Any,
    error: BaseException | None,
    on_success: Success,
    on_failure: Failure | None,
    parent: Any,
) -> None:
    if on_failure is not None and _gone(on_failure):
        on_failure = None  # a failure is still said, in the window
    if error is None:
        if not _gone(on_success):  # the work is done and saved; only its display is moot
            on_success(result)
    elif isinstance(error, UserFacingError):
        if on_failure is not None:
            on_failure(error)
        else:
            from inspection_client.ui.messages import show_problem

            show_problem(parent, error_text(error))
    else:
        # A bug: the caller still hears that its action failed (so it keeps its form and
        # can try again), then the error is raised on the GUI thread for tests and logs.
        from PySide6.QtCore import QCoreApplication

        from inspection_client.ui.messages import show_problem

        text = QCoreApplication.translate(
            "messages",
            "An internal error stopped this action: {error}. The form was kept; please tell IT.",
        ).format(error=type(error).__name__)
        if on_failure is not None:
            on_failure(UserFacingError(text))
        else:
            show_problem(parent, text)
        raise error


class ImmediateOperations(QObject):
    """Synchronous stand-in for tests: runs on the calling thread with a given store."""

    busy_changed = Signal(bool)
    session_ended = Signal(object)

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.database = store.path
        self.problem_parent: Any = None
        # Tests swap this to simulate a failing environment for the next calls.
        self.intercept: Callable[[StoreFunction], StoreFunction] | None = None

    pending = 0

    def run(
        self, fn: StoreFunction, on_success: Success, on_failure: Failure | None = None
    ) -> None:
        if self.intercept is not None:
            fn = self.intercept(fn)
        try:
            result = fn(self.store)
        except Exception as error:
            deliver(None, error, on_success, on_failure, self.problem_parent)
            if isinstance(error, SessionEnded):
                self.session_ended.emit(error)
            return
        deliver(result, None, on_success, on_failure, self.problem_parent)

    def shutdown(self) -> None:
        pass
