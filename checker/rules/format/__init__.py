"""Format rules (F): what is wrong with a block as text, before what it says is read.

F1 blocks missing, placeholders, failed papers, broken abstracts, repeated records; F2 the language of a
block; F3 generator artifacts (boilerplate, leaked prompts, broken characters, cut or repeated blocks, the
extra fields of extended schemas). One rule per file; ``checker.rules.registry`` lists them.
"""
