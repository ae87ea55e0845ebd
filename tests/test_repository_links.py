"""One place for the repository: what the pages tell a reader to clone is repository.url.

The Colab setup cell is checked in test_setup_cell.py and the README's Binder badge in
browser/test_site.py; this checks the clone command of intro.md.
"""

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


def test_intro_clones_the_configured_repository():
    url = yaml.safe_load((ROOT / "_config.yml").read_text())["repository"]["url"]
    clones = re.findall(r"git clone (\S+)(?: && cd (\S+))?", (ROOT / "intro.md").read_text())
    assert clones, "intro.md has no `git clone` command"
    for clone_url, folder in clones:
        assert clone_url.removesuffix(".git") == url.removesuffix(".git"), (
            f"intro.md clones {clone_url}, _config.yml's repository.url is {url}")
        assert folder in ("", url.rstrip("/").removesuffix(".git").rsplit("/", 1)[-1]), (
            f"intro.md changes into {folder!r}, which `git clone {url}` does not create")
