"""Back and forward behave like a web browser."""

from her2guide.navigation import History, Location


def test_back_forward_and_a_new_visit_dropping_the_forward_part() -> None:
    history = History()
    a, b, c, d = (Location("page", name) for name in "abcd")
    for place in (a, b, c):
        history.visit(place)
    assert history.back() == b
    assert history.back() == a
    assert history.back() is None
    assert history.forward() == b
    history.visit(d)
    assert not history.can_go_forward()
    assert history.back() == b


def test_visiting_the_same_place_twice_adds_one_entry() -> None:
    history = History()
    history.visit(Location("page", "a"))
    history.visit(Location("page", "a"))
    assert not history.can_go_back()
