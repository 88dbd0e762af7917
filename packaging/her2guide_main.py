"""The frozen bundle's entry point (PyInstaller freezes this script, see scripts/build_bundle.py)."""

import sys

from her2guide.app import main

sys.exit(main())
