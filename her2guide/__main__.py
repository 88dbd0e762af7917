"""``python -m her2guide``."""

import sys

from her2guide.app import main

sys.exit(main())
