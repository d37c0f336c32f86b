"""A speaker named at a sentence's end with a relative clause set off by commas between it and its
verb ("..., the official, who asked not to be named, said."): the parser hangs the verb on the
clause, so the speaker is read off the text whatever the parse."""

from __future__ import annotations

import re

TRAILING_RELATIVE = re.compile(
    r"""
    ,\s+(?P<name>(?:[\w'’.&-]+\s+){0,5}?[\w'’.&-]+)        # up to six words of its name
    ,\s+(?:who|which)\s+[^,;:]{3,100}?,                     # the clause about it: ", who heads the office,"
    \s+(?:(?:said|says|wrote|writes|added|reported|reports|confirmed|announced)\b  # the verb of saying, with
          (?!\s+(?:the|a|an|nothing|(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)[A-Z])\b)  # no subject after it
                                                                #   ("said the report"); a day may follow
        | (?:told|tells)\s+(?!(?:him|her|them|it)\b))      # or telling someone: "told reporters"
    """,
    re.VERBOSE,
)
