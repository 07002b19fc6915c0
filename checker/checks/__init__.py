"""The built-in rules. Importing this package registers them all."""

from checker.checks import artifacts, claims, extras, language, numbers, pipeline, structure  # noqa: F401
