"""Form problems in the officer's words: the form's labels, no patterns, in their language."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from inspection_client.domain.models import ContainerLoad, VehicleClearance
from inspection_client.ui.main_window import MainWindow
from inspection_client.ui.problems import form_problem


def _error(**fields: object) -> ValidationError:
    values: dict[str, object] = {
        "direction": "entry",
        "decision": "cleared",
        "plate": "新A12345",
        "registration_country": "CHN",
        "vehicle_kind": "truck",
    }
    with pytest.raises(ValidationError) as caught:
        VehicleClearance.model_validate(values | fields)
    return caught.value


def test_problems_are_named_by_the_forms_labels(qapp: object) -> None:
    text = form_problem(_error(plate="x", registration_country="zz9"))
    assert text == "Plate: too short; Registration country: has characters that are not allowed"


def test_the_domains_own_checks_keep_their_words(qapp: object) -> None:
    text = form_problem(_error(vins=["LSVAU218XN2183295"]))
    assert text.startswith("VIN: VIN LSVAU218XN2183295: ")
    assert "Value error" not in text
    with pytest.raises(ValidationError) as caught:
        ContainerLoad.model_validate({"number": "CSQU3054384", "seals": []})
    assert form_problem(caught.value).startswith("Container: container CSQU3054384")


def test_more_problems_are_counted_and_chinese_is_spoken(window: MainWindow) -> None:
    window.apply_settings("zh_CN", 10)
    try:
        text = form_problem(
            _error(plate="x", registration_country="zz9", gross_weight_kg=-1, remarks="r" * 3000)
        )
        assert text == "备注：太长；车牌号：太短；登记国：含有不允许的字符；另有 1 处"
    finally:
        window.apply_settings("en", 10)
