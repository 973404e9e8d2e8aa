"""remembered(): a block rendered once per key and Jinja environment (a generator's, so once per build)."""

from jinja2 import DictLoader, Environment

from hub import fragments
from hub.fragments import remembered

TEMPLATE = '{% call remembered("card", name) %}{{ count() }}:{{ name }}{% endcall %}'


def environment():
    env = Environment(loader=DictLoader({"card.html": TEMPLATE}), autoescape=True)
    env.globals["remembered"] = remembered
    return env


def test_a_block_is_rendered_once_per_key_and_shown_every_time():
    fragments.forget()
    rendered = []

    def count():
        rendered.append(1)
        return len(rendered)

    template = environment().get_template("card.html")
    shown = [template.render(name=name, count=count) for name in ("a", "b", "a", "a", "b")]
    assert shown == ["1:a", "2:b", "1:a", "1:a", "2:b"]
    assert len(rendered) == 2


def test_what_is_remembered_is_escaped_once():
    fragments.forget()
    template = environment().get_template("card.html")
    first = template.render(name="<b>", count=lambda: 1)
    assert first == template.render(name="<b>", count=lambda: 2) == "1:&lt;b&gt;"


def test_forgetting_renders_again():
    fragments.forget()
    template = environment().get_template("card.html")
    assert template.render(name="a", count=lambda: 1) == "1:a"
    fragments.forget()
    assert template.render(name="a", count=lambda: 2) == "2:a"


def test_another_environment_renders_again():
    fragments.forget()
    first, second = environment().get_template("card.html"), environment().get_template("card.html")
    assert first.render(name="a", count=lambda: 1) == "1:a"
    assert second.render(name="a", count=lambda: 2) == "2:a", "a later build's generators show what it reads"
    assert first.render(name="a", count=lambda: 3) == "1:a"
