"""Number rules: invented, changed or dropped quantities (issue 3). Rules are registered here."""
