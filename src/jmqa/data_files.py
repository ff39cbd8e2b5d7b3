"""The data files shipped inside the package (the statement, the calibration, the glossaries).

Every file is read through :func:`read_data_file`, so a broken installation (a wheel built
without its data) fails loudly, naming the file, instead of answering with less knowledge.
"""

from __future__ import annotations

from importlib import resources

from jmqa.errors import DataFileMissingError


def read_data_file(name: str) -> str:
    """The text of ``jmqa/data/<name>``; raises :class:`DataFileMissingError` if it is absent."""
    resource = resources.files("jmqa").joinpath("data").joinpath(name)
    try:
        return resource.read_text(encoding="utf-8")
    except (FileNotFoundError, NotADirectoryError) as exc:
        raise DataFileMissingError(
            f"the data file jmqa/data/{name} is missing from the installed package "
            f"(looked in {resource}). Reinstall jmqa (`pip install --force-reinstall jmqa`, "
            f"or `make setup` in a checkout)."
        ) from exc
