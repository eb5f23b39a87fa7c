"""A raw HTTP server on 127.0.0.1 for the fetch tests: it answers every request with exactly the bytes a
test gives it, however malformed (the tests never reach any other host)."""

from __future__ import annotations

import socket
import threading


class RawServer:
    """A TCP server on 127.0.0.1 that answers every request with what `answer(conn, request)` sends, byte
    for byte; `answer` may be changed between requests."""

    def __init__(self, answer):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(64)
        self.port = self.sock.getsockname()[1]
        self.answer = answer
        self.stop = False
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self):
        while not self.stop:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            threading.Thread(target=self._one, args=(conn,), daemon=True).start()

    def _one(self, conn):
        try:
            conn.settimeout(30)
            data = b""
            while b"\r\n\r\n" not in data:
                chunk = conn.recv(4096)
                if not chunk:
                    return
                data += chunk
            self.answer(conn, data)
        except OSError:
            pass
        finally:
            conn.close()

    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/{{symbol}}?l={{lang}}"

    def close(self):
        self.stop = True
        self.sock.close()
