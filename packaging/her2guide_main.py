"""The frozen bundle's entry point, which PyInstaller freezes (see scripts/build_bundle.py)."""

import sys

from her2guide.app import main

sys.exit(main())
