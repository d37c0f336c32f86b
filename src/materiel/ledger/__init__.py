"""The ledger: store, merge across articles, review, export."""
