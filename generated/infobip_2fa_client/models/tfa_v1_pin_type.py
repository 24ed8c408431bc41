from enum import StrEnum


class TfaV1PinType(StrEnum):
    ALPHA = "ALPHA"
    ALPHANUMERIC = "ALPHANUMERIC"
    HEXA = "HEXA"
    NUMERIC = "NUMERIC"

    def __str__(self) -> str:
        return str(self.value)
