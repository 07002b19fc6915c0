"""Claim analysis shared by the claim rules: clause alignment, lexicons and Latin-script entities."""
