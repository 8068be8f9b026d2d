"""``python -m desktop.cli``: the same as the ``handbok`` command."""

import sys

from desktop.cli.main import main

sys.exit(main())
