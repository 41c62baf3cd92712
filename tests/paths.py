"""Where the tests find the project's sibling ``shared/`` folder (the seeds, the smoke crawler).

Always relative to this checkout (``<repo>/../shared``), never an absolute path of one machine:
CI, another developer's machine and a git worktree beside the repository all resolve it the
same way. ``COOPPLAN_SHARED_DIR`` overrides it where the folder lives elsewhere.
"""

import os
from pathlib import Path

REPO_DIR = Path(__file__).resolve().parent.parent
SHARED_DIR = Path(os.environ.get("COOPPLAN_SHARED_DIR") or REPO_DIR.parent / "shared")
SEED_DIR = SHARED_DIR / "seeds"
