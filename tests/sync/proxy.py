"""A small HTTP proxy for fault injection between the lane client and a real central.

Each request is read whole, forwarded on a fresh upstream connection and answered with
`Connection: close`, so that a fault can be aimed at exactly one request: `faults` is a list
of (path prefix, action) consumed in order by the first matching request, or of (path prefix,
action, body marker) consumed by the first matching request whose body holds the marker. The
marker aims a fault at one of several requests in flight together (the sync sends two batches
at once, and which reaches the proxy first is up to the scheduler); its request is read whole
before the fault is chosen.
Actions: "drop_response" (forward, let the central commit, answer nothing), "cut_upload"
(read half the body and hang up), "html" (a captive portal's 200 page), "503", or a callable
run just after forwarding (to kill the central mid-ingest).
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable

Action = str | Callable[[], None]
Fault = tuple[str, Action] | tuple[str, Action, bytes]


class FaultProxy:
    def __init__(self, upstream_port: int) -> None:
        self.upstream_port = upstream_port
        self.faults: list[Fault] = []
        self.requests: list[str] = []
        self._lock = threading.Lock()
        self._server = socket.create_server(("127.0.0.1", 0))
        self.port = self._server.getsockname()[1]
        self._closed = False
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def close(self) -> None:
        self._closed = True
        self._server.close()

    def _accept(self) -> None:
        while not self._closed:
            try:
                client, _ = self._server.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(client,), daemon=True).start()

    def _wants_body(self, path: str) -> bool:
        """Whether a fault for ``path`` is aimed by its body (so the body must be read first)."""
        with self._lock:
            return any(len(fault) == 3 and path.startswith(fault[0]) for fault in self.faults)

    def _fault_for(self, path: str, body: bytes) -> Action | None:
        with self._lock:
            self.requests.append(path)
            for index, fault in enumerate(self.faults):
                if path.startswith(fault[0]) and (len(fault) == 2 or fault[2] in body):
                    del self.faults[index]
                    return fault[1]
        return None

    def _serve(self, client: socket.socket) -> None:
        with client:
            try:
                while self._one_request(client):
                    pass
            except OSError:
                return

    def _one_request(self, client: socket.socket) -> bool:
        head = b""
        while b"\r\n\r\n" not in head:
            chunk = client.recv(65536)
            if not chunk:
                return False
            head += chunk
        header, _, body = head.partition(b"\r\n\r\n")
        lines = header.decode("latin-1").split("\r\n")
        path = lines[0].split(" ")[1]
        length = 0
        kept = [lines[0]]
        for line in lines[1:]:
            name, _, value = line.partition(":")
            if name.strip().lower() == "content-length":
                length = int(value)
            if name.strip().lower() != "connection":
                kept.append(line)
        if self._wants_body(path):
            while len(body) < length:
                chunk = client.recv(65536)
                if not chunk:
                    return False
                body += chunk
        action = self._fault_for(path, body)
        if action == "cut_upload":
            while len(body) < length // 2:
                body += client.recv(65536)
            client.shutdown(socket.SHUT_RDWR)
            return False
        while len(body) < length:
            chunk = client.recv(65536)
            if not chunk:
                return False
            body += chunk
        if action == "html":
            page = b"<html><body>Please log in to continue</body></html>"
            client.sendall(
                b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n"
                b"Content-Length: " + str(len(page)).encode() + b"\r\n\r\n" + page
            )
            return False
        if action == "503":
            client.sendall(
                b"HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\n"
                b"Content-Length: 0\r\n\r\n"
            )
            return False
        kept.append("Connection: close")
        request = "\r\n".join(kept).encode("latin-1") + b"\r\n\r\n" + body
        answer = b""
        try:
            with socket.create_connection(("127.0.0.1", self.upstream_port), timeout=60) as up:
                up.sendall(request)
                if callable(action):
                    action()
                while chunk := up.recv(65536):
                    answer += chunk
        except OSError:
            return False
        if action == "drop_response" or not answer:
            client.shutdown(socket.SHUT_RDWR)
            return False
        head, sep, rest = answer.partition(b"\r\n\r\n")
        if b"\r\nconnection:" not in head.lower():
            head += b"\r\nConnection: close"
        client.sendall(head + sep + rest)
        return False
