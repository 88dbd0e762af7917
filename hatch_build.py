"""Build hook: a wheel carries the interface catalogs compiled (.mo) from its own .po files.

Hatch runs this before it collects a wheel's files. Each ``resources/locale/*/LC_MESSAGES/*.po``
is compiled with Babel (as ``pybabel compile`` does) into the wheel's data folder. A forced file
from outside the project takes its place before anything else, so a .mo left over in a checkout
never goes into the wheel: an installed app reads exactly what this build compiled. An editable
install compiles at run time instead (``her2guide/catalogs.py``).
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from hatchling.builders.hooks.plugin.interface import BuildHookInterface

WHEEL_LOCALE = "her2guide/_data/resources/locale"


class CatalogBuildHook(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            return
        locale = Path(self.root) / "resources" / "locale"
        self._compiled = tempfile.TemporaryDirectory(prefix="her2guide-mo-")
        for po_path in sorted(locale.glob("*/LC_MESSAGES/*.po")):
            relative = po_path.relative_to(locale).with_suffix(".mo")
            mo_path = Path(self._compiled.name) / relative
            mo_path.parent.mkdir(parents=True, exist_ok=True)
            with po_path.open("rb") as source:
                catalog = read_po(source)
            with mo_path.open("wb") as target:
                write_mo(target, catalog)
            build_data["force_include"][str(mo_path)] = f"{WHEEL_LOCALE}/{relative.as_posix()}"

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        compiled = getattr(self, "_compiled", None)
        if compiled is not None:
            compiled.cleanup()
