"""One-time codes as the vendors make them: uniform over an alphabet, from the OS's CSPRNG."""

from __future__ import annotations

import secrets


def random_code(alphabet: str, length: int) -> str:
    """``length`` characters, each uniform and independent over ``alphabet``, in one draw.

    A number below ``len(alphabet) ** length`` maps one-to-one onto the strings of that length (its
    digits in base ``len(alphabet)``), so one ``secrets.randbelow`` gives the same distribution as one
    ``secrets.choice`` per character, with one system call instead of one per character: about 15 %
    of an Infobip send's CPU in the mock (`make bench`, mock group).
    """
    base = len(alphabet)
    number = secrets.randbelow(base**length)
    characters = []
    for _ in range(length):
        number, digit = divmod(number, base)
        characters.append(alphabet[digit])
    return "".join(reversed(characters))  # the most significant digit first
