"""How the dashboard process holds the store so that other programs can use it too.

DuckDB lets many processes open a file read-only, or one process open it read-write. The dashboard
therefore serves from a read-only connection (so a scheduled `python -m knockboard briefing` can
read at the same time) and swaps it for a read-write one only while a load from the Data page runs.
Inside the process, a readers-writer lock keeps queries out while the swap happens, and every
`reading()` gets a cursor of its own: sessions run in threads of one process, and a DuckDB
connection serves one call at a time (it refuses the next with "connection is busy"); cursors are
independent connections to the same database.
"""

import threading
import time
from contextlib import contextmanager
from pathlib import Path

import duckdb

from knockboard import store
from knockboard.config import app_memory_limit, share_store


class ReadersWriterLock:
    """Many readers or one writer; a waiting writer goes before new readers."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._readers = 0
        self._writing = False
        self._writers_waiting = 0

    @contextmanager
    def shared(self):
        with self._cond:
            while self._writing or self._writers_waiting:
                self._cond.wait()
            self._readers += 1
        try:
            yield
        finally:
            with self._cond:
                self._readers -= 1
                self._cond.notify_all()

    @contextmanager
    def exclusive(self):
        with self._cond:
            self._writers_waiting += 1
            while self._writing or self._readers:
                self._cond.wait()
            self._writers_waiting -= 1
            self._writing = True
        try:
            yield
        finally:
            with self._cond:
                self._writing = False
                self._cond.notify_all()


class StoreBusy(Exception):
    """Another program holds the store for writing (a command-line load) and did not let go in time."""


class ServedStore:
    """The store as the dashboard uses it: `reading()` for queries, `writing()` for loads."""

    def __init__(self, path: str | Path, wait_seconds: float = 20.0) -> None:
        self.path = Path(path)
        self.wait_seconds = wait_seconds
        self._lock = ReadersWriterLock()
        self._open_lock = threading.Lock()
        self._con: duckdb.DuckDBPyConnection | None = None
        # a store made by an older Knockboard is migrated (schema, rollups) once, before serving
        with self.writing():
            pass

    def _retry(self, opener):
        deadline = time.monotonic() + self.wait_seconds
        while True:
            try:
                con = opener()
                # the dashboard must stay small beside other programs: DuckDB spills beyond this
                con.execute("set memory_limit = ?", [app_memory_limit()])
                return con
            except duckdb.IOException as error:  # the file is locked by another process
                if time.monotonic() > deadline:
                    raise StoreBusy(str(error)) from error
                time.sleep(0.25)

    def _open_for_reading(self) -> duckdb.DuckDBPyConnection:
        if not share_store():
            return store.connect(self.path)
        try:
            return store.connect(self.path, read_only=True)
        except duckdb.ConnectionException:
            # this process already holds the file read-write (an embedding program): DuckDB then
            # shares that instance, and only in the same mode
            return store.connect(self.path)

    @contextmanager
    def reading(self):
        """A cursor of its own on the serving connection, for one caller: a DuckDB connection
        refuses a second call while one runs ("connection is busy"), cursors run side by side."""
        with self._lock.shared():
            with self._open_lock:
                if self._con is None:
                    self._con = self._retry(self._open_for_reading)
                cursor = self._con.cursor()
            try:
                yield cursor
            finally:
                cursor.close()

    @contextmanager
    def writing(self):
        with self._lock.exclusive():
            self._close_connection()
            con = self._retry(lambda: store.connect(self.path))
            try:
                store.ensure_rollups(con)
                yield con
            finally:
                con.close()

    def close(self) -> None:
        """Lets go of the store, once no session is reading it (their cursors die with it)."""
        with self._lock.exclusive():
            self._close_connection()

    def _close_connection(self) -> None:
        with self._open_lock:
            if self._con is not None:
                self._con.close()
                self._con = None
