from enum import StrEnum


class TfaPinError(StrEnum):
    NO_MORE_PIN_ATTEMPTS = "NO_MORE_PIN_ATTEMPTS"
    TTL_EXPIRED = "TTL_EXPIRED"
    WRONG_PIN = "WRONG_PIN"

    def __str__(self) -> str:
        return str(self.value)
