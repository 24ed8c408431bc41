"""`python -m twofa_mocks` (what `make mock` runs): the `twofa-mock` command (see _cli.py)."""

import sys

from ._cli import main

__all__ = ["main"]

if __name__ == "__main__":
    sys.exit(main())
