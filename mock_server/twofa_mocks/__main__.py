"""`python -m twofa_mocks`: the `twofa-mock` command (see _cli.py), which `make mock` runs."""

import sys

from ._cli import main

__all__ = ["main"]

if __name__ == "__main__":
    sys.exit(main())
