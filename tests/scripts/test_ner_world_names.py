"""Names of many origins in the NER training pools: never an evaluation name."""

from __future__ import annotations

from scripts.ner import augment as ner_augment


def test_world_names_are_capitalised_stable_and_outside_the_held_out_share() -> None:
    names = ner_augment.world_names("first_names", 200, frozenset())
    assert len(names) == 200
    assert names == ner_augment.world_names("first_names", 200, frozenset())
    assert all(name[0].isupper() for name in names)
    assert not any(ner_augment.is_held_out(name) for name in names)


def test_world_names_leave_out_forbidden_names_and_none_means_none() -> None:
    names = ner_augment.world_names("surnames", 50, frozenset())
    forbidden = frozenset(name.lower() for name in names[:10])
    again = ner_augment.world_names("surnames", 50, forbidden)
    assert not {name.lower() for name in again} & forbidden
    assert ner_augment.world_names("surnames", 0, frozenset()) == []


def test_training_pools_hold_world_names_only_when_asked() -> None:
    first = ner_augment.Sentence(("Kari", "Nordmann", "kom"), ("B-PER", "I-PER", "O"))
    without = ner_augment.name_pools([first], held_out=False, pseudo=0, world=0)
    with_world = ner_augment.name_pools([first], held_out=False, pseudo=0, world=30)
    added = set(with_world.first) - set(without.first)
    assert added == set(ner_augment.world_names("first_names", 30, _evaluation_names()))
    assert len(set(with_world.last) - set(without.last)) == 30


def _evaluation_names() -> frozenset[str]:
    held_first, held_last = ner_augment.immigrant_names(True)
    return frozenset(n.lower() for n in [*held_first, *held_last])
