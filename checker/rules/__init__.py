"""The built-in rules. Importing this package registers them all."""

from checker.rules import (  # noqa: F401
    artifacts,
    claims,
    extras,
    language,
    number_omissions,
    numbers,
    pipeline,
    structure,
)
