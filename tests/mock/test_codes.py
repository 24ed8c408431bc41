"""One draw per code: the draw maps one-to-one onto the codes, so every code is equally likely."""

from __future__ import annotations

import itertools
import secrets

import pytest
from twofa_mocks._codes import random_code


@pytest.mark.parametrize(("alphabet", "length"), [("01", 3), ("0123456789", 2), ("ABC", 4), ("0123456789ABCDEF", 1)])
def test_every_draw_gives_a_different_code_and_every_code_has_its_draw(
    monkeypatch: pytest.MonkeyPatch, alphabet: str, length: int
) -> None:
    bounds: list[int] = []
    draws = iter(range(len(alphabet) ** length))

    def randbelow(bound: int) -> int:
        bounds.append(bound)
        return next(draws)

    monkeypatch.setattr(secrets, "randbelow", randbelow)
    codes = [random_code(alphabet, length) for _ in range(len(alphabet) ** length)]
    assert set(bounds) == {len(alphabet) ** length}
    assert sorted(codes) == sorted("".join(c) for c in itertools.product(alphabet, repeat=length))
    assert codes == sorted(codes, key=lambda code: [alphabet.index(c) for c in code])  # the top digit first


def test_codes_keep_their_length_and_alphabet() -> None:
    for _ in range(200):
        code = random_code("0123456789", 6)
        assert len(code) == 6
        assert code.isdigit()
