"""The plural categories of a language (CLDR's one, few, many...), each with a count that falls in it.

The search page renders each plural form of its "N results" message at one
such count; the script then picks the form for the real count with
Intl.PluralRules, which uses the same categories.
"""

# Far enough to meet every category whole numbers fall in, for the languages Babel knows.
SEARCHED_UP_TO = 200


def plural_samples(locale):
    """[(category, count)] for `locale`, a Babel Locale, in order of count."""
    samples = {}
    for count in range(SEARCHED_UP_TO + 1):
        samples.setdefault(locale.plural_form(count), count)
    return sorted(samples.items(), key=lambda item: item[1])
