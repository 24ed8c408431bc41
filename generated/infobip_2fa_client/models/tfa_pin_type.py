from enum import StrEnum


class TfaPinType(StrEnum):
    ALPHA = "ALPHA"
    ALPHANUMERIC = "ALPHANUMERIC"
    HEX = "HEX"
    NUMERIC = "NUMERIC"

    def __str__(self) -> str:
        return str(self.value)
