from enum import StrEnum


class TfaV1Language(StrEnum):
    CA = "ca"
    DA = "da"
    DE = "de"
    EN = "en"
    ES = "es"
    FI = "fi"
    FR = "fr"
    IT = "it"
    JA = "ja"
    KO = "ko"
    NL = "nl"
    NO = "no"
    PL = "pl"
    PT_PT = "pt-pt"
    RU = "ru"
    SV = "sv"
    ZH_CN = "zh-cn"
    ZH_TW = "zh-tw"

    def __str__(self) -> str:
        return str(self.value)
