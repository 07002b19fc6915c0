"""Layer 9, the command line: ``digest-check`` and ``python -m checker``.

Owns argument parsing, configuration files (``config``), exit codes and the batch-judge commands
(``judge_batch``); everything else is called from the layers below.
"""

from checker.cli.app import main

__all__ = ["main"]
