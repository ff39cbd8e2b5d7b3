"""Start the jmqa web UI: ``python app.py [--host H] [--port N]`` (default http://127.0.0.1:7860).

Same as ``jmqa serve``. Binds to 127.0.0.1 unless --host says otherwise; no share link.
"""

import sys

from jmqa.ui import main

if __name__ == "__main__":
    sys.exit(main())
