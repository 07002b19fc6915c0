"""Packages for setuptools; everything else is in pyproject.toml.

The judge's prompts are kept in the top-level prompts/ folder, where people read and edit them, and are
shipped inside the package as ``checker/prompts`` (read with importlib.resources). pyproject.toml's
``packages.find`` cannot add a package that lives outside ``checker/``, so the packages are listed here.
"""

from setuptools import find_namespace_packages, setup

setup(
    # namespace packages too: checker/data and checker/render/report/templates hold package data, no code
    packages=[*find_namespace_packages(include=["checker", "checker.*"], exclude=["*.__pycache__"]), "checker.prompts"],
    package_dir={"checker.prompts": "prompts"},
)
