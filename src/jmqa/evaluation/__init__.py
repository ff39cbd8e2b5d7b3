"""The eval harness behind ``jmqa eval`` (only that command imports it)."""
