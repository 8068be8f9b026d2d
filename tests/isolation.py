"""The suite's own config, data and cache folders, set up when the suite is imported, before
Qt starts. Qt's file dialog reads and writes its state (last folder, view mode, history) in
QtProject.conf under the user's config folder; a state left there by another run or another
person changed what the dialog showed, so a test flaked on the shared ~/.config. Platform
folders (platformdirs, QStandardPaths) follow the XDG variables, so the real ~/.config and
~/.local/share are never read or written either; subprocesses inherit them."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings

SUITE_HOME = Path(tempfile.mkdtemp(prefix="handbok-tests-home-"))
atexit.register(shutil.rmtree, SUITE_HOME, ignore_errors=True)

for _variable in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
    os.environ[_variable] = str(SUITE_HOME / _variable.lower())

# Qt's own settings (QSettings, in every format and scope) go to the suite's folder too, also
# on Windows, where the native format would otherwise be the user's registry.
for _format in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
    for _scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
        QSettings.setPath(_format, _scope, str(SUITE_HOME / "qsettings" / _scope.name))
