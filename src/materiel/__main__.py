"""`python -m materiel` runs the CLI."""

from materiel.cli import main

main()
