"""A Morpher shown in a notebook names its model and how many words it knows, as ``eqmorph serve`` does."""


def test_the_repr_names_the_model_id_and_the_word_count(tiny_model):
    shown = repr(tiny_model)
    assert shown == f"<eqmorph.Morpher model {tiny_model.model_id}, {len(tiny_model.terms)} words>"
    assert " at 0x" not in shown and len(tiny_model.terms) > 0
