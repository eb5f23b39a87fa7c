import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import os  # noqa: E402

from hypothesis import settings  # noqa: E402

# In CI the generated cases are the same on every run: a landing never depends on a lucky draw.
# Locally they vary, and RESDIFF_FUZZ_FACTOR=N (tests/layout.py) asks for N times more of them.
settings.register_profile("ci", derandomize=True)
if os.environ.get("CI"):
    settings.load_profile("ci")
