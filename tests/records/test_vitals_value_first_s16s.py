"""Session 16 (phi16s, issue 11): vitals written value first ("90% sat"), a fever's peak, lung function results and
the complement levels, read as readings. Sentences are our own."""

from medcore.auth import SYSTEM
import pytest

from medcore.config import Settings
from medcore.records import inputs, service


def _readings(text: str) -> dict[str, str]:
    settings = Settings.load()
    ex = service.summarize_input(inputs.from_paste(text, settings), settings, user=SYSTEM, with_narrative=False).analysis.extraction
    return {m.name: m.value for m in [*ex.labs, *ex.vitals]}


def test_vitals_written_value_first():
    got = _readings("On arrival: heart rate 150, 50 respiratory rate, 94% sat, and 64/35 mmHg blood pressure.")
    assert got["respiratory rate"] == "50"
    assert got["oxygen saturation"] == "94"
    assert got["blood pressure"] == "64/35"


def test_saturation_words_after_a_percentage():
    got = _readings("At the visit she kept 97% oxygen saturations on room air.")
    assert got["oxygen saturation"] == "97"


def test_fever_peak_is_a_temperature():
    got = _readings("Her fever has climbed as high as 102.7 degrees F over two days.")
    assert got["temperature"] == "102.7"


@pytest.mark.parametrize("text", [
    "Pedal exam shows 2 pulses palpable on each side.",
    "He took 20 tablets with a 12 heart medication list.",
    "Fever since the 3rd, no readings taken.",
])
def test_no_vital_without_its_shape(text):
    got = _readings(text)
    assert not {"heart rate", "respiratory rate", "temperature", "blood pressure"} & set(got)


def test_lung_function_results_are_read():
    got = _readings("Spirometry today: FEV1 is 2.44, 81% predicted. FVC is 3.30, 90% predicted. FEF 25-75 is 1.90. "
                    "DLCO is 24, 95% predicted. Residual volume is 2.10. Total lung capacity is 5.75.")
    assert got == {"FEV1": "2.44", "FVC": "3.30", "FEF 25-75": "1.90", "DLCO": "24", "residual volume": "2.10",
                   "total lung capacity": "5.75"}


def test_complement_level_is_read():
    got = _readings("Serologies: C3 complement 98 mg/dL and C4 complement: 22 mg/dl.")
    assert got["complement C3"] == "98" and got["complement C4"] == "22"
