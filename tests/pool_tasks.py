"""Tasks that tests hand a workers.Pool (module level, so that a worker imports them by name): each is
`act((what, value))`, `what` saying how the worker behaves."""

from __future__ import annotations

import os
import signal
import threading
import time


def act(job: tuple[str, object]) -> object:
    what, value = job
    if what == "end-soon":  # the value now; the worker ends (exit status 3) half a second later, whatever it does
        threading.Timer(0.5, os._exit, (3,)).start()
    elif what == "kill":
        os.kill(os.getpid(), signal.SIGKILL)
    elif what == "pause":  # a task that takes a while (the value, in seconds)
        time.sleep(value)
    elif what == "pause, then say who":  # a pause, then the worker's process id
        time.sleep(value)
        return os.getpid()
    elif what == "say whose":  # the worker's parent: the fork server
        return os.getppid()
    elif what == "kill the fork server, then pause":  # every worker's parent: the pool is lost
        os.kill(os.getppid(), signal.SIGKILL)
        time.sleep(value)
    elif what == "kill the caller, then answer":  # the caller (its pid the value) killed; the value sent
        os.kill(value, signal.SIGKILL)               # when it has surely ended
        time.sleep(0.5)
    elif what == "hang":
        time.sleep(3600)
    elif what == "raise":
        raise ValueError(value)
    return value
