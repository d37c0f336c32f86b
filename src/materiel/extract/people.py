"""Nouns of people, who are neither items nor what moves with them."""

# Plural nouns of people: a count beside them may count them, not the items ("soldiers were trained
# on them, and all have been sent to the front", "many were sent to the front, he said of his men");
# "fighters" is left out, which may be jets.
PEOPLE = {"soldier", "troop", "crew", "man", "woman", "pilot", "volunteer", "personnel", "officer", "recruit",
          "conscript", "serviceman", "marine", "sailor", "instructor", "trainer", "adviser", "advisor",
          "mercenary", "people", "civilian", "refugee", "worker", "engineer", "mechanic", "gunner", "staff",
          "prisoner", "commander", "reservist", "cadet", "student", "defender"}  # fmt: skip
# Those that are plural in sense in the singular form: "the personnel were sent home".
COLLECTIVE_PEOPLE = {"personnel", "staff", "people"}
