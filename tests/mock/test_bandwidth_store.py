"""The Bandwidth store forgets expired codes in order, and idle counters and tokens on its sweeps."""

from __future__ import annotations

from twofa_mocks.bandwidth._store import MAX_WINDOW_SECONDS, SWEEP_EVERY, BandwidthStore, FailureCount, IssuedCode

KEY_A = ("9900000", "+19195550001", "2FA")
KEY_B = ("9900000", "+19195550002", "2FA")


def issued(code: str, at: float) -> IssuedCode:
    return IssuedCode(code, at, "app", f"ref-{code}")


def test_codes_expire_oldest_first_and_only_once_out_of_every_window() -> None:
    store = BandwidthStore()
    store.add_code(KEY_A, issued("111111", 0.0), newest_only=False)
    store.add_code(KEY_B, issued("222222", 10.0), newest_only=False)
    store.add_code(KEY_A, issued("333333", 20.0), newest_only=False)
    store.evict_expired(MAX_WINDOW_SECONDS, 120)  # the first code is exactly out of the window
    assert [c.code for c in store.codes[KEY_A]] == ["333333"]
    assert [c.code for c in store.codes[KEY_B]] == ["222222"]
    store.evict_expired(MAX_WINDOW_SECONDS + 20, 120)
    assert store.codes == {}


def test_consumed_and_superseded_codes_leave_nothing_behind() -> None:
    store = BandwidthStore()
    first = issued("111111", 0.0)
    store.add_code(KEY_A, first, newest_only=False)
    store.consume(KEY_A, first)
    store.add_code(KEY_B, issued("222222", 1.0), newest_only=True)
    store.add_code(KEY_B, issued("333333", 2.0), newest_only=True)
    assert [c.code for c in store.codes[KEY_B]] == ["333333"]
    store.evict_expired(MAX_WINDOW_SECONDS + 2, 120)
    assert store.codes == {}


def test_idle_counters_and_expired_tokens_go_on_the_next_sweep() -> None:
    store = BandwidthStore()
    store.failures[("9900000", "+19195550001")] = FailureCount(failures=3, last_failure=0.0)
    store.failures[("9900000", "+19195550002")] = FailureCount(failures=1, last_failure=500.0)
    store.tokens["old"] = ("client", 100.0)
    store.tokens["new"] = ("client", 10_000.0)
    for _ in range(SWEEP_EVERY):
        store.evict_expired(600.0, 120)
    assert list(store.failures) == [("9900000", "+19195550002")]
    assert list(store.tokens) == ["new"]
