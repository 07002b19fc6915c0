"""Layer 5, rules: one file per rule, grouped by family, listed in one table.

``spec`` says what a rule is (RuleSpec: id, name, category, severity, scope, doc, check, needs) and what a
check yields (Hit); ``registry`` holds the table of every rule and the selection by id, prefix, name or
category. The families: ``claims`` (C), ``format`` (F), ``numbers`` (N), ``omissions`` (O), ``unsupported``
(U) and ``judge`` (J, specs without a check). A rule file is named by id and name
(``claims/c103_unlicensed_intensifier.py``); its docstring is the rule's doc, and it is the only file of
``checker`` besides the registry that writes its id.
Importing this package imports no rule: the registry imports them explicitly.
"""
