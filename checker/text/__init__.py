"""Text analysis shared by the rules: scripts, placeholders, sentences, terms."""
